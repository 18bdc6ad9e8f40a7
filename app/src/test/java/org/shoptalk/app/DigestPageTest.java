package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.shoptalk.core.digest.DigestExport;
import org.shoptalk.core.digest.DigestTokens;
import org.shoptalk.core.testing.Csv;

/** A digest posted in the local console links to its web page and exports; a changed or old link opens nothing. */
class DigestPageTest {
    private static final String SECRET = "digest-page-test-secret-0123456789";
    private static final Pattern LINK =
            Pattern.compile("(https?://[^/\\s]+)(/digest/([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+))");

    @TempDir
    Path dir;

    @RegisterExtension
    final LocalApp local = new LocalApp();

    private Http start() {
        return local.start(dir);
    }

    /** A guild lives through a moment: answers, a reply with markup in it, a deleted answer, then its digest. Returns the digest's link. */
    private static Matcher guildWithDigest(Http http) {
        ConsoleClient craft = new ConsoleClient(http, "craft");
        craft.command("alice", "/shoptalk guild create Craft lang en");
        String thread = craft.moment("alice");
        craft.post("alice", "Asking before fixing saved me a day.", thread);
        String gone = craft.post("carol", "Pairing helped me most.", thread);
        craft.post("bob", "@alice <script>alert('x')</script> & I keep a notebook of near misses.", thread);
        craft.delete(gone);
        craft.post("alice", "/shoptalk digest", null);
        String digest =
                craft.lastPublicBotPost("*This week in Craft*").get("text").asText();
        Matcher link = LINK.matcher(digest);
        assertThat(link.find()).as(digest).isTrue();
        assertThat(digest).contains("Read all answers on the web (");
        return link;
    }

    /** A Dutch guild, Vakmensen, asks for its digest before any moment. Returns the path of the digest's link. */
    private static String dutchGuildsDigestPath(Http http) {
        ConsoleClient vak = new ConsoleClient(http, "vak");
        vak.command("lea", "/shoptalk guild create Vakmensen lang nl");
        vak.post("lea", "/shoptalk digest", null);
        Matcher link = LINK.matcher(
                vak.lastPublicBotPost("*Deze week in Vakmensen*").get("text").asText());
        assertThat(link.find()).isTrue();
        return link.group(2);
    }

    @Test
    void the_digest_links_to_a_page_with_the_prompt_the_answers_who_answered_whom_the_thread_and_the_chart() {
        Http http = start();
        Matcher link = guildWithDigest(http);

        assertThat(link.group(1)).isEqualTo(local.url(""));
        Http.Answer page = http.get(link.group(2));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body())
                .contains("Reflection in Craft")
                .contains("Why this question:")
                .contains("Asking before fixing saved me a day.")
                .contains("bob, responding to alice")
                .doesNotContain("Pairing helped me most.")
                .contains("The last 12 weeks")
                .contains("<svg")
                .contains("class=\"people\"")
                .contains("class=\"replies\"")
                .contains("name=\"viewport\"")
                .contains("@media print")
                .containsPattern("class=\"thread\" href=\"/local\\?channel(=|&#61;)craft&amp;thread(=|&#61;)\\d+\"");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        String metrics = http.get("/metrics").body();
        assertThat(metrics)
                .contains("route=\"/digest/{token}\"")
                .doesNotContain(link.group(3).substring(0, 20));
    }

    @Test
    void a_dutch_guild_reads_its_page_in_dutch() {
        Http http = start();

        String body = http.get(dutchGuildsDigestPath(http)).body();
        assertThat(body)
                .contains("<html lang=\"nl\">")
                .contains("Reflectie in Vakmensen")
                .contains("Geen reflectiemomenten in deze periode.")
                .contains("Mensen die meededen");
    }

    @Test
    void a_page_and_export_for_weeks_the_retention_removed_say_so_in_the_guilds_language() {
        Http http = start();
        String path = dutchGuildsDigestPath(http);
        // What the daily purge records once it removed everything up to after this digest (RetentionTest runs it).
        local.app()
                .database()
                .useTransaction(h -> h.update(
                        "UPDATE guild SET purged_before = ?", Instant.now().plus(Duration.ofDays(1))));

        Http.Answer page = http.get(path);
        assertThat(page.status()).isEqualTo(410);
        assertThat(page.body())
                .contains("Verwijderd volgens de bewaartermijn")
                .contains("Vakmensen bewaart antwoorden en draadjes 24 maanden")
                .doesNotContain("Reflectie in");
        Http.Answer export = http.get(path + "/export.csv");
        assertThat(export.status()).isEqualTo(410);
        assertThat(export.body()).contains("Verwijderd volgens de bewaartermijn");
    }

    @Test
    void markup_in_an_answer_stays_text() {
        Http http = start();
        String body = http.get(guildWithDigest(http).group(2)).body();

        assertThat(body)
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; I keep a notebook")
                .doesNotContain("<script>");
    }

    @Test
    void a_link_with_one_character_changed_gets_the_same_plain_403() {
        Http http = start();
        String path = guildWithDigest(http).group(2);
        String bogus = http.get("/digest/nothing.here").body();

        for (int i : new int[] {"/digest/".length(), path.length() / 2 + 4, path.length() - 1}) {
            char c = path.charAt(i);
            String changed = path.substring(0, i) + (c == 'A' ? 'B' : 'A') + path.substring(i + 1);
            Http.Answer refused = http.get(changed);
            assertThat(refused.status()).as(changed).isEqualTo(403);
            assertThat(refused.body()).isEqualTo(bogus).doesNotContain("Craft").doesNotContain("alice");
            assertThat(http.get(changed + "/export.csv").status()).isEqualTo(403);
        }
        assertThat(bogus).contains("This link does not open a digest.");
        assertThat(http.get(path).status()).isEqualTo(200);
    }

    @Test
    void an_expired_link_and_a_link_to_a_removed_guild_get_the_same_plain_410() {
        Http http = local.start(dir, Map.of("SHOPTALK_SECRET", SECRET));
        guildWithDigest(http);
        Instant posted = Instant.now().minus(Duration.ofDays(61));
        DigestTokens old = DigestTokens.withSecret(SECRET, Clock.fixed(posted, ZoneOffset.UTC));

        Http.Answer expired = http.get("/digest/" + old.issue(1, posted, posted.plus(Duration.ofDays(60))));
        Http.Answer noGuild = http.get(
                "/digest/" + old.issue(999, Instant.now(), Instant.now().plus(Duration.ofDays(1))));

        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.body()).contains("This link has expired.").doesNotContain("Craft");
        assertThat(noGuild.status()).isEqualTo(410);
        assertThat(noGuild.body()).isEqualTo(expired.body());
    }

    @Test
    void a_link_made_with_the_configured_secret_and_public_url_opens_the_page() {
        Http http = local.start(
                dir, Map.of("SHOPTALK_SECRET", SECRET, "SHOPTALK_PUBLIC_URL", "https://shoptalk.example.org/"));
        Matcher link = guildWithDigest(http);

        assertThat(link.group(1)).isEqualTo("https://shoptalk.example.org");
        DigestTokens mine = DigestTokens.withSecret(SECRET, Clock.systemUTC());
        assertThat(mine.check(link.group(3))).isInstanceOf(DigestTokens.Access.Granted.class);
        assertThat(http.get(link.group(2)).status()).isEqualTo(200);
    }

    @Test
    void a_link_still_opens_after_a_restart_without_a_configured_secret() {
        Http http = start();
        String path = guildWithDigest(http).group(2);
        local.stop();

        http = start();
        assertThat(http.get(path).status()).isEqualTo(200);
        assertThat(http.get(path).body()).contains("Asking before fixing saved me a day.");
    }

    @Test
    void the_period_selector_shows_more_weeks_and_refuses_a_bad_value_plainly() {
        Http http = start();
        String path = guildWithDigest(http).group(2);

        Http.Answer four = http.get(path + "?weeks=4");
        assertThat(four.status()).isEqualTo(200);
        assertThat(four.body()).contains("the 4 weeks up to").contains("<option value=\"4\" selected>");
        Http.Answer bad = http.get(path + "?weeks=lots");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("a whole number from 1 to 52");
    }

    @Test
    void exports_hold_the_same_answers_as_csv_json_and_markdown() throws Exception {
        Http http = start();
        String path = guildWithDigest(http).group(2);

        Http.Answer csv = http.get(path + "/export.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition"))
                .matches("attachment; filename=\"shoptalk-craft-\\d{4}-\\d\\d-\\d\\d-\\d{4}-\\d\\d-\\d\\d\\.csv\"");
        List<List<String>> rows = Csv.parse(csv.body());
        int text = rows.get(0).indexOf("text");
        int respondsTo = rows.get(0).indexOf("responds_to");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).get(text)).isEqualTo("Asking before fixing saved me a day.");
        // A leading @ could start a spreadsheet formula: the CSV cell is marked as text, which Excel does not show.
        assertThat(rows.get(2).get(text))
                .isEqualTo("'@alice <script>alert('x')</script> & I keep a notebook of near misses.");
        assertThat(rows.get(2).get(respondsTo)).isEqualTo("alice");

        JsonNode json =
                new ObjectMapper().readTree(http.get(path + "/export.json").body());
        assertThat(json.get("guild").get("name").asText()).isEqualTo("Craft");
        assertThat(json.get("rounds").get(0).get("answers")).hasSize(2);
        assertThat(json.get("rounds")
                        .get(0)
                        .get("answers")
                        .get(1)
                        .get("respondsTo")
                        .asText())
                .isEqualTo("alice");
        assertThat(json.get("rounds").get(0).get("answers").get(1).get("text").asText())
                .isEqualTo("@alice <script>alert('x')</script> & I keep a notebook of near misses.");

        Http.Answer md = http.get(path + "/export.md?weeks=4");
        assertThat(md.contentType())
                .startsWith(DigestExport.MARKDOWN.contentType().split(";", -1)[0]);
        assertThat(md.body())
                .startsWith("# Craft: reflection moments")
                .contains("> Asking before fixing saved me a day.")
                .doesNotContain("Pairing helped me most.");

        assertThat(http.get(path + "/export.xlsx").status()).isEqualTo(404);
        assertThat(http.get(path + "/export.csv?from=2026-13-01").status()).isEqualTo(400);
        assertThat(http.get(path + "/export.csv?weeks=2&from=2026-01-01").status())
                .isEqualTo(400);
        assertThat(Csv.parse(http.get(path + "/export.csv?from=2001-01-01&to=2001-12-31")
                        .body()))
                .hasSize(1);
    }

    /**
     * Issue 12: error pages speak the guild's language when the link names a guild, else the browser's, with texts
     * from core's catalog; the Dutch 403 says "overzicht", not "digest".
     */
    @Test
    void error_pages_speak_the_guilds_language_or_else_the_browsers() {
        Http http = start();
        String path = dutchGuildsDigestPath(http);

        Http.Answer missing = http.get(path + "/export.xlsx");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body())
                .contains("<html lang=\"nl\">")
                .contains("Deze pagina bestaat niet.")
                .doesNotContain("does not exist");
        Http.Answer bad = http.get(path + "?weeks=0");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("Die periode kent deze pagina niet.").doesNotContain("Bad request");
        assertThat(http.get(path + "/export.csv?from=2026-13-01").body())
                .contains("Die periode kent dit exportbestand niet.");

        Http.Answer dutch = http.send(
                "GET", "/digest/nothing.here", null, null, Map.of("Accept-Language", "nl-NL,nl;q=0.9,en;q=0.5"));
        assertThat(dutch.status()).isEqualTo(403);
        assertThat(dutch.body())
                .contains("<html lang=\"nl\">")
                .contains("Deze link opent geen overzicht.")
                .doesNotContainIgnoringCase("digest")
                .doesNotContain("This link");
        Http.Answer english = http.get("/digest/nothing.here");
        assertThat(english.body())
                .contains("<html lang=\"en\">")
                .contains("This link does not open a digest.")
                .doesNotContain("Deze link");
    }
}

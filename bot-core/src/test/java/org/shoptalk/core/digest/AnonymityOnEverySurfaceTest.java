package org.shoptalk.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.shoptalk.core.CoreSettings;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.round.Attribution;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.Csv;
import org.shoptalk.core.testing.TestDatabases;

/**
 * The chat digest, the page's model and the three exports tell the same story about an anonymous answer: from
 * "a colleague", never a pseudonym, replies to it respond to "a colleague", and its day is the guild's day.
 * Runs as Shoptalk runs by default, without SHOPTALK_SECRET.
 */
class AnonymityOnEverySurfaceTest {
    /** Monday 23 November 2026, 14:00 in New York (19:00 UTC). */
    private static final Instant MONDAY_2PM_NEW_YORK = Instant.parse("2026-11-23T19:00:00Z");

    private static final List<String> EXPECTED =
            List.of("Bob | - | plain", "a colleague | - | edited", "Bob | a colleague | plain", "Cas | - | plain");
    private static final Pattern PSEUDONYM_OR_WRITER = Pattern.compile("(?i)anon:|\\bann\\b");

    private record NewYorkThread(Guild guild, Instant start) {}

    /** Bob answers; Ann answers anonymously on Monday afternoon and edits it; Bob responds to her; Cas answers. */
    private static NewYorkThread aNewYorkThreadWithAnAnonymousAnswer(CoreFixture f) {
        f.run("lea", "craft", "guild create Craft lang en tz America/New_York");
        f.run("ann", "craft", "guild join");
        Instant start = f.clock.instant().minusSeconds(1);
        f.run("lea", "craft", "moment");
        String thread = f.latestRoundThread("craft");
        f.reply("craft", thread, "bob", "Mine: deadlines.");
        f.clock.set(MONDAY_2PM_NEW_YORK.plus(Duration.ofHours(1)));
        assertThat(f.run("ann", null, "anon \"I rush when I feel watched.\"")).contains("a colleague");
        f.clock.advance(Duration.ofMinutes(10));
        assertThat(f.run("ann", null, "anon \"I rush when I feel watched, mostly.\""))
                .contains("updated");
        f.reply("craft", thread, "bob", "Thank you for saying it.");
        f.reply("craft", thread, "cas", "Same here.");
        Guild guild = f.db.withHandle(h -> new GuildStore().findByName(h, CoreFixture.TENANT, "Craft"))
                .orElseThrow();
        return new NewYorkThread(guild, start);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void chat_digest_page_and_exports_name_the_same_people_and_never_a_pseudonym(TestDatabases.Kind kind)
            throws Exception {
        try (CoreFixture f = CoreFixture.on(TestDatabases.fresh(kind), MONDAY_2PM_NEW_YORK, CoreSettings.defaults())) {
            NewYorkThread t = aNewYorkThreadWithAnAnonymousAnswer(f);

            f.run("lea", "craft", "digest");
            ChatMessage chat = f.chat.last().message();
            DigestHistory.Period period = f.core().digestHistory().read(t.guild(), t.start(), f.clock.instant());
            String markdown = DigestExport.MARKDOWN.write(period);
            String csv = DigestExport.CSV.write(period);
            String json = DigestExport.JSON.write(period);

            assertThat(fromChat(chat)).isEqualTo(EXPECTED);
            assertThat(fromPage(period)).isEqualTo(EXPECTED);
            assertThat(fromMarkdown(markdown)).isEqualTo(EXPECTED);
            assertThat(fromCsv(csv)).isEqualTo(EXPECTED);
            assertThat(fromJson(json)).isEqualTo(EXPECTED);
            assertThat(List.of(chat.plainText("/shoptalk"), markdown, csv, json))
                    .allSatisfy(surface -> assertThat(surface).doesNotContainPattern(PSEUDONYM_OR_WRITER));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void an_anonymous_answer_given_on_monday_afternoon_in_new_york_is_dated_monday_everywhere_without_a_time(
            TestDatabases.Kind kind) throws Exception {
        try (CoreFixture f = CoreFixture.on(TestDatabases.fresh(kind), MONDAY_2PM_NEW_YORK, CoreSettings.defaults())) {
            NewYorkThread t = aNewYorkThreadWithAnAnonymousAnswer(f);

            DigestHistory.Period period = f.core().digestHistory().read(t.guild(), t.start(), f.clock.instant());
            DigestHistory.AnswerEntry anonymous =
                    period.rounds().get(0).answers().get(1);
            List<String> csv = Csv.parse(DigestExport.CSV.write(period)).get(2);
            JsonNode json = new ObjectMapper()
                    .readTree(DigestExport.JSON.write(period))
                    .get("rounds")
                    .get(0)
                    .get("answers")
                    .get(1);

            assertThat(anonymous.by().posted()).isEqualTo(new Attribution.When.OnDay(LocalDate.of(2026, 11, 23)));
            assertThat(DigestExport.MARKDOWN.write(period))
                    .contains("**a colleague** (November 23, 2026, edited)")
                    .contains("**Bob** (Mon, Nov 23, 2026, 14:00)");
            assertThat(csv.get(DigestExport.CSV_COLUMNS.indexOf("answer_posted_at")))
                    .isEqualTo("2026-11-23");
            assertThat(json.get("postedAt").asText()).isEqualTo("2026-11-23");
            assertThat(json.get("editedAt").isNull())
                    .as("an edit time would point at the writer")
                    .isTrue();
        }
    }

    private static String line(String author, String respondsTo, boolean edited) {
        return author + " | " + (respondsTo == null || respondsTo.isEmpty() ? "-" : respondsTo) + " | "
                + (edited ? "edited" : "plain");
    }

    /** The digest quotes each answer under "Name", "Name, responding to Other", with " (edited)" after it. */
    private static List<String> fromChat(ChatMessage digest) {
        List<String> out = new ArrayList<>();
        for (ChatMessage.Block block : digest.blocks()) {
            if (block instanceof ChatMessage.Block.Quote q && q.attribution() != null) {
                String who = q.attribution();
                boolean edited = who.endsWith(" (edited)");
                who = edited ? who.substring(0, who.length() - " (edited)".length()) : who;
                String[] parts = who.split(", responding to ", 2);
                out.add(line(parts[0], parts.length > 1 ? parts[1] : null, edited));
            }
        }
        return out;
    }

    private static List<String> fromPage(DigestHistory.Period period) {
        return period.rounds().get(0).answers().stream()
                .map(a -> line(a.by().authorName(), a.by().respondsToName(), a.by().edited()))
                .toList();
    }

    private static List<String> fromMarkdown(String markdown) {
        Matcher m = Pattern.compile(
                        "(?m)^\\*\\*(.+?)\\*\\*(?:, responding to \\*\\*(.+?)\\*\\*)? \\(([^)]*?)(, edited)?\\)$")
                .matcher(markdown);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(line(m.group(1), m.group(2), m.group(4) != null));
        }
        return out;
    }

    private static List<String> fromCsv(String csv) {
        List<List<String>> rows = Csv.parse(csv);
        List<String> out = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            out.add(line(
                    row.get(DigestExport.CSV_COLUMNS.indexOf("author")),
                    row.get(DigestExport.CSV_COLUMNS.indexOf("responds_to")),
                    Boolean.parseBoolean(row.get(DigestExport.CSV_COLUMNS.indexOf("edited")))));
        }
        return out;
    }

    private static List<String> fromJson(String json) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode a : new ObjectMapper().readTree(json).get("rounds").get(0).get("answers")) {
            out.add(line(
                    a.get("author").asText(),
                    a.get("respondsTo").isNull() ? null : a.get("respondsTo").asText(),
                    a.get("edited").asBoolean()));
        }
        return out;
    }
}

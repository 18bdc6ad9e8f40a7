package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.record.RecordTokens;
import org.shoptalk.core.testing.SeenTexts;

/**
 * Issue 15, "Done means": a four-person incident-method intervisie tried as a new user would in the local console
 * (docs/intervisie.md, "Try it in the local console"), through the console's JSON API as the page calls it, from the
 * case to the takeaways; then the case-bringer's record as PDF through the signed link, opened with PDFBox. Once in
 * English, once in Dutch. No date is asserted: the app runs on the system clock.
 */
class IntervisieConsoleTest {
    private static final String SECRET = "a-long-random-string-for-signing-links";
    private static final Pattern LINK =
            Pattern.compile("https?://[^/\\s]+(/record/([A-Za-z0-9_-]+)\\.([A-Za-z0-9_-]+)/record\\.)pdf");
    private static final Pattern SESSION = Pattern.compile("Intervisie #(\\d+)");

    @TempDir
    Path dir;

    @RegisterExtension
    final LocalApp local = new LocalApp();

    /** What each person types, and what the case-bringer's PDF says, in one language. */
    private record Words(
            boolean dutch,
            String channel,
            String guild,
            String join,
            String next,
            String recordTime,
            String recordExport,
            List<String> people,
            String takeaway,
            List<String> pdfSays,
            String tooFew,
            String bringerOnly,
            String advice,
            String adviceHint,
            String finished) {}

    private static final Words ENGLISH = new Words(
            false,
            "craft",
            "/shoptalk guild create Craft lang en tz Europe/Amsterdam",
            "join",
            "next",
            "record time",
            "record export",
            List.of("alice", "bob", "carol", "dave"),
            "I ask for an hour before I promise a date, as Zoë Ñúñez from Łódź does.",
            List.of(
                    "Your reflection record",
                    "Intervisie: 1 session, 1.5 hours of reported time",
                    "Incident method #",
                    "case-bringer · 90 minutes reported",
                    "My takeaway"),
            "we are 1; the questions start when at least 3 have joined",
            "Only the case-bringer moves intervisie #",
            "You should call your team first.",
            "that sounds like advice",
            "That was the last phase");

    private static final Words DUTCH = new Words(
            true,
            "vakgilde",
            "/shoptalk guild create Vakgilde taal nl tijdzone Europe/Amsterdam",
            "meedoen",
            "volgende",
            "dossier tijd",
            "dossier exporteer",
            List.of("lotte", "bram", "sanne", "joost"),
            "Ik vraag een uur voordat ik een datum beloof, zoals Zoë Ñúñez uit Łódź doet.",
            List.of(
                    "Je reflectiedossier",
                    "Intervisie: 1 sessie, 1,5 uur opgegeven tijd",
                    "Incidentmethode #",
                    "inbrenger · 90 minuten opgegeven",
                    "Wat ik meeneem"),
            "we zijn met 1; de vragen beginnen als er minstens 3 meedoen",
            "Alleen de inbrenger zet intervisie #",
            "Je moet eerst je team bellen.",
            "dat klinkt als een advies",
            "Dat was de laatste fase");

    @Test
    void four_colleagues_walk_an_incident_intervisie_and_the_case_bringer_downloads_her_record_in_english()
            throws IOException {
        walk(ENGLISH);
    }

    @Test
    void vier_collegas_doen_een_incidentintervisie_en_de_inbrenger_haalt_haar_dossier_op_in_het_nederlands()
            throws IOException {
        walk(DUTCH);
    }

    @Test
    void a_garbled_or_expired_record_link_gets_a_clear_page_in_both_languages() {
        Http http = local.start(dir, Map.of("SHOPTALK_SECRET", SECRET));
        Instant past = Instant.now().minusSeconds(3600);
        String expired = RecordTokens.withSecret(SECRET, Clock.fixed(past, ZoneOffset.UTC))
                .issue(new RecordTokens.Grant(
                        new UserRef(Tenant.LOCAL, "alice"),
                        Language.EN,
                        ZoneId.of("Europe/Amsterdam"),
                        LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 12, 31),
                        null,
                        past.plusSeconds(60)));

        Http.Answer gone = http.get("/record/" + expired + "/record.pdf");
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.contentType()).startsWith("text/plain");
        assertThat(gone.body())
                .contains("This link has expired. Ask Shoptalk for a new one in your private chat: record export.")
                .contains("Deze link is verlopen. Vraag Shoptalk in je privégesprek om een nieuwe: dossier exporteer.");

        Http.Answer garbled = http.get("/record/not-a-link-at-all/record.pdf");
        assertThat(garbled.status()).isEqualTo(403);
        assertThat(garbled.body())
                .contains("This link does not open a record. Check that the whole link was copied.")
                .contains("Deze link opent geen dossier.");
        String cut = expired.substring(0, expired.length() - 5);
        assertThat(http.get("/record/" + cut + "/record.pdf").status())
                .as("a link cut short when copied")
                .isEqualTo(403);
    }

    private void walk(Words w) throws IOException {
        Http http = local.start(dir, Map.of("SHOPTALK_SECRET", SECRET));
        String bringer = w.people().get(0);
        List<String> colleagues = w.people().subList(1, 4);
        ConsoleClient channel = new ConsoleClient(http, w.channel());
        channel.command(bringer, w.guild());
        for (String c : colleagues) {
            channel.command(c, "/shoptalk guild join");
        }

        channel.post(bringer, "/shoptalk intervisie incident", null);
        JsonNode opening = channel.lastPublicBotPost("*Intervisie #");
        String thread = opening.get("id").asText();
        Matcher number = SESSION.matcher(opening.get("text").asText());
        assertThat(number.find()).isTrue();
        String id = number.group(1);

        channel.post(bringer, "A client called me, angry about a late report, and I promised Friday.", thread);
        channel.post(bringer, w.next(), thread);
        assertThat(lastPrivate(http, bringer))
                .as("moving on alone is refused in the private chat, naming the intervisie")
                .contains("#" + id + ": " + w.tooFew());
        for (String c : colleagues) {
            channel.post(c, w.join(), thread);
        }
        channel.post(bringer, w.next(), thread);
        channel.post(colleagues.get(0), "What did the client need the report for?", thread);
        channel.post(colleagues.get(1), w.advice(), thread);
        channel.post(colleagues.get(2), "How did the call feel?", thread);
        channel.post(colleagues.get(0), w.next(), thread);
        assertThat(lastPrivate(http, colleagues.get(0))).contains(w.bringerOnly() + id);
        channel.post(bringer, w.next(), thread);
        for (String c : colleagues) {
            channel.post(c, "I would have asked for an hour (" + c + ").", thread);
        }
        channel.post(bringer, w.next(), thread);
        channel.post(bringer, "Asking for time fits me.", thread);
        channel.post(bringer, w.next(), thread);
        channel.post(bringer, w.takeaway(), thread);
        for (String c : colleagues) {
            channel.post(c, "Takeaway of " + c + ": pausing is a skill.", thread);
        }
        channel.post(bringer, w.next(), thread);

        List<String> said = channel.messages(colleagues.get(2)).stream()
                .filter(m -> m.get("thread").asText().equals(thread))
                .filter(m -> m.get("user").asText().equals("shoptalk"))
                .map(m -> m.get("text").asText())
                .toList();
        assertThat(said).anyMatch(t -> t.contains(colleagues.get(1) + ", " + w.adviceHint()));
        assertThat(said).filteredOn(t -> t.matches("(?s)\\*(Phase|Fase) \\d.*")).hasSize(4);
        assertThat(said.get(said.size() - 1)).contains(w.finished());

        assertThat(channel.command(bringer, "/shoptalk " + w.recordTime() + " " + id + " 90"))
                .contains("90");
        ConsoleClient own = new ConsoleClient(http, "@" + bringer);
        String reply = own.command(bringer, w.recordExport());
        Matcher link = LINK.matcher(reply);
        assertThat(link.find()).as(reply).isTrue();

        Http.Download pdf = http.download(link.group(1) + "pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(text).contains(w.pdfSays()).contains(w.takeaway()).doesNotContain("pausing is a skill");

        if (w.dutch()) {
            noEnglish(http, w, text);
        }

        // A colleague neither sees the case-bringer's private links nor turns their own link into hers.
        String colleague = colleagues.get(0);
        assertThat(new ConsoleClient(http, "@" + bringer).messages(colleague))
                .noneMatch(m -> m.get("text").asText().contains("/record/"));
        Matcher theirs = LINK.matcher(new ConsoleClient(http, "@" + colleague).command(colleague, w.recordExport()));
        assertThat(theirs.find()).isTrue();
        String forged = forged(theirs.group(2), colleague, bringer) + "." + theirs.group(3);
        Http.Answer refused = http.get("/record/" + forged + "/record.md");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Deze link opent geen dossier").doesNotContain("Zoë");
        assertThat(http.get(theirs.group(1) + "md").body())
                .as("their own link opens their own record")
                .contains("pausing is a skill")
                .doesNotContain("Zoë");
    }

    /**
     * A Dutch guild reads no English (issue 12's check): every text of Shoptalk's that the four saw in the channel, its
     * thread and their private chats, and the PDF apart from the takeaway the case-bringer wrote.
     */
    private static void noEnglish(Http http, Words w, String pdf) {
        SeenTexts seen = new SeenTexts().ignoringNames(w.people().toArray(String[]::new));
        seen.ignoringNames("Vakgilde");
        for (String person : w.people()) {
            for (String where : List.of(w.channel(), "@" + person)) {
                new ConsoleClient(http, where)
                        .messages(person).stream()
                                .filter(m -> m.get("user").asText().equals("shoptalk"))
                                .forEach(m -> seen.add(
                                        where + ", seen by " + person,
                                        m.get("text").asText()));
            }
        }
        seen.add("the record PDF", pdf.replace(w.takeaway(), " "));
        seen.assertNoEnglish();
    }

    /** A token's signed part with one person's id swapped for another's, the signature left as it was. */
    private static String forged(String body, String from, String to) {
        String payload = new String(Base64.getUrlDecoder().decode(body), StandardCharsets.US_ASCII);
        String swapped = payload.replace(b64(from), b64(to));
        assertThat(swapped).isNotEqualTo(payload);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(swapped.getBytes(StandardCharsets.US_ASCII));
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The newest message Shoptalk sent to {@code user}'s private chat. */
    private static String lastPrivate(Http http, String user) {
        List<JsonNode> seen = new ConsoleClient(http, "@" + user).messages(user);
        List<JsonNode> bot = seen.stream()
                .filter(m -> m.get("user").asText().equals("shoptalk"))
                .toList();
        assertThat(bot).as("a private message to " + user).isNotEmpty();
        return bot.get(bot.size() - 1).get("text").asText();
    }
}

package org.shoptalk.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.CoreSettings;
import org.shoptalk.core.db.DbSettings;
import org.shoptalk.core.task.Task;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.FakeChatPlatform;
import org.shoptalk.core.testing.TestDatabases;
import org.shoptalk.core.web.HttpAnswer;
import org.shoptalk.core.web.HttpCall;
import org.shoptalk.core.web.Route;

/**
 * The personal record (issue 15, section 2) as ann lives it over two months: a named answer, an anonymous one, an
 * intervisie she brought with her takeaway and reported time, a goal and its accountability moment. Dates come from
 * the fixture's clock (November 2026 to January 2027), never today's.
 */
class PersonalRecordTest {
    static final String BASE = "https://shoptalk.test";
    private static final Pattern PDF_LINK = Pattern.compile(Pattern.quote(BASE) + "/record/([^/\\s]+)/record\\.pdf");

    CoreFixture f;
    Route page;
    long session;

    /** H2 here; {@link PersonalRecordPostgresTest} runs the same on PostgreSQL. */
    DbSettings database() {
        return TestDatabases.h2();
    }

    @BeforeEach
    void twoMonthsOfReflection() {
        f = CoreFixture.on(
                database(), CoreFixture.MONDAY_MORNING, CoreSettings.defaults().withSecret(CoreFixture.SECRET));
        page = f.core().useRecordLinks(() -> BASE, RecordTokens.withSecret(CoreFixture.SECRET, f.clock));
        f.run("lea", "craft", "guild create Craft tz Europe/Amsterdam");
        for (String m : List.of("ann", "bob", "cas")) {
            f.run(m, "craft", "guild join");
        }
        // A normative moment, answered under ann's name.
        f.run("lea", "craft", "moment goals-03");
        f.reply("craft", f.latestRoundThread("craft"), "ann", "The families, who sleep better when we call back.");
        // A technical moment, answered anonymously by ann and by bob.
        f.clock.advance(Duration.ofDays(2));
        f.run("lea", "craft", "moment craft-02");
        assertThat(f.run("ann", null, "anon \"Cas's handover note was a model of clarity.\""))
                .contains("colleague");
        assertThat(f.run("bob", null, "anon \"Bob's quiet admiration for the release checklist.\""))
                .contains("colleague");
        // An intervisie ann brings, through all five phases of the incident method.
        f.clock.advance(Duration.ofDays(2));
        f.run("ann", "craft", "intervisie incident");
        List<FakeChatPlatform.Sent> top = f.chat.topLevel("craft");
        String thread = top.get(top.size() - 1).threadId();
        session = f.count("SELECT MAX(id) FROM intervisie");
        f.reply("craft", thread, "ann", "A parent shouted at me at the door and I froze.");
        for (String m : List.of("lea", "bob", "cas")) {
            f.reply("craft", thread, m, "join");
        }
        f.reply("craft", thread, "ann", "next");
        f.reply("craft", thread, "bob", "What did you want to say?");
        f.reply("craft", thread, "ann", "next");
        f.reply("craft", thread, "lea", "I would have stepped outside with them.");
        f.reply("craft", thread, "ann", "next");
        f.reply("craft", thread, "ann", "Stepping outside fits me.");
        f.reply("craft", thread, "ann", "next");
        String takeaway = f.reply("craft", thread, "ann", "I will name my freeze out loud next time.");
        f.reply("craft", thread, "bob", "Bob takes away: ask before advising.");
        f.edit("craft", takeaway, "I will name my freeze out loud, and ask for a minute.");
        f.reply("craft", thread, "ann", "next");
        assertThat(f.run("ann", "craft", "record time " + session + " 90")).contains("90 minutes");
        // A goal ann set with the coach, and its accountability moment in January.
        f.run("ann", null, "goal");
        f.run("ann", null, "Parents feel heard when they come to the door upset");
        f.run("ann", null, "Trust");
        f.run("ann", null, "How often parents ask for a second talk");
        f.run("ann", null, "No extra evening shifts");
        // The coach asks one question per turn; how many depends on its reading, so the date is given when asked.
        String said = "";
        for (int turn = 0; turn < 4 && !said.contains("goal #1"); turn++) {
            said = f.run("ann", null, said.contains("YYYY-MM-DD") ? "2027-01-15" : "The parents at our door");
        }
        assertThat(said).contains("goal #1").contains("On January 15, 2027 at 09:30");
        f.clock.set(Instant.parse("2027-01-15T08:30:00Z"));
        f.core().runTask(new Task.Review(1), f.clock.instant());
        f.reply("craft", f.latestRoundThread("craft"), "ann", "Fewer second talks were needed.");
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void the_record_holds_each_kind_of_entry_in_private() {
        String record = f.run("ann", null, "record");

        assertThat(record)
                .contains("Your reflection record")
                .contains("January 16, 2026 to January 15, 2027")
                .contains("The families, who sleep better when we call back.")
                .contains("Cas's handover note was a model of clarity.")
                .contains("anonymous, only you see this")
                .contains("Parents feel heard")
                .contains("1 accountability moment, you answered 1")
                .contains("Incident method #" + session + ": case-bringer, 90 minutes reported, 1 takeaway")
                .contains("Intervisie: 1 session, 1.5 hours of reported time")
                .contains("technical / instrumental: 1 moment answered")
                .contains("normative: 2 moments answered");
    }

    @Test
    void the_record_reads_per_dimension() {
        String normative = f.run("ann", null, "record normative");
        assertThat(normative)
                .contains("only normative")
                .contains("The families, who sleep better")
                .contains("Fewer second talks")
                .contains("Parents feel heard")
                .doesNotContain("handover note")
                .doesNotContain("technical / instrumental:");
        String technical = f.run("ann", null, "record technisch");
        assertThat(technical)
                .contains("handover note")
                .contains("Incident method")
                .doesNotContain("The families")
                .doesNotContain("Parents feel heard");
    }

    @Test
    void anonymous_answers_appear_only_in_their_authors_record() {
        assertThat(f.run("bob", null, "record"))
                .contains("Bob's quiet admiration")
                .doesNotContain("handover note");
        assertThat(f.run("lea", null, "record"))
                .doesNotContain("handover note")
                .doesNotContain("Bob's quiet admiration");
        assertThat(f.run("ann", null, "record")).doesNotContain("Bob's quiet admiration");
    }

    @Test
    void in_a_channel_the_record_is_not_shown() {
        String reply = f.run("ann", "craft", "record");
        assertThat(reply).contains("private chat").doesNotContain("families").doesNotContain("handover");
        assertThat(f.run("ann", "craft", "record export")).doesNotContain(BASE);
    }

    @Test
    void the_pdf_export_holds_the_record_with_totals() throws IOException {
        String token = token(f.run("ann", null, "record export 2026-11-01..2027-01-31"));
        HttpAnswer pdf = get("/record/" + token + "/record.pdf");

        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.headers()).containsEntry("Referrer-Policy", "no-referrer");
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(text)
                .contains("Your reflection record")
                .contains("November 1, 2026 to January 31, 2027")
                .contains("Intervisie: 1 session, 1.5 hours of reported time")
                .contains("normative: 2 moments answered")
                .contains("Who is your work ultimately for?")
                .contains("The families, who sleep better when we call back.")
                .contains("Cas's handover note was a model of clarity.")
                .contains("I will name my freeze out loud, and ask for a minute.")
                .contains("Fewer second talks were needed.")
                .doesNotContain("Bob's quiet admiration")
                .doesNotContain("Bob takes away");
    }

    @Test
    void the_markdown_export_for_a_period_holds_only_that_period() {
        String token = token(f.run("ann", null, "record export 2027-01-01..2027-01-31 normative"));
        HttpAnswer md = get("/record/" + token + "/record.md");

        assertThat(md.status()).isEqualTo(200);
        assertThat(md.contentType()).startsWith("text/markdown");
        assertThat(md.bodyText())
                .startsWith("# Your reflection record")
                .contains("January 1, 2027 to January 31, 2027 · only normative")
                .contains("- normative: 1 moment answered")
                .contains("> Fewer second talks were needed.")
                .contains("- Intervisie: 0 sessions, 0 hours of reported time")
                .doesNotContain("The families")
                .doesNotContain("handover");
    }

    @Test
    void a_changed_foreign_or_expired_link_is_refused() {
        String token = token(f.run("ann", null, "record export"));

        String tampered = token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6);
        assertThat(get("/record/" + tampered + "/record.pdf").status()).isEqualTo(403);

        String body = new String(
                Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.US_ASCII);
        String enc = Base64.getUrlEncoder().withoutPadding().encodeToString("ann".getBytes(StandardCharsets.UTF_8));
        String bobs = Base64.getUrlEncoder().withoutPadding().encodeToString("bob".getBytes(StandardCharsets.UTF_8));
        String forBob = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(
                                body.replace("." + enc + ".", "." + bobs + ".").getBytes(StandardCharsets.US_ASCII))
                + token.substring(token.indexOf('.'));
        assertThat(body).contains("." + enc + ".");
        HttpAnswer foreign = get("/record/" + forBob + "/record.md");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.bodyText()).doesNotContain("Bob's quiet admiration");

        assertThat(get("/record/" + token + "/record.md").status()).isEqualTo(200);
        f.clock.advance(RecordLinks.VALID_FOR.plusMinutes(1));
        HttpAnswer expired = get("/record/" + token + "/record.md");
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.bodyText()).contains("expired").contains("verlopen").doesNotContain("families");
    }

    @Test
    void a_deleted_takeaway_leaves_the_record() {
        long takeaways = f.count("SELECT COUNT(*) FROM intervisie_takeaway WHERE user_id = 'ann'");
        assertThat(takeaways).isEqualTo(1);
        String id = f.db.withHandle(h -> h.queryOne(
                        "SELECT message_id FROM intervisie_takeaway WHERE user_id = 'ann'", rs -> rs.getString(1)))
                .orElseThrow();
        f.delete("craft", id);
        assertThat(f.run("ann", null, "record")).contains("case-bringer, 90 minutes reported, 0 takeaways");
    }

    private String token(String reply) {
        Matcher m = PDF_LINK.matcher(reply);
        assertThat(m.find()).as(reply).isTrue();
        return m.group(1);
    }

    private HttpAnswer get(String path) {
        return page.endpoint().handle(new HttpCall("GET", path, Map.of(), Map.of(), null, null));
    }
}

package org.shoptalk.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.round.Attribution;
import org.shoptalk.core.testing.Csv;

/** Exported files open in the tools people use, with every word as it was written. */
class DigestExportTest {
    private static final Instant OPENED = Instant.parse("2026-11-23T08:30:00Z");
    private static final String TRICKY = "Yes, \"quality\" first;\nthen speed, =SUM(A1) and <b>bold</b>";

    private static DigestHistory.Period period() {
        return period(Language.EN);
    }

    private static DigestHistory.Period period(Language language) {
        Guild guild = new Guild(
                3,
                Tenant.LOCAL,
                "Craft",
                language,
                ZoneId.of("Europe/Amsterdam"),
                DayOfWeek.FRIDAY,
                LocalTime.of(16, 0),
                OPENED,
                null);
        ZoneId zone = guild.zone();
        var answers = List.of(
                new DigestHistory.AnswerEntry(
                        10,
                        new Attribution.Byline(
                                "ann",
                                "Ann",
                                null,
                                null,
                                new Attribution.When.At(OPENED.plusSeconds(60).atZone(zone)),
                                null,
                                false,
                                false),
                        TRICKY,
                        "https://t/1"),
                new DigestHistory.AnswerEntry(
                        11,
                        new Attribution.Byline(
                                "bob",
                                "Bob",
                                "ann",
                                "Ann",
                                new Attribution.When.At(OPENED.plusSeconds(120).atZone(zone)),
                                OPENED.plusSeconds(300),
                                true,
                                false),
                        "-1 for haste",
                        "https://t/1"),
                new DigestHistory.AnswerEntry(
                        12,
                        new Attribution.Byline(
                                null,
                                "a colleague",
                                null,
                                null,
                                new Attribution.When.OnDay(LocalDate.of(2026, 11, 23)),
                                null,
                                true,
                                true),
                        "I rush when watched.",
                        "https://t/1"));
        var asked = new DigestHistory.RoundEntry(
                1,
                OPENED,
                OPENED.plusSeconds(72 * 3600),
                "craft",
                "What is good work here?",
                "Because it changes.",
                List.of(new DigestHistory.ThreadLink("craft", "https://t/1")),
                answers);
        var quiet = new DigestHistory.RoundEntry(
                2,
                OPENED.plusSeconds(86_400),
                OPENED.plusSeconds(90_000),
                "goals",
                "Who is better off?",
                "Goals are results.",
                List.of(),
                List.of());
        return new DigestHistory.Period(
                guild, OPENED.minusSeconds(3600), OPENED.plusSeconds(7 * 86_400), List.of(asked, quiet));
    }

    @Test
    void csv_has_a_row_per_answer_and_per_unanswered_round_and_keeps_commas_quotes_and_newlines() {
        List<List<String>> rows = Csv.parse(DigestExport.CSV.write(period()));

        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).isEqualTo(DigestExport.CSV_COLUMNS);
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(DigestExport.CSV_COLUMNS.size()));
        int text = DigestExport.CSV_COLUMNS.indexOf("text");
        int respondsTo = DigestExport.CSV_COLUMNS.indexOf("responds_to");
        assertThat(rows.get(1).get(text)).isEqualTo(TRICKY);
        assertThat(rows.get(1).get(DigestExport.CSV_COLUMNS.indexOf("author"))).isEqualTo("Ann");
        assertThat(rows.get(2).get(respondsTo)).isEqualTo("Ann");
        assertThat(rows.get(2).get(DigestExport.CSV_COLUMNS.indexOf("edited"))).isEqualTo("true");
        assertThat(rows.get(3).get(DigestExport.CSV_COLUMNS.indexOf("author"))).isEqualTo("a colleague");
        assertThat(rows.get(3).get(DigestExport.CSV_COLUMNS.indexOf("author_id")))
                .isEmpty();
        assertThat(rows.get(3).get(DigestExport.CSV_COLUMNS.indexOf("anonymous")))
                .isEqualTo("true");
        assertThat(rows.get(2).get(DigestExport.CSV_COLUMNS.indexOf("answer_posted_at")))
                .isEqualTo("2026-11-23T08:32:00Z");
        assertThat(rows.get(3).get(DigestExport.CSV_COLUMNS.indexOf("answer_posted_at")))
                .isEqualTo("2026-11-23");
        assertThat(rows.get(4).get(DigestExport.CSV_COLUMNS.indexOf("prompt"))).isEqualTo("Who is better off?");
        assertThat(rows.get(4).get(text)).isEmpty();
    }

    @Test
    void csv_cells_that_a_spreadsheet_would_run_as_formulas_start_with_an_apostrophe() {
        List<List<String>> rows = Csv.parse(DigestExport.CSV.write(period()));
        assertThat(rows.get(2).get(DigestExport.CSV_COLUMNS.indexOf("text"))).isEqualTo("'-1 for haste");
    }

    @Test
    void json_holds_rounds_and_answers_with_who_answered_whom() throws Exception {
        JsonNode root = new ObjectMapper().readTree(DigestExport.JSON.write(period()));

        assertThat(root.get("guild").get("name").asText()).isEqualTo("Craft");
        assertThat(root.get("rounds")).hasSize(2);
        JsonNode first = root.get("rounds").get(0);
        assertThat(first.get("why").asText()).isEqualTo("Because it changes.");
        assertThat(first.get("threads").get(0).get("url").asText()).isEqualTo("https://t/1");
        assertThat(first.get("answers").get(0).get("text").asText()).isEqualTo(TRICKY);
        assertThat(first.get("answers").get(0).get("respondsTo").isNull()).isTrue();
        assertThat(first.get("answers").get(1).get("respondsTo").asText()).isEqualTo("Ann");
        assertThat(first.get("answers").get(1).get("editedAt").asText()).isEqualTo("2026-11-23T08:35:00Z");
        assertThat(first.get("answers").get(2).get("anonymous").asBoolean()).isTrue();
        assertThat(first.get("answers").get(2).get("authorId").isNull()).isTrue();
        assertThat(first.get("answers").get(2).get("postedAt").asText()).isEqualTo("2026-11-23");
        assertThat(first.get("answers").get(2).get("edited").asBoolean()).isTrue();
        assertThat(first.get("answers").get(2).get("editedAt").isNull()).isTrue();
        assertThat(root.get("rounds").get(1).get("answers")).isEmpty();
    }

    @Test
    void markdown_reads_as_a_document_in_the_guilds_time_zone() {
        String md = DigestExport.MARKDOWN.write(period());

        assertThat(md)
                .startsWith("# Craft: reflection moments November 23, 2026 to November 30, 2026")
                .contains("## Mon, Nov 23, 2026, 09:30: What is good work here?")
                .contains("*Why this question:* Because it changes.")
                .contains("Thread: <https://t/1>")
                .contains("**Bob**, responding to **Ann** (Mon, Nov 23, 2026, 09:32, edited)")
                .contains("> Yes, \"quality\" first;\n> then speed")
                .contains("No answers.")
                .doesNotContain("2026-11-23");
    }

    @Test
    void markdown_of_a_dutch_guild_reads_dutch_with_dutch_dates() {
        String md = DigestExport.MARKDOWN.write(period(Language.NL));

        assertThat(md)
                .startsWith("# Craft: reflectiemomenten van 23 november 2026 tot en met 30 november 2026")
                .contains("## ma 23 nov 2026, 09:30: What is good work here?")
                .contains("*Waarom deze vraag:* Because it changes.")
                .contains("**Bob**, in reactie op **Ann** (ma 23 nov 2026, 09:32, bewerkt)")
                .contains("**a colleague** (23 november 2026, bewerkt)")
                .contains("Geen antwoorden.")
                .doesNotContain("2026-11-23");
    }

    @Test
    void markdown_gives_an_anonymous_answer_its_day_and_no_time() {
        String md = DigestExport.MARKDOWN.write(period());

        assertThat(md)
                .contains("**a colleague** (November 23, 2026, edited)\n\n> I rush when watched.")
                .doesNotContain("**a colleague** (Mon");
    }

    @Test
    void formats_are_known_by_their_extension() {
        assertThat(DigestExport.parse("md")).contains(DigestExport.MARKDOWN);
        assertThat(DigestExport.parse("CSV")).contains(DigestExport.CSV);
        assertThat(DigestExport.parse("json")).contains(DigestExport.JSON);
        assertThat(DigestExport.parse("xlsx")).isEmpty();
    }

    /**
     * Issue 12: a Dutch guild reads its exports in Dutch: Markdown's headings, the CSV header people see in a
     * spreadsheet, yes/no and theme words; JSON keeps its keys for scripts, and the columns keep their order.
     */
    @Test
    void a_dutch_guilds_exports_have_dutch_headings_and_json_keeps_its_keys() throws Exception {
        String md = DigestExport.MARKDOWN.write(period(Language.NL));
        assertThat(md)
                .contains("# Craft: reflectiemomenten van 23 november 2026 tot en met 30 november 2026")
                .contains("Tijden in Europe/Amsterdam. Momenten: 2. Antwoorden: 3.")
                .contains("*Waarom deze vraag:* Because it changes.")
                .contains("Draad: <https://t/1>")
                .contains("**Bob**, in reactie op **Ann**")
                .contains(", bewerkt)")
                .contains("Geen antwoorden.")
                .doesNotContain("reflection moments", "Times in", "Why this question", "Thread:", "No answers");

        List<List<String>> rows = Csv.parse(DigestExport.CSV.write(period(Language.NL)));
        assertThat(rows.get(0))
                .hasSize(DigestExport.CSV_COLUMNS.size())
                .startsWith("moment_nr", "moment_geopend_op", "thema", "vraag", "waarom")
                .contains("anoniem", "schrijver", "reageert_op", "bewerkt", "tekst")
                .doesNotContainAnyElementsOf(DigestExport.CSV_COLUMNS);
        assertThat(rows.get(0)).isEqualTo(DigestExport.header(Language.NL));
        int theme = DigestExport.CSV_COLUMNS.indexOf("theme");
        assertThat(rows.get(1).get(theme)).isEqualTo("vak");
        assertThat(rows.get(4).get(theme)).isEqualTo("doelen");
        assertThat(rows.get(2).get(DigestExport.CSV_COLUMNS.indexOf("edited"))).isEqualTo("ja");
        assertThat(rows.get(1).get(DigestExport.CSV_COLUMNS.indexOf("anonymous")))
                .isEqualTo("nee");

        JsonNode root = new ObjectMapper().readTree(DigestExport.JSON.write(period(Language.NL)));
        JsonNode round = root.path("rounds").get(0);
        assertThat(round.path("theme").asText()).isEqualTo("craft");
        assertThat(round.path("answers").get(2).path("anonymous").asBoolean()).isTrue();
    }
}

package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.digest.DigestHistory;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.i18n.Texts;
import org.shoptalk.core.round.Attribution;
import org.shoptalk.core.testing.TextKeys;

/** What the page template is given: only safe links, and a chart whose bars keep to their frame. */
class DigestPageViewTest {
    private static final Instant END = Instant.parse("2026-11-27T15:00:00Z");
    private static final Guild GUILD = new Guild(
            1,
            Tenant.LOCAL,
            "Craft",
            Language.EN,
            ZoneId.of("Europe/Amsterdam"),
            DayOfWeek.FRIDAY,
            LocalTime.of(16, 0),
            END.minusSeconds(86_400 * 90L),
            null);

    private static DigestHistory.Period period(List<DigestHistory.ThreadLink> threads) {
        var round = new DigestHistory.RoundEntry(
                1, END.minusSeconds(3600), END, "craft", "What is good work?", "Because.", threads, List.of());
        return new DigestHistory.Period(GUILD, END.minusSeconds(7 * 86_400), END, List.of(round));
    }

    private static List<DigestHistory.Week> weeks(int... people) {
        List<DigestHistory.Week> weeks = new ArrayList<>();
        for (int i = 0; i < people.length; i++) {
            weeks.add(new DigestHistory.Week(LocalDate.of(2026, 9, 7).plusWeeks(i), people[i], people[i] / 2));
        }
        return weeks;
    }

    @Test
    void only_web_addresses_and_our_own_paths_become_thread_links() {
        var threads = List.of(
                new DigestHistory.ThreadLink("a", "javascript:alert(1)"),
                new DigestHistory.ThreadLink("b", "//evil.example/x"),
                new DigestHistory.ThreadLink("c", "https://chat/1"),
                new DigestHistory.ThreadLink("d", "/local?channel=d&thread=2"));

        DigestPageView.Page page = DigestPageView.of(period(threads), weeks(0), 1, END, "tok");

        assertThat(page.rounds().get(0).threads())
                .extracting(DigestPageView.Link::url)
                .containsExactly("https://chat/1", "/local?channel=d&thread=2");
        assertThat(page.rounds().get(0).threads())
                .extracting(DigestPageView.Link::label)
                .containsExactly("Open the thread in c", "Open the thread in d");
    }

    @Test
    void the_tallest_bar_reaches_the_top_gridline_and_none_leaves_the_frame() {
        DigestPageView.Chart chart = DigestPageView.of(
                        period(List.of()), weeks(0, 3, 7, 12, 1, 0, 0, 2, 5, 8, 9, 4), 1, END, "tok")
                .chart();

        assertThat(chart.weeks()).hasSize(12);
        double top = chart.gridlines().stream()
                .mapToDouble(g -> Double.parseDouble(g.y()))
                .min()
                .orElseThrow();
        for (DigestPageView.WeekBar bar : chart.weeks()) {
            double y = Double.parseDouble(bar.peopleY());
            assertThat(y).isGreaterThanOrEqualTo(top - 0.01).isLessThanOrEqualTo(chart.baseline());
            assertThat(y + Double.parseDouble(bar.peopleHeight())).isCloseTo(chart.baseline(), offset(0.11));
        }
        assertThat(chart.gridlines().get(chart.gridlines().size() - 1).value()).isGreaterThanOrEqualTo(12);
        assertThat(chart.weeks().get(3).peopleTitle()).isEqualTo("Week of September 28, 2026: 12 people took part");
        assertThat(chart.weeks().get(3).day()).isEqualTo("28");
        assertThat(chart.weeks().get(3).month()).isEqualTo("Sep");
        assertThat(chart.weeks().get(4).peopleTitle()).isEqualTo("Week of October 5, 2026: 1 person took part");
    }

    /** The page's words are core's catalog (issue 14): a key the app names but the catalog lacks fails here, not on a reader's screen. */
    @Test
    void every_page_text_the_app_names_is_in_the_catalog_in_both_languages() throws IOException {
        Pattern key = Pattern.compile("\"(page\\.(?:digest|error)\\.[a-z.]*[a-z])\"");
        Set<String> named = TextKeys.namedIn(Path.of("src/main/java"), key);
        assertThat(named).contains("page.digest.title", "page.error.gone").hasSizeGreaterThan(25);
        for (Language language : Language.values()) {
            assertThat(Texts.get().keys(language)).as(language.code()).containsAll(named);
        }
    }

    @Test
    void an_anonymous_answer_shows_its_day_in_the_guilds_zone_and_a_named_one_its_time() {
        ZoneId newYork = ZoneId.of("America/New_York");
        Guild guild = new Guild(
                2,
                Tenant.LOCAL,
                "Craft",
                Language.EN,
                newYork,
                DayOfWeek.FRIDAY,
                LocalTime.of(16, 0),
                END.minusSeconds(86_400 * 90L),
                null);
        Instant mondayAfternoon = Instant.parse("2026-11-23T20:00:00Z");
        var answers = List.of(
                new DigestHistory.AnswerEntry(
                        1,
                        new Attribution.Byline(
                                null,
                                "a colleague",
                                null,
                                null,
                                new Attribution.When.OnDay(LocalDate.of(2026, 11, 23)),
                                null,
                                false,
                                true),
                        "Unsigned.",
                        null),
                new DigestHistory.AnswerEntry(
                        2,
                        new Attribution.Byline(
                                "bob",
                                "Bob",
                                null,
                                "a colleague",
                                new Attribution.When.At(mondayAfternoon.atZone(newYork)),
                                null,
                                false,
                                false),
                        "Thanks.",
                        null));
        var round = new DigestHistory.RoundEntry(
                1, mondayAfternoon, END, "craft", "What is good work?", "Because.", List.of(), answers);

        DigestPageView.Page page = DigestPageView.of(
                new DigestHistory.Period(guild, END.minusSeconds(7 * 86_400), END, List.of(round)),
                weeks(0),
                1,
                END,
                "tok");

        assertThat(page.rounds().get(0).answers())
                .extracting(DigestPageView.AnswerView::who, DigestPageView.AnswerView::when)
                .containsExactly(
                        tuple("a colleague", "November 23, 2026"),
                        tuple("Bob, responding to a colleague", "Mon, Nov 23, 2026, 15:00"));
    }

    @Test
    void a_dutch_page_dates_in_dutch_and_an_english_page_in_english() {
        DigestPageView.Page english = DigestPageView.of(period(List.of()), weeks(3, 4), 1, END, "tok");
        Guild dutchGuild = new Guild(
                1,
                Tenant.LOCAL,
                "Craft",
                Language.NL,
                ZoneId.of("Europe/Amsterdam"),
                DayOfWeek.FRIDAY,
                LocalTime.of(16, 0),
                END.minusSeconds(86_400 * 90L),
                null);
        var round = new DigestHistory.RoundEntry(
                1, END.minusSeconds(3600), END, "craft", "What is good work?", "Because.", List.of(), List.of());
        DigestPageView.Page dutch = DigestPageView.of(
                new DigestHistory.Period(dutchGuild, END.minusSeconds(7 * 86_400), END, List.of(round)),
                weeks(3, 4),
                1,
                END,
                "tok");

        assertThat(english.periodText()).contains("November 20, 2026").contains("November 27, 2026");
        assertThat(dutch.periodText()).contains("20 november 2026").contains("27 november 2026");
        assertThat(english.rounds().get(0).when()).isEqualTo("Fri, Nov 27, 2026, 15:00");
        assertThat(dutch.rounds().get(0).when()).isEqualTo("vr 27 nov 2026, 15:00");
        assertThat(dutch.chart().weeks().get(0).month()).isEqualTo("sep");
        assertThat(dutch.chart().weeks().get(0).label()).isEqualTo("7 september 2026");
        assertThat(english.chart().weeks().get(0).label()).isEqualTo("September 7, 2026");
    }

    @Test
    void export_links_are_relative_so_a_path_prefix_keeps_working() {
        DigestPageView.Page page = DigestPageView.of(period(List.of()), weeks(0), 4, END, "abc.def");

        assertThat(page.downloads().get(0).links())
                .extracting(DigestPageView.FileLink::href)
                .containsExactly(
                        "abc.def/export.md?weeks=4", "abc.def/export.csv?weeks=4", "abc.def/export.json?weeks=4");
        assertThat(page.downloads().get(1).links().get(0).href()).isEqualTo("abc.def/export.md");
    }
}

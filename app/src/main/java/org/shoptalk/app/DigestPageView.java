package org.shoptalk.app;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.shoptalk.core.digest.DigestHistory;
import org.shoptalk.core.i18n.Dates;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.i18n.Texts;

/**
 * What the digest page template shows, worked out in Java so the template only places escaped values: the
 * period, the rounds and answers in the guild's language, and the geometry of the 12-week chart. Every word on the
 * page is core's catalog ({@code page.digest.*}, issue 14): the template holds none of its own.
 */
final class DigestPageView {
    static final int[] WEEK_CHOICES = {1, 4, 12, 26, 52};
    private static final Texts TEXTS = Texts.get();

    private DigestPageView() {}

    /** The page's scope: public records, since the template engine reads them by reflection. */
    public record Page(
            String lang,
            String title,
            String periodText,
            Labels labels,
            List<Option> weekOptions,
            List<RoundView> rounds,
            List<IntervisieView> intervisies,
            String whyLabel,
            String noAnswers,
            String editedLabel,
            Chart chart,
            List<Download> downloads,
            String linkNote) {}

    /** The page's fixed words: the period selector's label and button, the empty note and section headings. */
    public record Labels(String show, String go, String noRounds, String chartTitle, String downloads) {
        static Labels in(Language lang, int chartWeeks) {
            return new Labels(
                    TEXTS.t(lang, "page.digest.show"),
                    TEXTS.t(lang, "page.digest.go"),
                    TEXTS.t(lang, "page.digest.no.rounds"),
                    TEXTS.t(lang, "page.digest.chart.title", chartWeeks),
                    TEXTS.t(lang, "page.digest.downloads"));
        }
    }

    public record Option(int value, String label, boolean selected) {}

    public record RoundView(
            String when, String prompt, String why, boolean hasThreads, List<Link> threads, List<AnswerView> answers) {}

    public record Link(String label, String url) {}

    /**
     * A finished intervisie: the line that it took place, and the takeaways shared by choice, unattributed
     * (docs/intervisie.md#sharing-takeaways); {@code takeawaysLabel} is null when none were shared.
     */
    public record IntervisieView(String line, String takeawaysLabel, List<String> takeaways) {}

    public record AnswerView(String kind, String text, String who, String when, boolean edited) {}

    public record Download(String label, List<FileLink> links) {}

    public record FileLink(String name, String href) {}

    /**
     * @param period the rounds shown
     * @param weeks the 12 weeks of the chart, oldest first
     * @param shownWeeks how many weeks the page shows (the period selector's choice)
     * @param token the link's token, for the relative export links
     */
    static Page of(
            DigestHistory.Period period,
            List<DigestHistory.Week> weeks,
            int shownWeeks,
            Instant linkExpires,
            String token) {
        Language lang = period.guild().language();
        ZoneId zone = period.guild().zone();
        String to = Dates.date(lang, period.to().atZone(zone).toLocalDate());
        String title = TEXTS.t(lang, "page.digest.title", period.guild().name(), to, shownWeeks);

        List<Option> options = new ArrayList<>();
        for (int w : WEEK_CHOICES) {
            options.add(new Option(w, TEXTS.t(lang, "page.digest.weeks", w), w == shownWeeks));
        }
        if (options.stream().noneMatch(Option::selected)) {
            options.add(new Option(shownWeeks, TEXTS.t(lang, "page.digest.weeks", shownWeeks), true));
        }

        List<RoundView> rounds = new ArrayList<>();
        for (DigestHistory.RoundEntry r : period.rounds()) {
            List<Link> threads = r.threads().stream()
                    .filter(l -> safeUrl(l.url()))
                    .map(l -> new Link(
                            r.threads().size() > 1
                                    ? TEXTS.t(lang, "page.digest.thread.in", l.channelId())
                                    : TEXTS.t(lang, "page.digest.thread"),
                            l.url()))
                    .toList();
            List<AnswerView> answers =
                    r.answers().stream().map(a -> answer(a, lang)).toList();
            rounds.add(new RoundView(
                    Dates.dateTime(lang, r.openedAt().atZone(zone)),
                    r.prompt(),
                    r.why(),
                    !threads.isEmpty(),
                    threads,
                    answers));
        }

        List<IntervisieView> intervisies = period.intervisies().stream()
                .map(i -> new IntervisieView(
                        TEXTS.t(lang, "digest.intervisie", i.participants()),
                        i.takeaways().isEmpty() ? null : TEXTS.t(lang, "digest.intervisie.takeaways"),
                        i.takeaways()))
                .toList();

        String query = "?weeks=" + shownWeeks;
        List<Download> downloads = List.of(
                new Download(TEXTS.t(lang, "page.digest.download.period"), files(token, query)),
                new Download(TEXTS.t(lang, "page.digest.download.all", to), files(token, "")));
        return new Page(
                lang.code(),
                title,
                TEXTS.t(
                        lang,
                        "page.digest.period",
                        Dates.date(lang, period.from().atZone(zone).toLocalDate()),
                        to,
                        zone.getId()),
                Labels.in(lang, weeks.size()),
                options,
                rounds,
                intervisies,
                TEXTS.t(lang, "page.digest.why"),
                TEXTS.t(lang, "page.digest.no.answers"),
                TEXTS.t(lang, "page.digest.edited"),
                Chart.of(weeks, lang),
                downloads,
                TEXTS.t(
                        lang,
                        "page.digest.link.note",
                        Dates.date(lang, linkExpires.atZone(zone).toLocalDate())));
    }

    // Names and times come from core's one anonymity rule: an anonymous answer has its day alone, in the guild's zone.
    private static AnswerView answer(DigestHistory.AnswerEntry a, Language lang) {
        var by = a.by();
        return new AnswerView(
                by.respondsToName() == null ? "answer" : "reply",
                a.text(),
                by.respondsToName() == null
                        ? by.authorName()
                        : TEXTS.t(lang, "page.digest.responding", by.authorName(), by.respondsToName()),
                by.posted().format(lang),
                by.edited());
    }

    /**
     * The inline SVG bar chart: two bars per week, people (left) and replies between people (right). The legend is
     * HTML beside it (it wraps like text); each week's label is two short lines, the day and the month ("28" over
     * "sep"), so twelve labels fit side by side when the chart is scaled down to a phone (390 px), where the page's
     * CSS sets a larger font in the chart's own units (issue 11: chart labels readable at phone width).
     */
    public record Chart(
            int width,
            int height,
            int left,
            int right,
            int baseline,
            String description,
            String peopleLabel,
            String repliesLabel,
            String weekLabel,
            String tableLabel,
            List<Gridline> gridlines,
            List<WeekBar> weeks) {
        private static final int WIDTH = 640;
        private static final int HEIGHT = 290;
        private static final int LEFT = 46;
        private static final int RIGHT = 632;
        private static final int TOP = 20;
        private static final int BASELINE = 230;
        private static final double BAR = 16;

        static Chart of(List<DigestHistory.Week> weeks, Language lang) {
            int max = weeks.stream()
                    .mapToInt(w -> Math.max(w.participants(), w.repliesBetweenPeople()))
                    .max()
                    .orElse(0);
            int step = Math.max(1, (max + 3) / 4);
            int top = step * 4;
            double scale = (BASELINE - TOP) / (double) top;
            List<Gridline> grid = new ArrayList<>();
            for (int v = step; v <= top; v += step) {
                double y = BASELINE - v * scale;
                grid.add(new Gridline(num(y), num(y + 4.5), LEFT - 6, v));
            }
            double group = (RIGHT - LEFT) / (double) Math.max(1, weeks.size());
            List<WeekBar> bars = new ArrayList<>();
            for (int i = 0; i < weeks.size(); i++) {
                DigestHistory.Week w = weeks.get(i);
                double centre = LEFT + group * i + group / 2;
                double people = w.participants() * scale;
                double replies = w.repliesBetweenPeople() * scale;
                String monday = Dates.date(lang, w.monday());
                bars.add(new WeekBar(
                        monday,
                        String.valueOf(w.monday().getDayOfMonth()),
                        Dates.month(lang, w.monday()),
                        w.participants(),
                        w.repliesBetweenPeople(),
                        num(centre - BAR - 1),
                        num(BASELINE - people),
                        num(people),
                        num(centre + 1),
                        num(BASELINE - replies),
                        num(replies),
                        num(BAR),
                        num(centre),
                        BASELINE + 22,
                        TEXTS.t(lang, "page.digest.chart.people.title", monday, w.participants()),
                        TEXTS.t(lang, "page.digest.chart.replies.title", monday, w.repliesBetweenPeople())));
            }
            return new Chart(
                    WIDTH,
                    HEIGHT,
                    LEFT,
                    RIGHT,
                    BASELINE,
                    TEXTS.t(lang, "page.digest.chart.description", weeks.size()),
                    TEXTS.t(lang, "page.digest.chart.people"),
                    TEXTS.t(lang, "page.digest.chart.replies"),
                    TEXTS.t(lang, "page.digest.chart.week"),
                    TEXTS.t(lang, "page.digest.chart.table"),
                    grid,
                    bars);
        }
    }

    public record Gridline(String y, String textY, int labelX, int value) {}

    /**
     * One week of the chart. {@code label} is the Monday as a full date (table, tooltips); {@code day} and
     * {@code month} are the two lines under the bars.
     */
    public record WeekBar(
            String label,
            String day,
            String month,
            int people,
            int replies,
            String peopleX,
            String peopleY,
            String peopleHeight,
            String repliesX,
            String repliesY,
            String repliesHeight,
            String barWidth,
            String labelX,
            int labelY,
            String peopleTitle,
            String repliesTitle) {}

    private static List<FileLink> files(String token, String query) {
        return List.of(
                new FileLink("Markdown", token + "/export.md" + query),
                new FileLink("CSV", token + "/export.csv" + query),
                new FileLink("JSON", token + "/export.json" + query));
    }

    /** Thread links come from chat platforms; only web addresses and our own paths become links. */
    static boolean safeUrl(String url) {
        return url.startsWith("https://")
                || url.startsWith("http://")
                || (url.startsWith("/") && !url.startsWith("//"));
    }

    // Coordinates with a dot whatever the JVM's locale: SVG wants "12.5", never "12,5".
    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}

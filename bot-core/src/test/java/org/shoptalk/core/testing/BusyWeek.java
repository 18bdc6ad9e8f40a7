package org.shoptalk.core.testing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.digest.Digest;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.prompt.Theme;
import org.shoptalk.core.round.Round;

/**
 * A lively week as a {@link Digest}, built without a database so adapter tests can render it: rounds of answers of a
 * fixed length, every other answer responding to the one before, some quoting a colleague with a mention.
 */
public final class BusyWeek {
    public static final Instant FROM = Instant.parse("2026-11-16T08:00:00Z");
    public static final Instant TO = Instant.parse("2026-11-23T08:00:00Z");
    public static final String PAGE = "https://shoptalk.example/digest/abc.def";

    private BusyWeek() {}

    /** {@code answers} answers of {@code chars} characters each, spread over {@code rounds} rounds. */
    public static Digest of(Tenant tenant, Language language, int rounds, int answers, int chars) {
        Guild guild = new Guild(
                1,
                tenant,
                "Craft & Care <Team>",
                language,
                ZoneId.of("Europe/Amsterdam"),
                DayOfWeek.FRIDAY,
                LocalTime.of(16, 0),
                FROM,
                null);
        List<Digest.RoundSummary> summaries = new ArrayList<>();
        List<Digest.AnswerLine> open = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            Round round = new Round(
                    r + 1,
                    1,
                    null,
                    "p" + r,
                    Theme.CRAFT,
                    "What did you stop doing this month, and what did it give you? (round " + (r + 1) + ")",
                    "Decluttering makes room for the work that matters.",
                    language,
                    FROM.plusSeconds(3600L * r),
                    TO);
            List<Digest.AnswerLine> lines = new ArrayList<>();
            int inRound = answers / rounds + (r < answers % rounds ? 1 : 0);
            for (int a = 0; a < inRound; a++) {
                String author = "Person " + r + "-" + a;
                String responds = a % 2 == 1 ? "Person " + r + "-" + (a - 1) : null;
                Digest.AnswerLine line = new Digest.AnswerLine(author, text(r, a, chars), responds, a % 7 == 0);
                lines.add(line);
                if (a % 10 == 3) {
                    open.add(line);
                }
            }
            summaries.add(new Digest.RoundSummary(round, List.of("https://chat.example/thread/" + r), lines));
        }
        List<Digest.Lively> lively =
                List.of(new Digest.Lively(summaries.get(0).round().promptText(), answers / 2));
        Digest.Dialogue dialogue = new Digest.Dialogue(
                lively,
                open,
                List.of("Clients can get on with their work quickly"),
                List.of("2026-12-01: Clients can get on with their work quickly"),
                2);
        List<ZonedDateTime> upcoming = List.of(ZonedDateTime.parse("2026-11-24T09:30:00+01:00[Europe/Amsterdam]"));
        return new Digest(guild, FROM, TO, summaries, answers, answers / 2, upcoming, dialogue);
    }

    /** Text of exactly {@code chars} characters with the characters platforms escape: &, <, >, quotes, line breaks. */
    static String text(int round, int answer, int chars) {
        StringBuilder s = new StringBuilder("Answer " + round + "-" + answer + ": ");
        String filler = "We tried \"less & better\" <this week>.\nIt gave us time for clients ünd colleagues? ";
        while (s.length() < chars) {
            s.append(filler);
        }
        return s.substring(0, chars);
    }
}

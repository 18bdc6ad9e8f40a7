package org.shoptalk.core.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.shoptalk.core.prompt.Theme;

/**
 * Whether a new moment repeats or collides with the guild's existing ones (issue 12: four prompts posted in one
 * minute). Stateless, so thread-safe.
 *
 * <p>A <b>duplicate</b> is the same moment typed again, after the parser's normalisation ({@code mon 9.30},
 * {@code MONDAY 09:30}): same kind, days, time, every-N-weeks rhythm (the same weeks), zone as it resolves in the
 * guild, theme and pinned question, and both a series or both not. A <b>clash</b> is any other moment that would post
 * in the same minute within {@link #HORIZON} (a one-off on a weekly moment's day included); the lead may still ask
 * for it. A series counts only the moments it has left; schedules, series and occasion templates all pass this check
 * (issue 12).
 */
public final class MomentClash {
    /** How far ahead occurrences are compared: a year covers every rhythm people use (every 1 to 52 weeks). */
    public static final Duration HORIZON = Duration.ofDays(366);
    /** Upper bound on occurrences looked at per moment within the horizon (a daily moment has 366). */
    static final int MAX_OCCURRENCES = 400;

    /** What checking a new moment found. */
    public sealed interface Finding {
        /** Hands this to the visitor's method for its case: the exhaustive dispatch over {@link Finding} (docs/code-layout.md). */
        <R> R accept(Visitor<R> v);

        /** One method per finding, so a new finding fails to compile until the schedule commands answer it. */
        interface Visitor<R> {
            R clear(Clear x);

            R duplicate(Duplicate x);

            R clash(Clash x);
        }
    }

    /** Nothing in the way. */
    public record Clear() implements Finding {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.clear(this);
        }
    }

    /** {@code existing} is the same moment. */
    public record Duplicate(Schedule existing) implements Finding {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.duplicate(this);
        }
    }

    /** {@code existing} would post in the same minute, first at {@code at} (in the guild's zone). */
    public record Clash(Schedule existing, ZonedDateTime at) implements Finding {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.clash(this);
        }
    }

    private MomentClash() {}

    /**
     * Checks {@code candidate} (not yet stored: any id and number) against the guild's {@code existing} moments.
     * A duplicate wins over a clash, so the lead hears about the moment that makes the new one pointless.
     */
    public static Finding check(
            Schedule candidate, List<Schedule> existing, ZoneId guildZone, Collection<DateRange> skips, Instant now) {
        Objects.requireNonNull(candidate, "candidate");
        for (Schedule s : existing) {
            if (!s.done() && sameMoment(candidate, s, guildZone)) {
                return new Duplicate(s);
            }
        }
        Instant until = now.plus(HORIZON);
        List<ZonedDateTime> mine = within(candidate, now, until, guildZone, skips);
        Set<Instant> minutes = new HashSet<>();
        mine.forEach(t -> minutes.add(t.toInstant().truncatedTo(ChronoUnit.MINUTES)));
        Finding first = new Clear();
        Instant firstAt = null;
        for (Schedule s : existing) {
            for (ZonedDateTime t : within(s, now, until, guildZone, skips)) {
                Instant minute = t.toInstant().truncatedTo(ChronoUnit.MINUTES);
                if (minutes.contains(minute) && (firstAt == null || minute.isBefore(firstAt))) {
                    firstAt = minute;
                    first = new Clash(s, t.withZoneSameInstant(guildZone));
                }
            }
        }
        return first;
    }

    private static List<ZonedDateTime> within(
            Schedule s, Instant now, Instant until, ZoneId guildZone, Collection<DateRange> skips) {
        int count = s.seriesLeft() == null ? MAX_OCCURRENCES : Math.min(MAX_OCCURRENCES, s.seriesLeft());
        return s.upcoming(now, guildZone, skips, count).stream()
                .filter(t -> t.toInstant().isBefore(until))
                .toList();
    }

    static boolean sameMoment(Schedule a, Schedule b, ZoneId guildZone) {
        if (!Objects.equals(a.theme(), b.theme())
                || !Objects.equals(a.promptId(), b.promptId())
                || (a.seriesLeft() == null) != (b.seriesLeft() == null)
                || !a.zoneOr(guildZone).equals(b.zoneOr(guildZone))) {
            return false;
        }
        return sameTiming(a.timing(), b.timing());
    }

    /**
     * Timings of two kinds are never the same moment. Both sides go through {@link Timing.Visitor}, so a new kind of
     * timing does not compile until it says when it repeats another (issue 14: no instanceof over a sealed type).
     */
    private static boolean sameTiming(Timing a, Timing b) {
        return a.accept(new Timing.Visitor<>() {
            @Override
            public Boolean weekly(Timing.Weekly x) {
                return b.accept(new Timing.Visitor<>() {
                    @Override
                    public Boolean weekly(Timing.Weekly y) {
                        return x.days().equals(y.days())
                                && x.time().equals(y.time())
                                && x.everyWeeks() == y.everyWeeks()
                                && sameWeeks(x, y);
                    }

                    @Override
                    public Boolean once(Timing.Once y) {
                        return false;
                    }
                });
            }

            @Override
            public Boolean once(Timing.Once x) {
                return b.accept(new Timing.Visitor<>() {
                    @Override
                    public Boolean weekly(Timing.Weekly y) {
                        return false;
                    }

                    @Override
                    public Boolean once(Timing.Once y) {
                        return x.at().equals(y.at());
                    }
                });
            }
        });
    }

    /** Every N weeks counts from the anchor's week: two such moments are the same only in the same weeks. */
    private static boolean sameWeeks(Timing.Weekly x, Timing.Weekly y) {
        long weeks = ChronoUnit.WEEKS.between(weekStart(x.anchor()), weekStart(y.anchor()));
        return Math.floorMod(weeks, x.everyWeeks()) == 0;
    }

    private static LocalDate weekStart(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** A moment that is not stored yet, to check before storing it. */
    public static Schedule candidate(long guildId, Timing timing, Theme theme, Instant now) {
        return candidate(guildId, timing, theme, null, null, now);
    }

    /**
     * A moment that is not stored yet with a pinned question ({@code promptId}, an occasion's step) or a number of
     * moments ({@code seriesLeft}, a series); either may be null.
     */
    public static Schedule candidate(
            long guildId, Timing timing, Theme theme, String promptId, Integer seriesLeft, Instant now) {
        return new Schedule(0, 0, guildId, timing, theme, false, null, false, now, promptId, seriesLeft);
    }
}

package org.shoptalk.core.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When reflection moments happen, in plain java.time. Stateless, so thread-safe.
 *
 * <p>Daylight saving is handled here rather than left to the scheduler: a local time that does not
 * exist still happens that day (at the end of the gap), and a local time that exists twice happens
 * once (at the first of the two).
 */
public final class MomentCalendar {

    /** How far past the first eligible date we look before concluding there is no next moment. */
    static final int SEARCH_YEARS = 2;

    private MomentCalendar() {}

    /**
     * The instant of a moment at this local date and time. A time inside a spring-forward gap moves
     * to the transition itself (02:30 becomes 03:00, not java's 03:30), so it stays as close as
     * possible to what the team asked for; a time inside a fall-back overlap takes the earlier offset.
     */
    public static ZonedDateTime resolve(LocalDate date, LocalTime time, ZoneId zone) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
        LocalDateTime local = LocalDateTime.of(date, time);
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            ZoneOffsetTransition gap = zone.getRules().getTransition(local);
            return gap.getInstant().atZone(zone);
        }
        return ZonedDateTime.of(local, zone).withEarlierOffsetAtOverlap();
    }

    /**
     * The first moment strictly after {@code after}, or empty if none falls within about two years
     * of the first date the schedule could fire (the latest of {@code after}'s date, the anchor and
     * {@code notBefore}).
     *
     * @param skips     date ranges (holidays) on which no moment happens
     * @param notBefore first date a moment may happen, e.g. the day a pause ends; null for no limit
     */
    public static Optional<ZonedDateTime> next(
            Recurrence r, Instant after, Collection<DateRange> skips, LocalDate notBefore) {
        Objects.requireNonNull(r, "recurrence");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(skips, "skips");
        ZoneId zone = r.zone();
        // Start a day early: a gap that spans midnight can resolve a date's moment onto the next day.
        LocalDate first = latest(after.atZone(zone).toLocalDate().minusDays(1), r.anchor(), notBefore);
        LocalDate last = first.plusYears(SEARCH_YEARS);
        LocalDate anchorWeek = weekStart(r.anchor());
        // One instant per date, and dates are visited in order, so each moment is produced once:
        // asking again from a fall-back moment moves on to the next date, never to the repeated hour.
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            if (!occursOn(r, anchorWeek, date, skips)) {
                continue;
            }
            ZonedDateTime at = resolve(date, r.time(), zone);
            if (at.toInstant().isAfter(after)) {
                return Optional.of(at);
            }
        }
        return Optional.empty();
    }

    /** The next {@code count} moments after {@code after}; fewer if the schedule runs dry. */
    public static List<ZonedDateTime> upcoming(
            Recurrence r, Instant after, Collection<DateRange> skips, LocalDate notBefore, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        List<ZonedDateTime> moments = new ArrayList<>(count);
        Instant cursor = after;
        while (moments.size() < count) {
            Optional<ZonedDateTime> next = next(r, cursor, skips, notBefore);
            if (next.isEmpty()) {
                break;
            }
            moments.add(next.get());
            cursor = next.get().toInstant();
        }
        return List.copyOf(moments);
    }

    private static boolean occursOn(Recurrence r, LocalDate anchorWeek, LocalDate date, Collection<DateRange> skips) {
        if (!r.days().contains(date.getDayOfWeek())) {
            return false;
        }
        long weeks = ChronoUnit.WEEKS.between(anchorWeek, weekStart(date));
        if (weeks < 0 || weeks % r.everyWeeks() != 0) {
            return false;
        }
        for (DateRange skip : skips) {
            if (skip.contains(date)) {
                return false;
            }
        }
        return true;
    }

    private static LocalDate weekStart(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static LocalDate latest(LocalDate a, LocalDate b, LocalDate orNull) {
        LocalDate latest = a.isAfter(b) ? a : b;
        return orNull != null && orNull.isAfter(latest) ? orNull : latest;
    }
}

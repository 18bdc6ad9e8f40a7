package org.shoptalk.core.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.shoptalk.core.prompt.Theme;

/**
 * A reflection moment a lead scheduled. {@code id} is global (tasks and rounds refer to it); {@code number} is
 * the guild's own (1, 2, 3 ...), the one people see and type. {@code pausedUntil} is only meaningful while paused:
 * null means paused until resumed. {@code theme} null means the rotation picks one. {@code promptId} pins
 * the question (occasions); {@code seriesLeft} counts down the moments of a series that walks its theme in order.
 * Two states are kept apart: a schedule that starts no occurrence any more ({@link #startsNoneAfter}: a one-off moment
 * whose time has come, a series with no moments left) may still be posting its last occurrence (retries, waits);
 * {@code done} means finished: none left and the last one's posts finished too (posted, or given up and reported).
 */
public record Schedule(
        long id,
        int number,
        long guildId,
        Timing timing,
        Theme theme,
        boolean paused,
        LocalDate pausedUntil,
        boolean done,
        Instant createdAt,
        String promptId,
        Integer seriesLeft) {
    public Schedule {
        Objects.requireNonNull(timing);
    }

    /**
     * The next occurrence to start strictly after {@code after}, given the guild's zone and holidays: none when the
     * schedule is done or starts none any more. Holidays apply to recurring moments; a one-off date was chosen on
     * purpose and is kept.
     */
    public Optional<ZonedDateTime> nextAfter(Instant after, ZoneId guildZone, Collection<DateRange> skips) {
        if (seriesUsedUp()) {
            return Optional.empty();
        }
        return calendarAfter(after, guildZone, skips);
    }

    /**
     * Whether {@code occurrence} is still one of this schedule's own: a pause or a holiday added since it was planned
     * takes it out, and so does the schedule being done. A series' count does not: an occurrence that started (and
     * counted itself) stays the schedule's until its posts are finished.
     */
    public boolean occursAt(Instant occurrence, ZoneId guildZone, Collection<DateRange> skips) {
        return calendarAfter(occurrence.minusMillis(1), guildZone, skips)
                .map(t -> t.toInstant().equals(occurrence))
                .orElse(false);
    }

    /**
     * Whether the schedule starts no occurrence after {@code after} whatever a lead does to it: a one-off moment whose
     * time is not after it, or a series with no moments left. A pause ends nothing.
     */
    public boolean startsNoneAfter(Instant after, ZoneId guildZone) {
        return seriesUsedUp()
                || (timing instanceof Timing.Once o
                        && !MomentCalendar.resolve(o.at().toLocalDate(), o.at().toLocalTime(), zoneOr(guildZone))
                                .toInstant()
                                .isAfter(after));
    }

    private boolean seriesUsedUp() {
        return seriesLeft != null && seriesLeft <= 0;
    }

    /** The calendar's next time after {@code after}: pauses and holidays count, a series' count does not. */
    private Optional<ZonedDateTime> calendarAfter(Instant after, ZoneId guildZone, Collection<DateRange> skips) {
        if (done || (paused && pausedUntil == null)) {
            return Optional.empty();
        }
        LocalDate notBefore = paused ? pausedUntil : null;
        return timing.accept(new Timing.Visitor<>() {
            @Override
            public Optional<ZonedDateTime> weekly(Timing.Weekly w) {
                return MomentCalendar.next(w.recurrence(guildZone), after, skips, notBefore);
            }

            @Override
            public Optional<ZonedDateTime> once(Timing.Once o) {
                ZonedDateTime at =
                        MomentCalendar.resolve(o.at().toLocalDate(), o.at().toLocalTime(), zoneOr(guildZone));
                boolean beforePause = notBefore != null && o.at().toLocalDate().isBefore(notBefore);
                return at.toInstant().isAfter(after) && !beforePause ? Optional.of(at) : Optional.empty();
            }
        });
    }

    public List<ZonedDateTime> upcoming(Instant after, ZoneId guildZone, Collection<DateRange> skips, int count) {
        List<ZonedDateTime> out = new java.util.ArrayList<>();
        Instant cursor = after;
        while (out.size() < count) {
            Optional<ZonedDateTime> next = nextAfter(cursor, guildZone, skips);
            if (next.isEmpty()) {
                break;
            }
            out.add(next.get());
            cursor = next.get().toInstant();
        }
        return out;
    }

    public ZoneId zoneOr(ZoneId guildZone) {
        return timing.zone() == null ? guildZone : timing.zone();
    }
}

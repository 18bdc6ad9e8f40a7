package org.shoptalk.core.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a reminder reaches one person (docs/rhythm.md): at its due time when that is outside their quiet hours,
 * else at their next moment outside them, as long as that is before the round closes. When their next free moment
 * comes only after the close (a round closing on a Sunday for someone whose weekends are quiet), the reminder comes
 * earlier instead, on the last free day before it was due, at the time it was due (or, when that time is in their
 * quiet stretch, when the stretch ends that morning), but never in the first half of the time between the opening
 * and the due time: a nudge hours after a question was asked is no reminder. Only when no such moment exists is a
 * person not reminded. All times are compared on the person's own wall clock, so a daylight-saving change moves
 * nothing. Pure and thread-safe.
 */
public final class ReminderTiming {
    /** Days looked back for a free day when the next free moment comes too late: a week holds at least one. */
    private static final int DAYS_BACK = 7;

    private ReminderTiming() {}

    /**
     * The first look at a round's reminders: halfway between the opening and the due time, the earliest moment a
     * reminder moved forward may come ({@link #slot}).
     */
    public static Instant firstLook(Instant opened, Instant due) {
        return opened.plus(Duration.between(opened, due).dividedBy(2));
    }

    /**
     * When this person should get a reminder due at {@code due}, seen at {@code now}: empty when no allowed moment is
     * left before {@code closes}. A result at or before {@code now} means "now".
     *
     * @param earliest no reminder before this (see {@link #firstLook})
     */
    public static Optional<Instant> slot(
            Instant due, Instant earliest, Instant closes, Instant now, ZoneId zone, QuietHours quiet) {
        if (!now.isBefore(closes)) {
            return Optional.empty();
        }
        Instant from = now.isAfter(due) ? now : due;
        Instant next = quiet.nextAllowed(from.atZone(zone)).toInstant();
        if (next.isBefore(closes)) {
            return Optional.of(next);
        }
        Optional<Instant> earlier = lastFreeDayBefore(due, earliest, zone, quiet);
        if (earlier.isEmpty() || !earlier.get().isBefore(now)) {
            return earlier;
        }
        // Its moment has passed while the task was not running: now, if now is free.
        return quiet.isQuiet(now.atZone(zone).toLocalDateTime()) ? Optional.empty() : Optional.of(now);
    }

    private static Optional<Instant> lastFreeDayBefore(Instant due, Instant earliest, ZoneId zone, QuietHours quiet) {
        ZonedDateTime dueLocal = due.atZone(zone);
        LocalTime time = dueLocal.toLocalTime();
        LocalTime at = quiet.inStretch(time) ? quiet.to() : time;
        for (int back = 1; back <= DAYS_BACK; back++) {
            LocalDate day = dueLocal.toLocalDate().minusDays(back);
            if (quiet.days().contains(day.getDayOfWeek())) {
                continue;
            }
            Instant candidate =
                    quiet.nextAllowed(ZonedDateTime.of(day, at, zone)).toInstant();
            if (candidate.isBefore(earliest)) {
                return Optional.empty();
            }
            if (candidate.isBefore(due)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}

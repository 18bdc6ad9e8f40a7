package org.shoptalk.core.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a reminder reaches one person (docs/rhythm.md): at its due time when that is outside their quiet hours,
 * else at their next moment outside them, as long as that is before the round closes. When their next free moment
 * comes only after the close (a round closing on a Sunday for someone whose weekends are quiet), the reminder comes
 * earlier instead, in the last hour before the quiet time it fell in began (Friday 17:00 for quiet from Friday 18:00),
 * but never in the first half of the time between the opening and the due time: a nudge hours after a question was
 * asked is no reminder. Only when no such moment exists is a person not reminded. All times are compared on the
 * person's own wall clock, so a daylight-saving change moves nothing. Pure and thread-safe.
 */
public final class ReminderTiming {
    /** How long before someone's quiet time a reminder moved forward comes: the last hour of their free time. */
    static final Duration LAST_FREE = Duration.ofHours(1);

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
        Optional<Instant> earlier = lastFreeHourBefore(due, earliest, zone, quiet);
        if (earlier.isEmpty() || !earlier.get().isBefore(now)) {
            return earlier;
        }
        // Its moment has passed while the task was not running: now, if now is free.
        return quiet.isQuiet(now.atZone(zone).toLocalDateTime()) ? Optional.empty() : Optional.of(now);
    }

    /**
     * The last free hour before the quiet time {@code due} fell in: an hour before that quiet time began, or when the
     * free time before it began, or the earliest allowed moment, whichever is latest; empty when the quiet time began
     * before the earliest allowed moment.
     */
    private static Optional<Instant> lastFreeHourBefore(Instant due, Instant earliest, ZoneId zone, QuietHours quiet) {
        ZonedDateTime dueLocal = due.atZone(zone);
        QuietHours.LastFree free = quiet.lastFreeBefore(dueLocal.toLocalDateTime());
        if (free.end() == null) {
            return Optional.empty();
        }
        Instant end =
                ZonedDateTime.ofLocal(free.end(), zone, dueLocal.getOffset()).toInstant();
        Instant start =
                ZonedDateTime.ofLocal(free.start(), zone, dueLocal.getOffset()).toInstant();
        if (!end.isAfter(earliest)) {
            return Optional.empty();
        }
        Instant at = end.minus(LAST_FREE);
        at = at.isBefore(start) ? start : at;
        return Optional.of(at.isBefore(earliest) ? earliest : at);
    }
}

package org.shoptalk.core.reminder;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When a person does not want to be reminded, in their own local time: a daily stretch ({@code from} up to but not
 * including {@code to}, crossing midnight when {@code from} is later than {@code to}, as in 18:00-08:00) and whole
 * days. The two parts follow Teams' "quiet hours" and "quiet days" (Teams mobile, Settings, Notifications); Slack
 * calls the same idea a notification schedule. Immutable and thread-safe.
 *
 * @param from start of the daily quiet stretch, or null for none (then {@code to} is null too)
 * @param to end of the daily quiet stretch (exclusive), or null for none
 * @param days days that are quiet from midnight to midnight; never all seven, so there is always time to remind
 */
public record QuietHours(LocalTime from, LocalTime to, Set<DayOfWeek> days) {
    /** Evenings and weekends: 18:00-08:00, and Saturday and Sunday all day (issue 15, section 3). */
    public static final QuietHours DEFAULT =
            new QuietHours(LocalTime.of(18, 0), LocalTime.of(8, 0), EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));

    /** No quiet hours at all: reminders come when they are due. */
    public static final QuietHours NONE = new QuietHours(null, null, Set.of());

    /** Enough steps for a week of quiet days and stretches; the constructor guarantees a free moment within it. */
    private static final int MAX_STEPS = 32;

    /**
     * @throws IllegalArgumentException when only one end of the daily stretch is given, both ends are the same time,
     *     or every day is quiet
     */
    public QuietHours {
        if ((from == null) != (to == null)) {
            throw new IllegalArgumentException("a quiet stretch needs a start and an end");
        }
        if (from != null && from.equals(to)) {
            throw new IllegalArgumentException("a quiet stretch cannot start and end at the same time");
        }
        Objects.requireNonNull(days);
        days = days.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(days));
        if (days.size() == DayOfWeek.values().length) {
            throw new IllegalArgumentException("at least one day must have time for a reminder");
        }
    }

    public boolean hasStretch() {
        return from != null;
    }

    /** Whether this local time is quiet. */
    public boolean isQuiet(LocalDateTime t) {
        return days.contains(t.getDayOfWeek()) || inStretch(t.toLocalTime());
    }

    /** Whether this time of day falls in the daily quiet stretch. */
    public boolean inStretch(LocalTime time) {
        if (from == null) {
            return false;
        }
        return from.isBefore(to)
                ? !time.isBefore(from) && time.isBefore(to)
                : !time.isBefore(from) || time.isBefore(to);
    }

    /**
     * The first moment at or after {@code t} that is not quiet, in {@code t}'s zone. Local times are compared on the
     * wall clock, so a quiet stretch ending at 08:00 ends at 08:00 local on either side of a daylight-saving change;
     * an end that does not exist that day (a spring-forward gap) is taken as the same moment after the gap, as
     * {@link ZonedDateTime#ofLocal} does.
     */
    public ZonedDateTime nextAllowed(ZonedDateTime t) {
        ZonedDateTime current = t;
        for (int i = 0; i < MAX_STEPS; i++) {
            LocalDateTime local = current.toLocalDateTime();
            if (!isQuiet(local)) {
                return current;
            }
            LocalDateTime next;
            if (days.contains(local.getDayOfWeek())) {
                next = local.toLocalDate().plusDays(1).atStartOfDay();
            } else {
                LocalTime time = local.toLocalTime();
                boolean endsToday = from.isBefore(to) || time.isBefore(to);
                next = (endsToday ? local.toLocalDate() : local.toLocalDate().plusDays(1)).atTime(to);
            }
            // Preferring the current offset keeps the walk moving forward through a fall-back overlap.
            ZonedDateTime moved = ZonedDateTime.ofLocal(next, current.getZone(), current.getOffset());
            current = moved.isAfter(current) ? moved : current.plusHours(1);
        }
        throw new IllegalStateException("no free moment within a week after " + t + " for " + this);
    }

    /**
     * Looking back from the local time {@code t}: when the quiet time it falls in began ({@code t} itself when it is
     * free), and when the free time before that began. Quiet only changes at midnight and at the stretch's ends, so only
     * those moments of the eight days before {@code t} are looked at; a free time that began earlier is reported as
     * beginning eight days back.
     */
    LastFree lastFreeBefore(LocalDateTime t) {
        List<LocalDateTime> marks = new ArrayList<>();
        for (int back = 0; back <= DAYS_BACK; back++) {
            LocalDate day = t.toLocalDate().minusDays(back);
            marks.add(day.atStartOfDay());
            if (from != null) {
                marks.add(day.atTime(from));
                marks.add(day.atTime(to));
            }
        }
        List<LocalDateTime> descending = marks.stream()
                .filter(m -> !m.isAfter(t))
                .distinct()
                .sorted(Comparator.reverseOrder())
                .toList();
        LocalDateTime quietFrom = t;
        int i = 0;
        if (isQuiet(t)) {
            while (i < descending.size() && isQuiet(descending.get(i).minusMinutes(1))) {
                i++;
            }
            if (i == descending.size()) {
                return new LastFree(null, null);
            }
            quietFrom = descending.get(i);
        }
        LocalDateTime freeFrom = descending.get(descending.size() - 1);
        for (int j = i + 1; j < descending.size(); j++) {
            if (isQuiet(descending.get(j).minusMinutes(1))) {
                freeFrom = descending.get(j);
                break;
            }
        }
        return new LastFree(freeFrom, quietFrom);
    }

    /** The last free time before a moment: from {@code start} up to {@code end}; both null when none was found. */
    record LastFree(LocalDateTime start, LocalDateTime end) {}

    private static final int DAYS_BACK = 8;

    /** The stored form: {@code 18:00-08:00|SATURDAY,SUNDAY}; either side may be empty. */
    public String storage() {
        String stretch = from == null ? "" : from + "-" + to;
        return stretch + "|" + days.stream().map(DayOfWeek::name).collect(Collectors.joining(","));
    }

    /**
     * Reads {@link #storage()}'s form.
     *
     * @throws IllegalArgumentException when {@code stored} is not in that form
     */
    public static QuietHours parse(String stored) {
        int bar = stored.indexOf('|');
        if (bar < 0) {
            throw new IllegalArgumentException("not stored quiet hours: " + stored);
        }
        String stretch = stored.substring(0, bar);
        String dayPart = stored.substring(bar + 1);
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String d : dayPart.split(",", -1)) {
            if (!d.isBlank()) {
                days.add(DayOfWeek.valueOf(d.strip().toUpperCase(Locale.ROOT)));
            }
        }
        if (stretch.isBlank()) {
            return new QuietHours(null, null, days);
        }
        String[] ends = stretch.split("-", -1);
        if (ends.length != 2) {
            throw new IllegalArgumentException("not stored quiet hours: " + stored);
        }
        try {
            return new QuietHours(LocalTime.parse(ends[0]), LocalTime.parse(ends[1]), days);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not stored quiet hours: " + stored, e);
        }
    }
}

package org.shoptalk.core.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * When a recurring reflection moment happens: on these days of the week, at this local time,
 * every {@code everyWeeks} weeks counted from the week of {@code anchor}, in {@code zone}.
 */
public record Recurrence(Set<DayOfWeek> days, LocalTime time, int everyWeeks, LocalDate anchor, ZoneId zone) {
    public Recurrence {
        days = Set.copyOf(days);
        if (days.isEmpty()) {
            throw new IllegalArgumentException("at least one day is needed");
        }
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(zone, "zone");
        if (everyWeeks < 1 || everyWeeks > 52) {
            throw new IllegalArgumentException("every N weeks needs N between 1 and 52");
        }
    }
}

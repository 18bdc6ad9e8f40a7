package org.shoptalk.core.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/** When a reflection moment happens. A null zone means "the guild's time zone", read at each firing. */
public sealed interface Timing {

    ZoneId zone();

    record Weekly(Set<DayOfWeek> days, LocalTime time, int everyWeeks, LocalDate anchor, ZoneId zone)
            implements Timing {
        public Weekly {
            days = Set.copyOf(days);
            Objects.requireNonNull(time);
            Objects.requireNonNull(anchor);
        }

        public Recurrence recurrence(ZoneId guildZone) {
            return new Recurrence(days, time, everyWeeks, anchor, zone == null ? guildZone : zone);
        }
    }

    record Once(LocalDateTime at, ZoneId zone) implements Timing {
        public Once {
            Objects.requireNonNull(at);
        }
    }
}

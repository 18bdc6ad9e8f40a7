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
    /** Hands this to the visitor's method for its case: the exhaustive dispatch over {@link Timing} (docs/code-layout.md). */
    <R> R accept(Visitor<R> v);

    /** One method per kind of timing, so a new kind fails to compile until storage, descriptions and the calendar handle it. */
    interface Visitor<R> {
        R weekly(Timing.Weekly x);

        R once(Timing.Once x);
    }

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

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.weekly(this);
        }
    }

    record Once(LocalDateTime at, ZoneId zone) implements Timing {
        public Once {
            Objects.requireNonNull(at);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.once(this);
        }
    }
}

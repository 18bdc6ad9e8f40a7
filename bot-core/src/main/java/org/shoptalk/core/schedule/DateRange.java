package org.shoptalk.core.schedule;

import java.time.LocalDate;
import java.util.Objects;

/** An inclusive range of local dates, e.g. a holiday during which no moments are posted. */
public record DateRange(LocalDate from, LocalDate to) {
    public DateRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a range must not end before it starts");
        }
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}

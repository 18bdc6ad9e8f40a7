package org.shoptalk.core.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Quiet hours on a person's own wall clock (docs/rhythm.md), with fixed instants only. */
class QuietHoursTest {
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private static ZonedDateTime at(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), AMSTERDAM);
    }

    @Test
    void the_default_keeps_evenings_nights_and_weekends_quiet() {
        QuietHours q = QuietHours.DEFAULT;

        assertThat(q.nextAllowed(at("2026-11-25T12:00"))).isEqualTo(at("2026-11-25T12:00"));
        assertThat(q.nextAllowed(at("2026-11-25T18:00"))).isEqualTo(at("2026-11-26T08:00"));
        assertThat(q.nextAllowed(at("2026-11-26T07:59"))).isEqualTo(at("2026-11-26T08:00"));
        assertThat(q.nextAllowed(at("2026-11-27T17:59"))).isEqualTo(at("2026-11-27T17:59"));
        assertThat(q.nextAllowed(at("2026-11-27T18:30")))
                .as("Friday evening: Monday morning")
                .isEqualTo(at("2026-11-30T08:00"));
    }

    @Test
    void a_stretch_within_one_day_ends_that_day() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0), Set.of());

        assertThat(lunch.nextAllowed(at("2026-11-28T12:15"))).isEqualTo(at("2026-11-28T13:00"));
        assertThat(lunch.nextAllowed(at("2026-11-28T23:00"))).isEqualTo(at("2026-11-28T23:00"));
    }

    @Test
    void in_the_autumn_overlap_the_walk_still_moves_forward() {
        // 02:00-03:00 happens twice on 2026-10-25. Quiet until 02:30, seen at the second 02:10 (winter time), ends at
        // the second 02:30, not at the first one, which lies in the past.
        QuietHours q = new QuietHours(LocalTime.of(1, 0), LocalTime.of(2, 30), Set.of());
        ZonedDateTime secondTwoTen = ZonedDateTime.ofInstant(Instant.parse("2026-10-25T01:10:00Z"), AMSTERDAM);

        assertThat(q.nextAllowed(secondTwoTen).toInstant()).isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));
        assertThat(q.nextAllowed(at("2026-10-25T01:30")).toInstant())
                .as("seen in summer time, the first 02:30")
                .isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    }

    @Test
    void stored_and_read_back_unchanged() {
        for (QuietHours q : java.util.List.of(
                QuietHours.DEFAULT,
                QuietHours.NONE,
                new QuietHours(null, null, EnumSet.of(DayOfWeek.FRIDAY)),
                new QuietHours(LocalTime.of(22, 15), LocalTime.of(6, 45), Set.of()))) {
            assertThat(QuietHours.parse(q.storage())).isEqualTo(q);
        }
    }

    @Test
    void impossible_quiet_hours_are_refused() {
        assertThatThrownBy(() -> new QuietHours(LocalTime.NOON, LocalTime.NOON, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QuietHours(null, null, EnumSet.allOf(DayOfWeek.class)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QuietHours.parse("soon")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_reminder_is_never_moved_past_the_close_nor_before_halfway() {
        Instant opened = Instant.parse("2026-11-26T08:00:00Z");
        Instant due = Instant.parse("2026-11-28T08:00:00Z");
        Instant closes = Instant.parse("2026-11-29T08:00:00Z");
        Instant halfway = ReminderTiming.firstLook(opened, due);
        QuietHours everyDayButThursday =
                new QuietHours(null, null, EnumSet.complementOf(EnumSet.of(DayOfWeek.THURSDAY)));

        assertThat(ReminderTiming.slot(due, halfway, closes, halfway, AMSTERDAM, everyDayButThursday))
                .as("the only free day is before halfway: no reminder rather than one hours after the question")
                .isEmpty();
        assertThat(ReminderTiming.slot(due, halfway, closes, closes, AMSTERDAM, QuietHours.NONE))
                .isEmpty();
    }
}

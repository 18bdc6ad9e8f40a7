package org.shoptalk.core.schedule;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MomentCalendarTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalDate JAN_1 = LocalDate.parse("2026-01-01");
    private static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(MONDAY, FRIDAY);
    private static final List<DateRange> NO_SKIPS = List.of();

    @ParameterizedTest(name = "{0} {1} {2} happens at {3}")
    @CsvSource({
        "Europe/Amsterdam, 2026-03-29, 02:30, 2026-03-29T03:00+02:00",
        "Europe/Amsterdam, 2026-03-29, 02:00, 2026-03-29T03:00+02:00",
        "Europe/Amsterdam, 2026-03-29, 02:59, 2026-03-29T03:00+02:00",
        "America/New_York, 2026-03-08, 02:30, 2026-03-08T03:00-04:00",
        "America/New_York, 2026-03-08, 02:00, 2026-03-08T03:00-04:00",
    })
    void time_in_spring_forward_gap_happens_when_the_gap_ends_not_an_hour_later(
            String zone, LocalDate date, LocalTime time, OffsetDateTime expected) {
        assertThat(MomentCalendar.resolve(date, time, ZoneId.of(zone)))
                .isEqualTo(expected.atZoneSameInstant(ZoneId.of(zone)));
    }

    @ParameterizedTest(name = "{0} {1} {2} happens once, at {3}")
    @CsvSource({
        "Europe/Amsterdam, 2026-10-25, 02:30, 2026-10-25T02:30+02:00",
        "Europe/Amsterdam, 2026-10-25, 02:00, 2026-10-25T02:00+02:00",
        "America/New_York, 2026-11-01, 01:30, 2026-11-01T01:30-04:00",
        "America/New_York, 2026-11-01, 01:00, 2026-11-01T01:00-04:00",
    })
    void time_in_fall_back_overlap_takes_the_earlier_of_the_two_instants(
            String zone, LocalDate date, LocalTime time, OffsetDateTime expected) {
        ZonedDateTime resolved = MomentCalendar.resolve(date, time, ZoneId.of(zone));
        assertThat(resolved.toOffsetDateTime()).isEqualTo(expected);
        assertThat(resolved.getZone()).isEqualTo(ZoneId.of(zone));
    }

    @ParameterizedTest(name = "{0} {1} {2} happens at {3}")
    @CsvSource({
        "Europe/Amsterdam, 2026-03-29, 01:30, 2026-03-29T01:30+01:00",
        "Europe/Amsterdam, 2026-03-29, 03:00, 2026-03-29T03:00+02:00",
        "Europe/Amsterdam, 2026-03-29, 09:00, 2026-03-29T09:00+02:00",
        "Europe/Amsterdam, 2026-10-25, 01:59, 2026-10-25T01:59+02:00",
        "Europe/Amsterdam, 2026-10-25, 03:00, 2026-10-25T03:00+01:00",
        "Europe/Amsterdam, 2026-10-25, 09:00, 2026-10-25T09:00+01:00",
        "America/New_York, 2026-03-08, 01:30, 2026-03-08T01:30-05:00",
        "America/New_York, 2026-03-08, 09:00, 2026-03-08T09:00-04:00",
        "America/New_York, 2026-11-01, 02:00, 2026-11-01T02:00-05:00",
        "America/New_York, 2026-11-01, 09:00, 2026-11-01T09:00-05:00",
    })
    void ordinary_time_on_a_daylight_saving_day_keeps_its_local_time_and_offset(
            String zone, LocalDate date, LocalTime time, OffsetDateTime expected) {
        assertThat(MomentCalendar.resolve(date, time, ZoneId.of(zone)).toOffsetDateTime())
                .isEqualTo(expected);
    }

    @Test
    void daily_moment_inside_the_amsterdam_gap_still_happens_on_the_spring_forward_day() {
        Recurrence daily = recurrence(EVERY_DAY, "02:30", AMSTERDAM);

        assertThat(upcoming(daily, "2026-03-28T02:30+01:00", 3))
                .containsExactly("2026-03-29T03:00+02:00", "2026-03-30T02:30+02:00", "2026-03-31T02:30+02:00");
    }

    @Test
    void daily_moment_inside_the_new_york_gap_still_happens_on_the_spring_forward_day() {
        Recurrence daily = recurrence(EVERY_DAY, "02:30", NEW_YORK);

        assertThat(upcoming(daily, "2026-03-07T12:00-05:00", 3))
                .containsExactly("2026-03-08T03:00-04:00", "2026-03-09T02:30-04:00", "2026-03-10T02:30-04:00");
    }

    @Test
    void daily_moment_inside_the_amsterdam_overlap_is_posted_once_on_the_fall_back_day() {
        Recurrence daily = recurrence(EVERY_DAY, "02:30", AMSTERDAM);

        assertThat(upcoming(daily, "2026-10-24T12:00+02:00", 3))
                .containsExactly("2026-10-25T02:30+02:00", "2026-10-26T02:30+01:00", "2026-10-27T02:30+01:00");
    }

    @Test
    void daily_moment_inside_the_new_york_overlap_is_posted_once_on_the_fall_back_day() {
        Recurrence daily = recurrence(EVERY_DAY, "01:30", NEW_YORK);

        assertThat(upcoming(daily, "2026-10-31T12:00-04:00", 3))
                .containsExactly("2026-11-01T01:30-04:00", "2026-11-02T01:30-05:00", "2026-11-03T01:30-05:00");
    }

    @ParameterizedTest(name = "after {0}")
    @CsvSource({
        "2026-10-25T02:30+02:00", // the moment itself
        "2026-10-25T02:45+02:00", // between the two 02:30s
        "2026-10-25T02:30+01:00", // the repeated 02:30
    })
    void after_the_fall_back_moment_the_next_one_is_the_following_day_never_the_repeated_hour(String after) {
        Recurrence daily = recurrence(EVERY_DAY, "02:30", AMSTERDAM);

        assertThat(next(daily, after, NO_SKIPS, null)).isEqualTo("2026-10-26T02:30+01:00");
    }

    @Test
    void weekly_moment_keeps_its_wall_clock_time_across_the_clock_change() {
        Recurrence mondays = recurrence(Set.of(MONDAY), "09:00", AMSTERDAM);

        assertThat(upcoming(mondays, "2026-03-20T12:00+01:00", 2))
                .containsExactly("2026-03-23T09:00+01:00", "2026-03-30T09:00+02:00");
    }

    @Test
    void moment_exactly_at_after_is_not_returned_again() {
        Recurrence mondays = recurrence(Set.of(MONDAY), "09:00", AMSTERDAM);

        assertThat(next(mondays, "2026-06-01T09:00+02:00", NO_SKIPS, null)).isEqualTo("2026-06-08T09:00+02:00");
    }

    @Test
    void the_day_boundary_is_the_schedule_zone_not_utc() {
        Recurrence mondayEvenings = recurrence(Set.of(MONDAY), "23:30", NEW_YORK);

        // 03:00 UTC on Tuesday is still Monday 23:00 in New York.
        assertThat(next(mondayEvenings, "2026-06-02T03:00Z", NO_SKIPS, null)).isEqualTo("2026-06-01T23:30-04:00");
    }

    @Test
    void every_two_weeks_fires_in_the_anchor_week_and_every_second_week_after() {
        Recurrence fortnightly = new Recurrence(
                Set.of(MONDAY, THURSDAY), LocalTime.of(9, 0), 2, LocalDate.parse("2026-01-05"), AMSTERDAM);

        assertThat(upcoming(fortnightly, "2026-01-01T00:00+01:00", 5))
                .containsExactly(
                        "2026-01-05T09:00+01:00",
                        "2026-01-08T09:00+01:00",
                        "2026-01-19T09:00+01:00",
                        "2026-01-22T09:00+01:00",
                        "2026-02-02T09:00+01:00");
    }

    @Test
    void every_two_weeks_counts_whole_monday_based_weeks_from_the_week_holding_the_anchor() {
        // Anchored on Sunday 11 January: that week began Monday 5 January, so Monday 12 is week one (off).
        Recurrence fortnightly =
                new Recurrence(Set.of(MONDAY), LocalTime.of(9, 0), 2, LocalDate.parse("2026-01-11"), AMSTERDAM);

        assertThat(upcoming(fortnightly, "2026-01-01T00:00+01:00", 2))
                .containsExactly("2026-01-19T09:00+01:00", "2026-02-02T09:00+01:00");
    }

    @Test
    void nothing_happens_before_the_anchor_even_earlier_in_the_anchor_week() {
        Recurrence fromWednesday = new Recurrence(
                Set.of(MONDAY, WEDNESDAY, FRIDAY), LocalTime.of(9, 0), 1, LocalDate.parse("2026-01-07"), AMSTERDAM);

        assertThat(next(fromWednesday, "2025-11-01T00:00Z", NO_SKIPS, null)).isEqualTo("2026-01-07T09:00+01:00");
    }

    @Test
    void a_holiday_spanning_a_week_skips_every_moment_in_it() {
        Recurrence mwf = recurrence(Set.of(MONDAY, WEDNESDAY, FRIDAY), "09:00", AMSTERDAM);
        List<DateRange> holiday = List.of(range("2026-07-20", "2026-07-26"));

        assertThat(next(mwf, "2026-07-17T10:00+02:00", holiday, null)).isEqualTo("2026-07-27T09:00+02:00");
    }

    @Test
    void a_single_skipped_day_drops_only_that_moment() {
        Recurrence mwf = recurrence(Set.of(MONDAY, WEDNESDAY, FRIDAY), "09:00", AMSTERDAM);
        List<DateRange> dayOff = List.of(range("2026-07-22", "2026-07-22"));

        assertThat(upcoming(mwf, "2026-07-20T10:00+02:00", dayOff, null, 2))
                .containsExactly("2026-07-24T09:00+02:00", "2026-07-27T09:00+02:00");
    }

    @Test
    void a_pause_resumes_on_the_not_before_date_itself() {
        Recurrence weekdays = recurrence(WEEKDAYS, "09:00", AMSTERDAM);

        assertThat(next(weekdays, "2026-04-20T10:00+02:00", NO_SKIPS, LocalDate.parse("2026-05-01")))
                .isEqualTo("2026-05-01T09:00+02:00");
    }

    @Test
    void a_not_before_date_in_the_past_changes_nothing() {
        Recurrence weekdays = recurrence(WEEKDAYS, "09:00", AMSTERDAM);

        assertThat(next(weekdays, "2026-04-20T10:00+02:00", NO_SKIPS, LocalDate.parse("2026-01-01")))
                .isEqualTo("2026-04-21T09:00+02:00");
    }

    @Test
    void a_pause_longer_than_two_years_still_finds_the_first_moment_after_it() {
        Recurrence mondays = recurrence(Set.of(MONDAY), "09:00", AMSTERDAM);

        assertThat(next(mondays, "2026-04-20T10:00+02:00", NO_SKIPS, LocalDate.parse("2030-01-07")))
                .isEqualTo("2030-01-07T09:00+01:00");
    }

    @Test
    void a_yearly_moment_almost_a_year_away_is_found() {
        Recurrence every52 = new Recurrence(Set.of(MONDAY), LocalTime.of(9, 0), 52, JAN_1, AMSTERDAM);

        assertThat(next(every52, "2026-01-06T00:00+01:00", NO_SKIPS, null)).isEqualTo("2026-12-28T09:00+01:00");
    }

    @Test
    void upcoming_gives_the_next_three_weekday_moments_over_a_weekend() {
        Recurrence weekdays = recurrence(WEEKDAYS, "09:00", AMSTERDAM);

        assertThat(upcoming(weekdays, "2026-06-05T10:00+02:00", 3))
                .containsExactly("2026-06-08T09:00+02:00", "2026-06-09T09:00+02:00", "2026-06-10T09:00+02:00");
    }

    @Test
    void upcoming_gives_fewer_moments_when_the_schedule_runs_dry() {
        Recurrence weekdays = recurrence(WEEKDAYS, "09:00", AMSTERDAM);
        List<DateRange> stopped = List.of(range("2026-06-10", "2029-12-31"));

        assertThat(upcoming(weekdays, "2026-06-05T10:00+02:00", stopped, null, 3))
                .containsExactly("2026-06-08T09:00+02:00", "2026-06-09T09:00+02:00");
    }

    @Test
    void a_schedule_whose_days_are_all_skipped_for_over_two_years_has_no_next_moment() {
        Recurrence mondays = recurrence(Set.of(MONDAY), "09:00", AMSTERDAM);
        List<DateRange> skipped = List.of(range("2026-01-01", "2028-12-31"));
        Instant after = Instant.parse("2026-01-01T00:00:00Z");

        assertThat(MomentCalendar.next(mondays, after, skipped, null)).isEmpty();
        assertThat(MomentCalendar.upcoming(mondays, after, skipped, null, 3)).isEmpty();
    }

    @Test
    void upcoming_zero_is_empty_and_a_negative_count_is_refused() {
        Recurrence weekdays = recurrence(WEEKDAYS, "09:00", AMSTERDAM);
        Instant after = Instant.parse("2026-06-05T08:00:00Z");

        assertThat(MomentCalendar.upcoming(weekdays, after, NO_SKIPS, null, 0)).isEmpty();
        assertThatThrownBy(() -> MomentCalendar.upcoming(weekdays, after, NO_SKIPS, null, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("count");
    }

    private static Recurrence recurrence(Set<DayOfWeek> days, String time, ZoneId zone) {
        return new Recurrence(days, LocalTime.parse(time), 1, JAN_1, zone);
    }

    private static DateRange range(String from, String to) {
        return new DateRange(LocalDate.parse(from), LocalDate.parse(to));
    }

    private static String next(Recurrence r, String after, List<DateRange> skips, LocalDate notBefore) {
        return MomentCalendar.next(r, OffsetDateTime.parse(after).toInstant(), skips, notBefore)
                .map(MomentCalendarTest::show)
                .orElse("none");
    }

    private static List<String> upcoming(Recurrence r, String after, int count) {
        return upcoming(r, after, NO_SKIPS, null, count);
    }

    private static List<String> upcoming(
            Recurrence r, String after, List<DateRange> skips, LocalDate notBefore, int count) {
        return MomentCalendar.upcoming(r, OffsetDateTime.parse(after).toInstant(), skips, notBefore, count).stream()
                .map(MomentCalendarTest::show)
                .toList();
    }

    /** Offset form, so a wrong offset on a daylight-saving day shows up in the failure message. */
    private static String show(ZonedDateTime at) {
        return at.toOffsetDateTime().toString();
    }
}

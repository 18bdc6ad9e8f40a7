package org.shoptalk.core.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.testing.CoreFixture;

/** Occasion templates never plan a moment on a weekend or inside a break (issue 12); dates follow the test clock. */
class OccasionDatesTest {
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private final CoreFixture f = CoreFixture.onH2();

    @BeforeEach
    void guild() {
        f.run("lea", "craft", "guild create Craft lang en tz Europe/Amsterdam");
    }

    @AfterEach
    void close() {
        f.close();
    }

    private LocalDate today() {
        return f.clock.instant().atZone(AMSTERDAM).toLocalDate();
    }

    private List<LocalDate> planned() {
        return f.db.withHandle(h -> h.query(
                "SELECT at_local FROM schedule ORDER BY guild_number",
                rs -> LocalDateTime.parse(rs.getString(1)).toLocalDate()));
    }

    private static void onWorkingDaysOutside(List<LocalDate> dates, LocalDate breakFrom, LocalDate breakTo) {
        assertThat(dates).hasSize(3).isSorted().doesNotHaveDuplicates().allSatisfy(d -> {
            assertThat(d.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(!d.isBefore(breakFrom) && !d.isAfter(breakTo))
                    .as(d + " in the break")
                    .isFalse();
        });
    }

    @Test
    void an_occasion_whose_natural_date_is_a_saturday_starts_on_the_monday_after() {
        LocalDate saturday = today().with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        LocalDate monday = saturday.plusDays(2);

        f.run("lea", "craft", "occasion kickoff " + saturday);

        // kickoff asks on its start and two and five working days later
        assertThat(planned()).containsExactly(monday, monday.plusDays(2), monday.plusDays(7));
        onWorkingDaysOutside(planned(), saturday, saturday);
    }

    @Test
    void an_occasion_that_would_fall_in_a_break_moves_its_questions_past_it() {
        LocalDate monday = today().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        LocalDate breakFrom = monday.plusDays(1);
        LocalDate breakTo = monday.plusDays(3);
        f.run("lea", "craft", "skip " + breakFrom + ".." + breakTo);

        String reply = f.run("lea", "craft", "occasion review " + monday);

        // review asks on its start and two and four working days later: Fri and the Mon, Wed after the break
        LocalDate friday = monday.plusDays(4);
        assertThat(planned()).containsExactly(monday, friday.plusDays(3), friday.plusDays(5));
        onWorkingDaysOutside(planned(), breakFrom, breakTo);
        assertThat(reply).contains("three moments");
    }

    @Test
    void an_occasion_started_on_a_friday_for_tomorrow_begins_on_monday() {
        LocalDate friday = today().with(TemporalAdjusters.next(DayOfWeek.FRIDAY));
        f.clock.advance(Duration.between(today().atStartOfDay(AMSTERDAM), friday.atStartOfDay(AMSTERDAM)));

        f.run("lea", "craft", "occasion role");

        assertThat(planned().get(0)).isEqualTo(friday.plusDays(3));
        onWorkingDaysOutside(planned(), friday, friday);
    }

    @Test
    void an_occasion_inside_a_break_of_a_year_is_refused_in_the_guilds_language() {
        LocalDate monday = today().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        f.run("lea", "craft", "skip " + monday + ".." + monday.plusYears(2));

        assertThat(f.run("lea", "craft", "occasion close " + monday))
                .contains("no working day outside the guild's breaks");
        assertThat(planned()).isEmpty();
    }
}

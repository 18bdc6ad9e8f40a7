package org.shoptalk.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.shoptalk.core.testing.CoreFixture;

/**
 * A lead cannot add the same moment twice, nor (without saying so) two moments in one minute (issue 12). Now: Monday
 * 23 Nov 2026, 09:00 in Amsterdam.
 */
class SchedulesThatDoNotClashTest {
    private final CoreFixture f = CoreFixture.onH2();

    @AfterEach
    void close() {
        f.close();
    }

    private void craft() {
        f.run("lea", "craft", "guild create Craft lang en tz Europe/Amsterdam");
    }

    private long moments() {
        return f.count("SELECT COUNT(*) FROM schedule");
    }

    @Test
    void the_same_weekly_moment_typed_twice_is_refused_naming_the_one_it_repeats() {
        craft();
        f.run("lea", "craft", "schedule mon 10:25");

        assertThat(f.run("lea", "craft", "schedule mon 10:25"))
                .contains("Moment #1 already does this: Mon at 10:25, every week (Europe/Amsterdam)")
                .contains("Nothing was added");
        assertThat(moments()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"schedule mon 9.30", "SCHEDULE MON 09:30", "schedule Mondays 9:30"})
    void the_same_moment_written_another_way_is_a_duplicate(String again) {
        craft();
        f.run("lea", "craft", "schedule monday 9:30");

        assertThat(f.run("lea", "craft", again)).contains("Moment #1 already does this");
        assertThat(moments()).isEqualTo(1);
    }

    @Test
    void a_one_off_and_weekdays_in_the_same_minute_as_a_weekly_moment_are_refused_with_the_way_to_go_ahead() {
        craft();
        f.run("lea", "craft", "schedule mon 10:25");

        assertThat(f.run("lea", "craft", "schedule at 2026-11-23 10:25"))
                .contains("same minute as moment #1 (Mon at 10:25, every week (Europe/Amsterdam))")
                .contains("first on Mon, Nov 23, 2026, 10:25")
                .contains("Pick another minute")
                .contains("/shoptalk schedule at 2026-11-23 10:25 anyway");
        assertThat(f.run("lea", "craft", "schedule weekdays 10:25"))
                .contains("same minute as moment #1")
                .contains("/shoptalk schedule weekdays 10:25 anyway");
        assertThat(moments()).isEqualTo(1);

        assertThat(f.run("lea", "craft", "schedule weekdays 10:25 anyway")).contains("Reflection moment #2 planned");
        assertThat(f.run("lea", "craft", "schedule tue 10:26")).contains("Reflection moment #3 planned");
        assertThat(moments()).isEqualTo(3);
    }

    static Stream<Arguments> momentsLandingOnAnothersMinute() {
        return Stream.of(
                // another zone, the same minute: named in the guild's zone
                arguments(
                        "schedule mon 10:25",
                        "schedule mon 04:25 tz America/New_York",
                        "same minute as moment #1",
                        "Mon, Nov 23, 2026, 10:25 (Europe/Amsterdam)"),
                // a one-off on a later weekly moment's day: that day named
                arguments(
                        "schedule at 2026-12-02 14:00",
                        "schedule wed 14:00",
                        "same minute as moment #1 (December 2, 2026 at 14:00 (Europe/Amsterdam))",
                        "first on Wed, Dec 2, 2026, 14:00"));
    }

    @ParameterizedTest(name = "{1} after {0}")
    @MethodSource("momentsLandingOnAnothersMinute")
    void a_moment_landing_on_another_moments_minute_clashes_and_says_when(
            String first, String second, String clash, String when) {
        craft();
        f.run("lea", "craft", first);

        assertThat(f.run("lea", "craft", second)).contains(clash).contains(when);
    }

    @Test
    void moments_every_other_week_in_alternate_weeks_do_not_clash() {
        craft();
        f.run("lea", "craft", "schedule thu 11:00 every 2 weeks");
        f.clock.advance(Duration.ofDays(7));

        assertThat(f.run("lea", "craft", "schedule thu 11:00 every 2 weeks")).contains("Reflection moment #2 planned");
    }

    @Test
    void a_dutch_lead_goes_ahead_with_toch() {
        f.run("bram", "zorg", "guild create Zorg lang nl tz Europe/Amsterdam");
        f.run("bram", "zorg", "schedule ma 10:25");

        assertThat(f.run("bram", "zorg", "schedule ma 10:25")).contains("Moment #1 doet dit al");
        assertThat(f.run("bram", "zorg", "schedule at 2026-11-30 10:25"))
                .contains("dezelfde minuut als moment #1")
                .contains("/shoptalk schedule at 2026-11-30 10:25 toch");
        assertThat(f.run("bram", "zorg", "schedule at 2026-11-30 10:25 toch")).contains("#2");
    }

    /** Issue 12: series go through the same rule as single moments. Wednesday 25 Nov is the first Wednesday. */
    @Test
    void a_series_in_the_same_minute_as_a_moment_is_refused_until_the_lead_says_anyway_and_never_twice() {
        craft();
        f.run("lea", "craft", "schedule wed 11:00");

        assertThat(f.run("lea", "craft", "series dialogue 4 wed 11:00"))
                .contains("same minute as moment #1 (Wed at 11:00, every week (Europe/Amsterdam))")
                .contains("first on Wed, Nov 25, 2026, 11:00")
                .contains("/shoptalk series dialogue 4 wed 11:00 anyway");
        assertThat(moments()).isEqualTo(1);

        assertThat(f.run("lea", "craft", "series dialogue 4 wed 11:00 anyway")).contains("Series #2");
        assertThat(f.run("lea", "craft", "series dialogue 4 wed 11:00 anyway"))
                .contains("Moment #2 already does this")
                .contains("Nothing was added");
        assertThat(moments()).isEqualTo(2);
    }

    /** A series of two Thursdays (26 Nov, 3 Dec) is over by 10 Dec: a one-off then meets nothing. */
    @Test
    void a_series_clashes_only_with_the_moments_it_has_left() {
        craft();
        f.run("lea", "craft", "series explore 2 thu 12:00");

        assertThat(f.run("lea", "craft", "schedule at 2026-12-03 12:00"))
                .contains("same minute as moment #1")
                .contains("first on Thu, Dec 3, 2026, 12:00");
        assertThat(f.run("lea", "craft", "schedule at 2026-12-10 12:00")).contains("Reflection moment #2 planned");
    }

    /** Issue 12: occasion templates too; a refused step leaves none of the three stored. */
    @Test
    void an_occasion_whose_step_meets_a_moment_is_refused_whole_and_planned_with_anyway() {
        craft();
        f.run("lea", "craft", "schedule thu 09:30");

        assertThat(f.run("lea", "craft", "occasion kickoff 2026-12-01"))
                .contains("same minute as moment #1 (Thu at 09:30, every week (Europe/Amsterdam))")
                .contains("first on Thu, Dec 3, 2026, 09:30")
                .contains("/shoptalk occasion kickoff 2026-12-01 anyway");
        assertThat(moments()).isEqualTo(1);

        assertThat(f.run("lea", "craft", "occasion kickoff 2026-12-01 anyway")).contains("three moments");
        assertThat(moments()).isEqualTo(4);
        assertThat(f.run("lea", "craft", "occasion kickoff 2026-12-01 anyway"))
                .contains("Moment #2 already does this")
                .contains("Nothing was added");
        assertThat(moments()).isEqualTo(4);
    }

    @Test
    void a_dutch_guild_hears_the_clash_in_dutch_and_may_say_toch() {
        f.run("lea", "craft", "guild create Vak taal nl tijdzone Europe/Amsterdam");
        f.run("lea", "craft", "schedule wo 11:00");

        assertThat(f.run("lea", "craft", "series dialoog 3 wo 11:00"))
                .contains("Dit moment valt in dezelfde minuut als moment #1")
                .contains("/shoptalk series dialoog 3 wo 11:00 toch");
        assertThat(f.run("lea", "craft", "series dialoog 3 wo 11:00 toch")).contains("Reeks #2");
    }
}

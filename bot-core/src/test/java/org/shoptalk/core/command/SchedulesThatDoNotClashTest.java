package org.shoptalk.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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

    @Test
    void a_moment_in_another_zone_that_lands_on_the_same_minute_clashes() {
        craft();
        f.run("lea", "craft", "schedule mon 10:25");

        assertThat(f.run("lea", "craft", "schedule mon 04:25 tz America/New_York"))
                .contains("same minute as moment #1")
                .contains("Mon, Nov 23, 2026, 10:25 (Europe/Amsterdam)");
    }

    @Test
    void a_one_off_that_lands_on_a_later_weekly_moment_names_that_day() {
        craft();
        f.run("lea", "craft", "schedule at 2026-12-02 14:00");

        assertThat(f.run("lea", "craft", "schedule wed 14:00"))
                .contains("same minute as moment #1 (2026-12-02 at 14:00 (Europe/Amsterdam))")
                .contains("first on Wed, Dec 2, 2026, 14:00");
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
}

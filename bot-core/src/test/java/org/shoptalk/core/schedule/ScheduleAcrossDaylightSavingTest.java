package org.shoptalk.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.TestDatabases;

/** What a lead is told when a moment falls on a daylight-saving day, in the guild's own zone. */
class ScheduleAcrossDaylightSavingTest {

    @Test
    void amsterdam_moment_in_the_missing_hour_still_comes_that_sunday() {
        try (CoreFixture f = CoreFixture.on(TestDatabases.h2(), Instant.parse("2026-03-27T12:00:00Z"))) {
            f.run("lea", "craft", "guild create Craft tz Europe/Amsterdam");
            assertThat(f.run("lea", "craft", "schedule sun 02:30"))
                    .contains("Sun, Mar 29, 2026, 03:00")
                    .contains("Sun, Apr 5, 2026, 02:30");
        }
    }

    @Test
    void amsterdam_moment_in_the_repeated_hour_comes_once() {
        try (CoreFixture f = CoreFixture.on(TestDatabases.h2(), Instant.parse("2026-10-23T12:00:00Z"))) {
            f.run("lea", "craft", "guild create Craft tz Europe/Amsterdam");
            String reply = f.run("lea", "craft", "schedule daily 02:30");
            assertThat(reply).contains("Sun, Oct 25, 2026, 02:30").contains("Sat, Oct 24, 2026, 02:30");
            assertThat(reply.split("Oct 25, 2026", -1)).hasSize(2);
        }
    }

    @Test
    void new_york_guild_reads_its_times_in_new_york_across_both_changes() {
        try (CoreFixture f = CoreFixture.on(TestDatabases.h2(), Instant.parse("2026-03-06T12:00:00Z"))) {
            f.run("lea", "craft", "guild create Craft tz America/New_York");
            assertThat(f.run("lea", "craft", "schedule sun 02:15"))
                    .contains("Sun, Mar 8, 2026, 03:00")
                    .contains("Sun, Mar 15, 2026, 02:15")
                    .contains("(America/New_York)");
        }
        try (CoreFixture f = CoreFixture.on(TestDatabases.h2(), Instant.parse("2026-10-30T12:00:00Z"))) {
            f.run("lea", "craft", "guild create Craft tz America/New_York");
            String reply = f.run("lea", "craft", "schedule sun 01:30");
            assertThat(reply).contains("Sun, Nov 1, 2026, 01:30").contains("Sun, Nov 8, 2026, 01:30");
            assertThat(reply.split("Nov 1, 2026", -1)).hasSize(2);
        }
    }

    @Test
    void a_moment_in_another_zone_than_the_guild_is_shown_in_the_guild_zone() {
        try (CoreFixture f = CoreFixture.on(TestDatabases.h2(), CoreFixture.MONDAY_MORNING)) {
            f.run("lea", "craft", "guild create Craft tz Europe/Amsterdam");
            assertThat(f.run("lea", "craft", "schedule tue 09:00 tz America/New_York"))
                    .contains("Next: Tue, Nov 24, 2026, 15:00")
                    .endsWith("(Europe/Amsterdam).");
        }
    }
}

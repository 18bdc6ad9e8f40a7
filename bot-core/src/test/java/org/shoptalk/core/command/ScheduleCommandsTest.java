package org.shoptalk.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.testing.CoreFixture;

/** What a lead reads back after planning, pausing and skipping moments. Now: Monday 23 Nov 2026, 09:00 in Amsterdam. */
class ScheduleCommandsTest {
    private final CoreFixture f = CoreFixture.onH2();

    @BeforeEach
    void guild() {
        f.run("lea", "craft", "guild create Craft lang en tz Europe/Amsterdam");
        f.run("lea", "craft", "schedule mon 09:30");
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void a_pause_until_a_date_shows_until_then_and_is_gone_from_the_list_after_it() {
        f.run("lea", "craft", "pause 1 until 2026-11-30");
        assertThat(f.run("lea", "craft", "schedules"))
                .contains("[paused until November 30, 2026]")
                .contains("Mon, Nov 30, 2026, 09:30")
                .contains("/shoptalk resume 1");

        f.clock.advance(Duration.ofDays(10));

        assertThat(f.run("lea", "craft", "schedules"))
                .doesNotContain("paused")
                .contains("Mon, Dec 7, 2026, 09:30")
                .contains("/shoptalk pause 1");
    }

    @Test
    void a_paused_moment_has_no_next_time_until_resumed() {
        assertThat(f.run("lea", "craft", "pause 1")).contains("/shoptalk resume 1");
        assertThat(f.run("lea", "craft", "schedules")).contains("(Europe/Amsterdam) [paused] - next: none");

        assertThat(f.run("lea", "craft", "resume 1")).contains("Mon, Nov 23, 2026, 09:30");
        assertThat(f.run("lea", "craft", "schedules"))
                .doesNotContain("paused")
                .contains("#1 Mon at 09:30, every week (Europe/Amsterdam) - next: Mon, Nov 23, 2026, 09:30");
    }

    @Test
    void daily_and_weekday_moments_read_without_a_redundant_every_week() {
        f.run("lea", "craft", "schedule daily 07:45 anyway");
        f.run("lea", "craft", "schedule weekdays 12:15 anyway");
        f.run("lea", "craft", "schedule weekdays 16:00 every 2 weeks anyway");

        assertThat(f.run("lea", "craft", "schedules"))
                .contains("#2 every day at 07:45 (Europe/Amsterdam)")
                .contains("#3 weekdays at 12:15 (Europe/Amsterdam)")
                .contains("#4 weekdays at 16:00, every 2 weeks (Europe/Amsterdam)")
                .contains("#1 Mon at 09:30, every week (Europe/Amsterdam)");
    }

    @Test
    void a_break_moves_the_next_moment_past_it() {
        f.run("lea", "craft", "skip 2026-11-23..2026-12-06");

        assertThat(f.run("lea", "craft", "schedules"))
                .contains("next: Mon, Dec 7, 2026, 09:30")
                .contains("Breaks: November 23, 2026 – December 6, 2026");
    }

    @Test
    void a_moment_in_another_zone_is_answered_with_times_in_the_guilds_zone() {
        String reply = f.run("lea", "craft", "schedule mon 09:30 tz America/New_York");

        assertThat(reply)
                .contains("#2")
                .contains("America/New_York")
                .contains("Mon, Nov 23, 2026, 15:30")
                .contains("Mon, Nov 30, 2026, 15:30")
                .contains("Mon, Dec 7, 2026, 15:30")
                .contains("(Europe/Amsterdam)");
    }

    @Test
    void a_removed_moment_is_no_longer_coming_up_in_the_digest() {
        f.run("lea", "craft", "unschedule 1");

        f.run("lea", "craft", "digest");

        assertThat(f.chat.last().text()).contains("No reflection moments planned yet.");
        assertThat(f.run("lea", "craft", "schedules")).doesNotContain("#1");
    }
}

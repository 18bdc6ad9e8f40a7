package org.shoptalk.core.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.testing.CoreFixture;

/**
 * Planned moments and digests as the scheduler runs them, with time moved by hand: each happens once,
 * a late one within the grace period (6 h) still happens, a later one is skipped, and the next is planned.
 */
class PlannedTasksTest {
    /** Monday 23 Nov 2026 09:30 in Amsterdam. */
    private static final Instant MONDAY_0930 = Instant.parse("2026-11-23T08:30:00Z");
    /** Friday 27 Nov 2026 16:00 in Amsterdam. */
    private static final Instant FRIDAY_1600 = Instant.parse("2026-11-27T15:00:00Z");

    private final CoreFixture f = CoreFixture.onH2();

    @BeforeEach
    void guildWithAMondayMoment() {
        f.run("lea", "craft", "guild create Craft lang en tz Europe/Amsterdam");
        f.run("lea", "craft", "schedule mon 09:30");
        f.chat.clear();
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void a_moment_is_planned_for_its_next_time() {
        assertThat(plannedMillis("moment-1")).containsExactly(MONDAY_0930.toEpochMilli());
    }

    @Test
    void a_moment_that_fires_twice_is_posted_once_and_the_next_one_is_planned() {
        f.clock.set(MONDAY_0930);

        f.core().runTask(new Task.Moment(1), MONDAY_0930);
        f.core().runTask(new Task.Moment(1), MONDAY_0930);

        assertThat(f.chat.topLevel("craft")).hasSize(1);
        assertThat(plannedMillis("moment-1"))
                .contains(MONDAY_0930.plus(Duration.ofDays(7)).toEpochMilli());
    }

    @Test
    void a_moment_missed_by_less_than_the_grace_period_is_still_posted() {
        f.clock.set(MONDAY_0930.plus(Duration.ofHours(5)));

        f.core().runTask(new Task.Moment(1), MONDAY_0930);

        assertThat(f.chat.topLevel("craft")).hasSize(1);
    }

    @Test
    void a_moment_missed_by_more_than_the_grace_period_is_skipped_and_next_week_is_planned() {
        f.clock.set(MONDAY_0930.plus(Duration.ofHours(7)));

        f.core().runTask(new Task.Moment(1), MONDAY_0930);

        assertThat(f.chat.topLevel("craft")).isEmpty();
        assertThat(plannedMillis("moment-1"))
                .contains(MONDAY_0930.plus(Duration.ofDays(7)).toEpochMilli());
    }

    @Test
    void a_moment_paused_after_it_was_planned_is_not_posted() {
        f.run("lea", "craft", "pause 1");
        f.clock.set(MONDAY_0930);

        f.core().runTask(new Task.Moment(1), MONDAY_0930);

        assertThat(f.chat.topLevel("craft")).isEmpty();
    }

    @Test
    void a_moment_on_a_break_day_is_not_posted() {
        f.run("lea", "craft", "skip 2026-11-23..2026-11-24");
        f.clock.set(MONDAY_0930);

        f.core().runTask(new Task.Moment(1), MONDAY_0930);

        assertThat(f.chat.topLevel("craft")).isEmpty();
    }

    @Test
    void the_weekly_digest_is_planned_for_friday_and_posted_once_per_occurrence() {
        assertThat(plannedMillis("digest-1")).containsExactly(FRIDAY_1600.toEpochMilli());
        f.clock.set(FRIDAY_1600);

        f.core().runTask(new Task.Digest(1), FRIDAY_1600);
        f.core().runTask(new Task.Digest(1), FRIDAY_1600);

        assertThat(f.chat.topLevel("craft"))
                .singleElement()
                .satisfies(s -> assertThat(s.text()).contains("This week in Craft"));
        assertThat(plannedMillis("digest-1"))
                .contains(FRIDAY_1600.plus(Duration.ofDays(7)).toEpochMilli());
    }

    @Test
    void a_one_off_moment_is_posted_once_and_then_leaves_the_list() {
        assertThat(f.run("lea", "craft", "schedule at 2026-11-25 14:00")).contains("#2");
        Instant at = Instant.parse("2026-11-25T13:00:00Z");
        f.clock.set(at);

        f.core().runTask(new Task.Moment(2), at);

        assertThat(f.chat.topLevel("craft")).hasSize(1);
        assertThat(f.run("lea", "craft", "schedules")).doesNotContain("#2").contains("#1");
    }

    private List<Long> plannedMillis(String job) {
        return f.db.withHandle(h -> h.query(
                "SELECT NEXT_FIRE_TIME FROM QRTZ_TRIGGERS WHERE JOB_NAME = ? ORDER BY NEXT_FIRE_TIME",
                rs -> rs.getLong(1),
                job));
    }
}

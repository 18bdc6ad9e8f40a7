package org.shoptalk.core.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.shoptalk.core.CoreSettings;
import org.shoptalk.core.reminder.ReminderTiming;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.PlannedRuns;
import org.shoptalk.core.testing.TestDatabases;
import org.shoptalk.core.testing.Together;

/**
 * A round's reminder and connect check are written to an outbox as the round opens and planned on Quartz by a relay
 * half a minute later (issue 13: planning them as each moment fired was a fifth of a moment's work in a burst). These
 * are the promises that make that safe: every opened round gets its follow-ups, at the times it would have had,
 * whatever stops in between, and never twice.
 */
class RoundFollowUpsTest {
    private static final Duration CONNECT_AFTER = Duration.ofHours(2);

    @Test
    void a_rounds_reminder_and_connect_check_are_planned_by_the_relay_half_a_minute_after_it_opened() {
        try (CoreFixture f = CoreFixture.onH2()) {
            long round = momentIn(f, "craft");
            Instant openedAt = f.clock.instant();

            assertThat(PlannedRuns.planned(f, new Task.Reminder(round))).isEmpty();
            assertThat(PlannedRuns.planned(f, Task.FollowUps.RELAY))
                    .containsExactly(openedAt.plus(RoundFollowUps.RELAY_AFTER));

            PlannedRuns.relayFollowUps(f, openedAt.plus(RoundFollowUps.RELAY_AFTER));

            assertThat(PlannedRuns.planned(f, new Task.Reminder(round))).containsExactly(firstLook(openedAt));
            assertThat(PlannedRuns.planned(f, new Task.Connect(round))).containsExactly(openedAt.plus(CONNECT_AFTER));
            assertThat(waiting(f)).isZero();
        }
    }

    @Test
    void rounds_opened_together_are_relayed_by_one_run() {
        try (CoreFixture f = CoreFixture.onH2()) {
            List<Long> rounds = List.of(momentIn(f, "craft"), momentIn(f, "care"), momentIn(f, "code"));
            Instant openedAt = f.clock.instant();

            assertThat(PlannedRuns.planned(f, Task.FollowUps.RELAY)).hasSize(1);
            PlannedRuns.relayFollowUps(f, openedAt.plus(RoundFollowUps.RELAY_AFTER));

            for (long round : rounds) {
                assertThat(PlannedRuns.planned(f, new Task.Reminder(round))).hasSize(1);
                assertThat(PlannedRuns.planned(f, new Task.Connect(round))).hasSize(1);
            }
        }
    }

    /** The instance stopped after the round committed and before its relay run was planned (or ran): nothing lost. */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_round_whose_relay_run_was_lost_gets_its_follow_ups_at_the_next_repair(TestDatabases.Kind kind) {
        try (CoreFixture f = CoreFixture.on(TestDatabases.fresh(kind), CoreFixture.MONDAY_MORNING)) {
            long round = momentIn(f, "craft");
            Instant openedAt = f.clock.instant();
            f.db.useTransaction(h -> {
                h.update(
                        "DELETE FROM QRTZ_SIMPLE_TRIGGERS WHERE TRIGGER_NAME LIKE ?",
                        Task.FollowUps.RELAY.key() + "@%");
                h.update("DELETE FROM QRTZ_TRIGGERS WHERE JOB_NAME = ?", Task.FollowUps.RELAY.key());
                h.update("DELETE FROM QRTZ_JOB_DETAILS WHERE JOB_NAME = ?", Task.FollowUps.RELAY.key());
            });
            f.restart();
            f.clock.set(openedAt.plus(Duration.ofMinutes(5)));

            // What a start and each day's housekeeping do: plan what should be planned and is not.
            f.core().runTask(Task.Housekeeping.DAILY, f.clock.instant());
            PlannedRuns.relayFollowUps(f, f.clock.instant().plus(RoundFollowUps.RELAY_AFTER));

            assertThat(PlannedRuns.planned(f, new Task.Reminder(round))).containsExactly(firstLook(openedAt));
            assertThat(PlannedRuns.planned(f, new Task.Connect(round))).containsExactly(openedAt.plus(CONNECT_AFTER));
            assertThat(waiting(f)).isZero();
        }
    }

    /** Two instances' relay runs at the same moment (each plans its own): each follow-up is planned once. */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void two_relay_runs_at_once_plan_each_follow_up_once(TestDatabases.Kind kind) throws Exception {
        try (CoreFixture f = CoreFixture.on(TestDatabases.fresh(kind), CoreFixture.MONDAY_MORNING)) {
            List<Long> rounds = List.of(momentIn(f, "craft"), momentIn(f, "care"), momentIn(f, "code"));
            Instant at = f.clock.instant().plus(RoundFollowUps.RELAY_AFTER);
            f.clock.set(at);
            Together.run(
                    () -> f.core().runTask(Task.FollowUps.RELAY, at),
                    () -> f.core().runTask(Task.FollowUps.RELAY, at));

            for (long round : rounds) {
                assertThat(PlannedRuns.planned(f, new Task.Reminder(round))).hasSize(1);
                assertThat(PlannedRuns.planned(f, new Task.Connect(round))).hasSize(1);
            }
            assertThat(waiting(f)).isZero();
        }
    }

    /** A guild of its own in {@code channel}, with connect checks on, and a moment asked there now; its round id. */
    private static long momentIn(CoreFixture f, String channel) {
        f.run("lea", channel, "guild create " + channel + " lang en");
        assertThat(f.run("lea", channel, "connect on")).contains("on");
        assertThat(f.run("lea", channel, "connect after " + CONNECT_AFTER.toHours() + " hours"))
                .contains("2 hours");
        f.run("lea", channel, "moment");
        return f.latestRoundId();
    }

    private static Instant firstLook(Instant openedAt) {
        CoreSettings settings = CoreSettings.defaults();
        return ReminderTiming.firstLook(
                openedAt, openedAt.plus(settings.roundOpen()).minus(settings.reminderBeforeClose()));
    }

    private static long waiting(CoreFixture f) {
        return f.count("SELECT COUNT(*) FROM round_follow_up");
    }
}

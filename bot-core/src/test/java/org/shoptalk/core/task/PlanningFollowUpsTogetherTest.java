package org.shoptalk.core.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.testing.TestDatabases;
import org.shoptalk.core.testing.Together;

/**
 * A round's follow-ups (its reminder and connect check) go into Quartz together, in one transaction (issue 13), and
 * still land exactly once when one was planned before or when two instances plan the same ones at the same moment,
 * now that plans do not take Quartz's lock.
 */
class PlanningFollowUpsTogetherTest {
    // Never started, so nothing fires: any future instant serves.
    private final Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS);

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void both_follow_ups_are_planned_for_their_own_times(TestDatabases.Kind kind) {
        try (Database db = Database.start(TestDatabases.fresh(kind));
                TaskScheduler scheduler = new TaskScheduler(db, false, "solo", 2, Duration.ofHours(6))) {
            scheduler.planNew(followUps(7));

            assertThat(scheduler.nextPlanned(new Task.Reminder(7))).contains(tomorrow);
            assertThat(scheduler.nextPlanned(new Task.Connect(7))).contains(tomorrow.plus(Duration.ofHours(2)));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void one_planned_before_does_not_stop_the_other_from_being_planned(TestDatabases.Kind kind) {
        try (Database db = Database.start(TestDatabases.fresh(kind));
                TaskScheduler scheduler = new TaskScheduler(db, false, "solo", 2, Duration.ofHours(6))) {
            scheduler.plan(new Task.Reminder(7), tomorrow);

            scheduler.planNew(followUps(7));

            assertThat(triggers(db, "reminder-7")).isEqualTo(1);
            assertThat(triggers(db, "connect-7")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void two_instances_planning_the_same_follow_ups_at_once_plan_each_once(TestDatabases.Kind kind) throws Exception {
        int rounds = 20;
        try (Database db = Database.start(TestDatabases.fresh(kind));
                TaskScheduler one = new TaskScheduler(db, true, "one", 2, Duration.ofHours(6));
                TaskScheduler two = new TaskScheduler(db, true, "two", 2, Duration.ofHours(6))) {
            for (int round = 1; round <= rounds; round++) {
                Map<Task, Instant> same = followUps(round);
                Together.run(() -> one.planNew(same), () -> two.planNew(same));
            }

            for (int round = 1; round <= rounds; round++) {
                assertThat(triggers(db, "reminder-" + round))
                        .as("reminder-" + round)
                        .isEqualTo(1);
                assertThat(triggers(db, "connect-" + round))
                        .as("connect-" + round)
                        .isEqualTo(1);
            }
        }
    }

    /**
     * A lead moves the digest (cancel, then plan) while the digest's run plans its next week on another instance:
     * Quartz's delete of the job met the new trigger on its foreign key and the lead was told "try again" (found by
     * the Friday 16:00 CI run). The cancel never fails, and afterwards nothing older than the cancel is left.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void cancelling_while_another_instance_plans_the_same_task_never_fails(TestDatabases.Kind kind) throws Exception {
        int rounds = 30;
        try (Database db = Database.start(TestDatabases.fresh(kind));
                TaskScheduler one = new TaskScheduler(db, true, "one", 2, Duration.ofHours(6));
                TaskScheduler two = new TaskScheduler(db, true, "two", 2, Duration.ofHours(6))) {
            for (int round = 1; round <= rounds; round++) {
                Task digest = new Task.Digest(round);
                one.plan(digest, tomorrow);
                Instant nextWeek = tomorrow.plus(Duration.ofDays(7));
                Together.run(() -> one.plan(digest, nextWeek), () -> two.cancel(digest));
                assertThat(one.nextPlanned(digest).orElse(nextWeek))
                        .as("digest-" + round + ": what was planned before the cancel is gone")
                        .isEqualTo(nextWeek);
            }
        }
    }

    private Map<Task, Instant> followUps(long round) {
        Map<Task, Instant> followUps = new LinkedHashMap<>();
        followUps.put(new Task.Reminder(round), tomorrow);
        followUps.put(new Task.Connect(round), tomorrow.plus(Duration.ofHours(2)));
        return followUps;
    }

    private static long triggers(Database db, String job) {
        return db.withHandle(h -> h.count("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE JOB_NAME = ?", job));
    }
}

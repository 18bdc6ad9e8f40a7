package org.shoptalk.core.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.testing.TestDatabases;

/**
 * Stopping the scheduler while Quartz is busy on the database leaves the database open. Quartz interrupts its own
 * threads as it shuts down, and an interrupt that landed in H2's file I/O closed the file and with it the whole
 * database (error 90098) under everyone else: a core restarted in the same process failed to start. With the database
 * closed, the stop itself could hang too: the scheduler thread retried giving back its triggers while the stop waited
 * for it.
 */
class StoppingTheSchedulerTest {
    private static final int CYCLES = 15;
    private static final int DUE = 40;

    @Test
    void stopping_right_after_start_with_work_due_leaves_an_h2_file_database_open() throws Exception {
        try (Database db = Database.start(TestDatabases.h2())) {
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                TaskScheduler scheduler = new TaskScheduler(db, false, "solo", 2, Duration.ofHours(6));
                // Due already: at start the scheduler thread acquires and fires at once and the misfire handler makes
                // its first pass, so both are on the database when the stop comes.
                Instant due = Instant.now().minusSeconds(1);
                for (int task = 1; task <= DUE; task++) {
                    scheduler.plan(new Task.Reminder((long) cycle * 1000 + task), due);
                }
                scheduler.start(new TaskRuns((task, run) -> Outcome.DONE, scheduler, Clock.systemUTC()));

                assertThat(hangOf(scheduler))
                        .as("threads when stop " + cycle + " did not end")
                        .isEmpty();
                assertThat(answers(db))
                        .as("the database answers after stop " + cycle)
                        .isTrue();
            }
        }
    }

    /** Empty when the stop ends; else where every thread of the JVM stood, to find the hang by. */
    private static String hangOf(TaskScheduler scheduler) throws InterruptedException, ExecutionException {
        CompletableFuture<Void> stop = CompletableFuture.runAsync(() -> scheduler.stop(true));
        try {
            // Far beyond a stop's drain limit (StopSafeJobStore.DRAIN_LIMIT): only a hang, never a busy machine, fails
            // it.
            stop.get(60, TimeUnit.SECONDS);
            return "";
        } catch (TimeoutException hung) {
            StringBuilder dump = new StringBuilder();
            Thread.getAllStackTraces().forEach((thread, stack) -> {
                dump.append('\n').append(thread.getName()).append(' ').append(thread.getState());
                for (StackTraceElement frame : stack) {
                    dump.append("\n\tat ").append(frame);
                }
            });
            return dump.toString();
        }
    }

    private static boolean answers(Database db) {
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM QRTZ_TRIGGERS")) {
            return rs.next();
        } catch (SQLException closed) {
            return false;
        }
    }
}

package org.shoptalk.core.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.DbSettings;
import org.shoptalk.core.testing.TestDatabases;

/**
 * Work that plans while it holds a connection (a command's transaction planning a moment) never waits for a
 * connection that work holds: with every pooled connection held, planning used to wait the connection timeout and fail.
 */
class PlanningInsideATransactionTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void work_holding_every_pooled_connection_can_still_plan(TestDatabases.Kind kind) {
        DbSettings fresh = TestDatabases.fresh(kind);
        DbSettings twoConnections = new DbSettings(fresh.url(), fresh.user(), fresh.password(), 2);
        // Never started, so nothing fires: any future instant serves.
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS);
        try (Database db = Database.start(twoConnections);
                TaskScheduler scheduler = new TaskScheduler(db, false, "solo", 2, Duration.ofHours(6))) {
            Task moment = new Task.Moment(1);

            db.withHandle(otherWork -> {
                otherWork.count("SELECT COUNT(*) FROM guild");
                db.useTransaction(h -> {
                    h.count("SELECT COUNT(*) FROM guild");
                    scheduler.plan(moment, tomorrow);
                });
                return null;
            });

            assertThat(scheduler.isPlanned(moment)).isTrue();
        }
    }
}

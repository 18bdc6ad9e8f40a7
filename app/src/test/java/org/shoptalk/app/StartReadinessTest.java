package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class StartReadinessTest {
    private final AtomicBoolean databaseUp = new AtomicBoolean(true);
    private final AtomicBoolean schedulerRunning = new AtomicBoolean(true);
    private final StartReadiness readiness = new StartReadiness(databaseUp::get, schedulerRunning::get);

    @Test
    void not_ready_while_starting_even_when_database_and_scheduler_already_answer() {
        assertThat(readiness.problem()).contains("starting");

        readiness.markStarted();

        assertThat(readiness.problem()).isEmpty();
    }

    @Test
    void once_started_a_database_away_or_a_stopped_scheduler_makes_it_not_ready() {
        readiness.markStarted();

        schedulerRunning.set(false);
        assertThat(readiness.problem()).contains("scheduler not started");
        databaseUp.set(false);
        assertThat(readiness.problem()).contains("database unreachable");
        databaseUp.set(true);
        schedulerRunning.set(true);
        assertThat(readiness.problem()).isEqualTo(Optional.empty());
    }
}

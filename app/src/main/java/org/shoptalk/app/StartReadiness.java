package org.shoptalk.app;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * /readyz for the running app: not ready while it is still starting (the HTTP server listens before core's scheduler
 * and the adapters have finished starting beside it, issue 13), then not ready while the database is unreachable or
 * the scheduler is not running. Thread-safe.
 */
final class StartReadiness implements Readiness {
    private final AtomicBoolean started = new AtomicBoolean();
    private final BooleanSupplier databaseReachable;
    private final BooleanSupplier schedulerStarted;

    /**
     * @param databaseReachable answers within about the database's connection timeout (1 s by default) plus a second
     * @param schedulerStarted whether core's Quartz scheduler is running
     */
    StartReadiness(BooleanSupplier databaseReachable, BooleanSupplier schedulerStarted) {
        this.databaseReachable = databaseReachable;
        this.schedulerStarted = schedulerStarted;
    }

    /** Everything is started: migrations applied, core and its scheduler, the adapters, the HTTP server. */
    void markStarted() {
        started.set(true);
    }

    @Override
    public Optional<String> problem() {
        if (!started.get()) {
            return Optional.of("starting");
        }
        if (!databaseReachable.getAsBoolean()) {
            return Optional.of("database unreachable");
        }
        return schedulerStarted.getAsBoolean() ? Optional.empty() : Optional.of("scheduler not started");
    }
}

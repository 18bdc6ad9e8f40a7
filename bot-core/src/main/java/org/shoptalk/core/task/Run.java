package org.shoptalk.core.task;

import java.time.Instant;

/**
 * One run of a planned task.
 *
 * @param occurrence the instant the task was planned for, not when it fired; retries keep it, so their work
 *                   is recognised as the same occurrence's (dedupe keys, claims)
 * @param attempt    0 for the first run, then 1, 2... for retries after failures
 * @param takeOver   whether work an earlier run of this occurrence claimed and never finished is this run's to
 *                   finish: true when the instance running it died (Quartz recovery) and for every retry, which
 *                   only starts after the earlier run ended
 */
public record Run(Instant occurrence, int attempt, boolean takeOver) {

    /** The first, ordinary run of an occurrence. */
    public static Run first(Instant occurrence) {
        return new Run(occurrence, 0, false);
    }

    /** The run Quartz starts when the instance that was running this occurrence died. */
    public static Run recovery(Instant occurrence) {
        return new Run(occurrence, 0, true);
    }

    public boolean isRetry() {
        return attempt > 0 || takeOver;
    }
}

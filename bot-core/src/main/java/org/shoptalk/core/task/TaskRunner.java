package org.shoptalk.core.task;

import java.time.Instant;

/** Runs a task that came due, and says how the run ended. */
public interface TaskRunner {

    /**
     * Runs one occurrence of the task. A runner plans the task's next occurrence (if it has one) whatever happens
     * to this one, so a failed run never stops a schedule. An exception counts as {@link Outcome.Retry}.
     */
    Outcome run(Task task, Run run);

    /**
     * The last attempt failed too: what is left of this occurrence is recorded as failed, and whoever must know
     * (the guild's leads) is told. By default only the log knows.
     */
    default void giveUp(Task task, Instant occurrence, String reason) {}
}

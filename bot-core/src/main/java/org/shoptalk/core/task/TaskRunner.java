package org.shoptalk.core.task;

import java.time.Instant;

/** Runs a task that came due. {@code occurrence} is the instant it was planned for, not when it fired. */
@FunctionalInterface
public interface TaskRunner {
    void run(Task task, Instant occurrence);
}

package org.shoptalk.core.task;

import java.time.Instant;

/** Runs a task that came due. {@code occurrence} is the instant it was planned for, not when it fired. */
@FunctionalInterface
public interface TaskRunner {
    void run(Task task, Instant occurrence);

    /**
     * Runs the task again because the instance that was running it died (Quartz recovery, in a cluster on
     * another instance, alone at the next start). Whatever that run had claimed is nobody's now; runners
     * that claim work override this to take it over. By default the task simply runs again.
     */
    default void recover(Task task, Instant occurrence) {
        run(task, occurrence);
    }
}

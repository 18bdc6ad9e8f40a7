package org.shoptalk.core.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens after a run: a wait is planned again when the platform allows, a failure is retried with backoff
 * where that is safe, and the last failure is handed to the runner to record and report. Every path ends with the
 * task's future planned: runners plan their next occurrence themselves, whatever happens to the current one.
 * Built after everything the runner dispatches to, and handed to {@link TaskScheduler#start(TaskRuns)}, so the
 * scheduler that plans and the runs that fire need not refer to each other while core is assembled. Thread-safe.
 */
public final class TaskRuns {
    private static final Logger LOG = LoggerFactory.getLogger(TaskRuns.class);
    /** Pauses before the second, third and fourth attempt. */
    static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15));
    /** How long after its planned time an occurrence may still be waiting for a platform's rate limit. */
    static final Duration LONGEST_WAIT = Duration.ofHours(6);

    private final TaskRunner runner;
    private final TaskScheduler scheduler;
    private final Clock clock;

    public TaskRuns(TaskRunner runner, TaskScheduler scheduler, Clock clock) {
        this.runner = runner;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * Runs the task once and plans what its outcome asks for: what Quartz does at the planned time, and what tools and
     * tests call on the calling thread to move time by hand (waits and retries planned, the last failure reported).
     */
    public void fire(Task task, Run run) {
        Outcome outcome = runOnce(task, run);
        Instant now = clock.instant();
        Runnable next = switch (outcome.kind()) {
            case DONE -> () -> {};
            case WAIT -> () -> waitFor(task, run, outcome.notBefore(), now);
            case RETRY -> () -> retry(task, run, outcome.reason(), now);
        };
        next.run();
    }

    private Outcome runOnce(Task task, Run run) {
        try {
            return runner.run(task, run);
        } catch (RuntimeException e) {
            LOG.error("task {} planned for {} failed (attempt {})", task.key(), run.occurrence(), run.attempt() + 1, e);
            return Outcome.retry(e.getClass().getSimpleName());
        }
    }

    private void waitFor(Task task, Run run, Instant notBefore, Instant now) {
        if (Duration.between(run.occurrence(), notBefore).compareTo(LONGEST_WAIT) > 0) {
            giveUp(task, run, "rate limited for more than " + LONGEST_WAIT.toHours() + " hours");
            return;
        }
        Instant at = notBefore.isAfter(now) ? notBefore : now;
        LOG.info("task {} planned for {} waits for a platform's rate limit until {}", task.key(), run.occurrence(), at);
        scheduler.plan(task, new Run(run.occurrence(), run.attempt(), true), at);
    }

    private void retry(Task task, Run run, String reason, Instant now) {
        if (!retrySafe(task.kind()) || run.attempt() >= BACKOFF.size()) {
            giveUp(task, run, reason);
            return;
        }
        Instant at = now.plus(BACKOFF.get(run.attempt()));
        LOG.warn("task {} planned for {} tried again at {} ({})", task.key(), run.occurrence(), at, reason);
        scheduler.plan(task, new Run(run.occurrence(), run.attempt() + 1, true), at);
    }

    private void giveUp(Task task, Run run, String reason) {
        LOG.error(
                "task {} planned for {} given up after {} attempt(s): {}",
                task.key(),
                run.occurrence(),
                run.attempt() + 1,
                reason);
        try {
            runner.giveUp(task, run.occurrence(), reason);
        } catch (RuntimeException e) {
            LOG.error("could not record the failure of task {} planned for {}", task.key(), run.occurrence(), e);
        }
    }

    /**
     * Whether running an occurrence again can never do its work twice. Rounds and digests claim each channel
     * before posting, so a retry posts only where nothing landed; reminders, pairings and check-ins record their work
     * before sending it, so a retry would find nothing left and is pointless; a connect check is planned again
     * by its own rule; housekeeping runs again tomorrow. An intervisie phase changes under its row lock and marks
     * its opening line only once it landed, so a retry only posts the line that is missing. The follow-up relay removes
     * a round from its outbox only once its follow-ups are planned, and planning one again is harmless.
     */
    static boolean retrySafe(Task.Kind kind) {
        return switch (kind) {
            case MOMENT, DIGEST, REVIEW, INTERVISIE, POSTS, FOLLOW_UPS -> true;
            case REMINDER, CONNECT, PAIRS, HOUSEKEEPING, CHECKIN -> false;
        };
    }
}

package org.shoptalk.core.task;

import java.time.Instant;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one Quartz job: reads which task and occurrence it carries and hands it to core. */
final class DispatchJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(DispatchJob.class);
    static final String KIND = "kind";
    static final String ID = "id";
    static final String OCCURRENCE = "occurrence";
    static final String ATTEMPT = "attempt";
    static final String TAKE_OVER = "takeOver";
    /**
     * The longest a run waits for its instant when Quartz fired it early, in milliseconds: far above Quartz's 2 ms, so
     * that it never cuts that wait short; a gap beyond it can only be the system clock set back.
     */
    static final long LONGEST_EARLY_WAIT_MILLIS = 100;

    private final TaskRuns runs;

    DispatchJob(TaskRuns runs) {
        this.runs = runs;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        JobDataMap data = context.getMergedJobDataMap();
        Task task = Task.of(Task.Kind.parse(data.getString(KIND)), Long.parseLong(data.getString(ID)));
        // The planned instant travels with the trigger: after a misfire Quartz rewrites the fire time.
        Instant occurrence = Instant.parse(data.getString(OCCURRENCE));
        // Triggers planned before retries existed carry neither field: a first run.
        int attempt = data.containsKey(ATTEMPT) ? Integer.parseInt(data.getString(ATTEMPT)) : 0;
        boolean takeOver = Boolean.parseBoolean(data.getString(TAKE_OVER)) || context.isRecovering();
        waitUntilDue(context.getScheduledFireTime().toInstant());
        if (context.isRecovering()) {
            LOG.info("task {} planned for {} runs again: the instance running it stopped", task.key(), occurrence);
        }
        try {
            runs.fire(task, new Run(occurrence, attempt, takeOver));
        } catch (RuntimeException e) {
            // Only planning what follows can fail here (the database is away): Quartz logs it and moves on.
            throw new JobExecutionException(e, false);
        }
    }

    /**
     * Quartz fires a trigger once it is due within 2 ms ({@code QuartzSchedulerThread#run}: it stops waiting when
     * fewer are left). A run that starts before its instant reads a clock earlier than the time it
     * was planned for, finds what it planned for not due yet (a rate limit's end, a person's reminder time) and plans
     * the same instant again, under the name of the trigger that is firing: Quartz takes that for planned already and
     * the run is lost. So those milliseconds are waited out first; after a gap longer than
     * {@value #LONGEST_EARLY_WAIT_MILLIS} ms (the system clock set back) the run goes ahead.
     */
    private static void waitUntilDue(Instant due) {
        long early = due.toEpochMilli() - System.currentTimeMillis();
        if (early > 0 && early <= LONGEST_EARLY_WAIT_MILLIS) {
            try {
                // One more than the gap: the runners' clocks read microseconds, this one milliseconds.
                Thread.sleep(early + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

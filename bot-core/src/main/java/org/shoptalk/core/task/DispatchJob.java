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
}

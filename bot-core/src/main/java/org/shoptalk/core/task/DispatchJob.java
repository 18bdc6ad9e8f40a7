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

    private final TaskRunner runner;

    DispatchJob(TaskRunner runner) {
        this.runner = runner;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        JobDataMap data = context.getMergedJobDataMap();
        Task task = Task.of(data.getString(KIND), Long.parseLong(data.getString(ID)));
        // The planned instant travels with the trigger: after a misfire Quartz rewrites the fire time.
        Instant occurrence = Instant.parse(data.getString(OCCURRENCE));
        try {
            if (context.isRecovering()) {
                LOG.info("task {} planned for {} runs again: the instance running it stopped", task.key(), occurrence);
                runner.recover(task, occurrence);
            } else {
                runner.run(task, occurrence);
            }
        } catch (RuntimeException e) {
            LOG.error("task {} planned for {} failed", task.key(), occurrence, e);
            throw new JobExecutionException(e, false);
        }
    }
}

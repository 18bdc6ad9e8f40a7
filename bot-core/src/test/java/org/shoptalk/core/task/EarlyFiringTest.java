package org.shoptalk.core.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.TriggerBuilder;
import org.quartz.impl.JobExecutionContextImpl;
import org.quartz.spi.OperableTrigger;
import org.quartz.spi.TriggerFiredBundle;

/**
 * Quartz hands a trigger to its job once it is due within 2 ms ({@code QuartzSchedulerThread}), and measured here it
 * did start one run of 200 before its instant. A run that starts early reads a clock before the time it was planned
 * for: a wait for a rate limit that ends at that time then planned itself again under the name of the trigger still
 * firing, and was lost. The job waits those milliseconds out.
 */
class EarlyFiringTest {

    @Test
    void a_trigger_handed_over_before_its_instant_runs_its_task_no_earlier_than_that_instant() throws Exception {
        AtomicReference<Instant> startedAt = new AtomicReference<>();
        TaskRuns runs = new TaskRuns(
                (task, run) -> {
                    startedAt.set(Instant.now());
                    return Outcome.DONE;
                },
                null,
                Clock.systemUTC());
        DispatchJob job = new DispatchJob(runs);
        // Once on time first, so that loading classes cannot use up the early milliseconds below.
        job.execute(firedEarly(Instant.now().minusSeconds(1), job));
        // Earlier than Quartz ever fires, so that building the hand-over cannot use the time up either.
        Instant due = Instant.ofEpochMilli(System.currentTimeMillis() + 50);

        job.execute(firedEarly(due, job));

        assertThat(startedAt.get()).isAfterOrEqualTo(due);
    }

    /** What Quartz hands its job: a trigger due at {@code due}, fired now. Quartz's API speaks {@link Date}. */
    @SuppressWarnings("JavaUtilDate")
    private static JobExecutionContextImpl firedEarly(Instant due, DispatchJob job) {
        JobDetail detail = JobBuilder.newJob(DispatchJob.class)
                .withIdentity("reminder-7", "shoptalk")
                .usingJobData(DispatchJob.KIND, Task.Kind.REMINDER.key())
                .usingJobData(DispatchJob.ID, "7")
                .build();
        OperableTrigger trigger = (OperableTrigger) TriggerBuilder.newTrigger()
                .withIdentity("reminder-7@" + due.toEpochMilli(), "shoptalk")
                .forJob(detail)
                .usingJobData(DispatchJob.OCCURRENCE, due.toString())
                .startAt(Date.from(due))
                .build();
        Date now = new Date();
        TriggerFiredBundle bundle =
                new TriggerFiredBundle(detail, trigger, null, false, now, Date.from(due), null, null);
        return new JobExecutionContextImpl(null, bundle, job);
    }
}

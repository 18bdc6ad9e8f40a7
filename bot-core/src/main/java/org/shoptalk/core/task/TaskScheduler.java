package org.shoptalk.core.task;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.JobPersistenceException;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.migration.V2__quartz_tables;

/**
 * Quartz on the application's own database (JDBC job store), so plans survive restarts and a cluster
 * shares them. Every task is a job with one-shot triggers, one per planned occurrence: core
 * computes each next occurrence itself (daylight saving, every N weeks, holidays, pauses), which cron
 * triggers cannot express, and Quartz only keeps the time and fires it once across the cluster.
 * Jobs are not durable: Quartz deletes a job with its last trigger, so a one-off moment leaves no rows behind
 * (issue 13 found 40,000 job rows after 10,000 one-off moments); a recurring task plans its next occurrence while
 * the current one runs, so its job lives on. Thread-safe.
 */
public final class TaskScheduler implements AutoCloseable {
    private static final String GROUP = "shoptalk";

    private final Scheduler scheduler;

    /** How often {@link #plan} tries again when the job it plans for is removed under it by its last trigger. */
    private static final int PLAN_ATTEMPTS = 3;

    /**
     * Plans on the database at once; nothing fires before {@link #start(TaskRuns)}.
     *
     * @param threads tasks run at once (Quartz worker threads); each holds a database connection while it runs, so
     *                keep it below the pool size
     * @param misfireThreshold how late a trigger may be and still be fired in Quartz's ordinary batches (at least a
     *                         minute); later ones go through Quartz's misfire pass, 20 at a time. Core decides on
     *                         its own whether a late occurrence still runs (the missed-moment grace, from the
     *                         occurrence in the trigger's data), so this only decides how fast late ones are reached:
     *                         pass the grace, so a burst that falls behind is caught up in batches, not 20 at a time
     */
    public TaskScheduler(Database db, boolean clustered, String instanceId, int threads, Duration misfireThreshold) {
        // Quartz looks data sources and schedulers up by name in JVM-wide registries; unique names let
        // several instances live in one JVM (tests, the cluster test) while sharing one scheduler name in the tables.
        String dataSourceName = "shoptalk-" + UUID.randomUUID();
        // Its own connections: planning happens inside transactions that hold one of the main pool's
        // (Database#sidePool).
        // Worker threads completing a job, the acquisition, the misfire handler and the cluster check-in take one each.
        DataSource quartzPool = db.sidePool("shoptalk-quartz", threads + 3);
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new PooledProvider(quartzPool));
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", V2__quartz_tables.SCHEDULER_NAME);
        p.setProperty("org.quartz.scheduler.instanceId", instanceId);
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", String.valueOf(threads));
        // JobStoreTX that keeps Quartz's shutdown interrupts away from its database work (they closed H2 files)
        p.setProperty("org.quartz.jobStore.class", StopSafeJobStore.class.getName());
        p.setProperty("org.quartz.jobStore.driverDelegateClass", db.dialect().quartzDelegate());
        p.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.jobStore.isClustered", String.valueOf(clustered));
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
        p.setProperty(
                "org.quartz.jobStore.misfireThreshold",
                String.valueOf(Math.max(Duration.ofMinutes(1).toMillis(), misfireThreshold.toMillis())));
        // Batch acquisition: one transaction takes up to a thread's worth of due triggers instead of one (issue 13:
        // 10,000 moments due in one minute were acquired one per transaction). No fire-ahead window: a batch holds
        // only triggers already due or due at the first one's instant, so nothing runs before its time.
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", String.valueOf(threads));
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionFireAheadTimeWindow", "0");
        // Planning does not take the lock that acquisition, firing and completion share (issue 13: each moment fired
        // plans its follow-ups, and with the lock every plan queued behind them and held it through its commit).
        // Exactly once comes from acquisition, which still moves a trigger from waiting to acquired under the lock;
        // an insert is seen by it once committed. Two instances inserting the same job meet the primary key, which
        // plan() treats as "planned already". Quartz's JobStoreSupport#setLockOnInsert: true is "safest" for
        // databases that deadlock on concurrent inserts (it names SQL Server); H2 and PostgreSQL lock rows.
        p.setProperty("org.quartz.jobStore.lockOnInsert", "false");
        try {
            StdSchedulerFactory factory = new StdSchedulerFactory(p);
            scheduler = factory.getScheduler();
            SchedulerRepository.getInstance().remove(V2__quartz_tables.SCHEDULER_NAME);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not create the Quartz scheduler", e);
        }
    }

    /** Starts firing: each planned occurrence, when due, goes to {@code runs}. */
    public void start(TaskRuns runs) {
        try {
            scheduler.setJobFactory((bundle, s) -> new DispatchJob(runs));
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not start the Quartz scheduler", e);
        }
    }

    public boolean isStarted() {
        try {
            return scheduler.isStarted() && !scheduler.isShutdown() && !scheduler.isInStandbyMode();
        } catch (SchedulerException e) {
            return false;
        }
    }

    /** Plans the task for this occurrence. Planning the same occurrence twice is harmless. */
    public void plan(Task task, Instant occurrence) {
        plan(task, Run.first(occurrence), occurrence);
    }

    /**
     * Plans the first occurrence of several tasks that have nothing planned yet, in one database transaction: what
     * follows a round's opening (its reminder, its connect check) is planned for every moment fired, and one
     * transaction instead of one per task matters when many moments fire at once (issue 13). A task that has a job
     * already (planned before, or by another instance) makes Quartz refuse the whole batch before it writes
     * anything; then each is planned on its own, which is harmless for those planned before.
     *
     * @param occurrences each task's first occurrence; an empty map plans nothing
     */
    public void planNew(Map<Task, Instant> occurrences) {
        if (occurrences.size() < 2) {
            occurrences.forEach(this::plan);
            return;
        }
        Map<JobDetail, Set<? extends Trigger>> batch = new LinkedHashMap<>();
        occurrences.forEach((task, at) -> {
            JobKey jobKey = JobKey.jobKey(task.key(), GROUP);
            batch.put(job(task, jobKey), Set.of(trigger(task, jobKey, Run.first(at), at)));
        });
        try {
            scheduler.scheduleJobs(batch, false);
        } catch (JobPersistenceException planned) {
            // Planned before (Quartz's ObjectAlreadyExistsException), or by another thread or instance at the same
            // time: its insert met ours on the primary key, and nothing of this batch was written.
            occurrences.forEach(this::plan);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not plan " + occurrences.keySet(), e);
        }
    }

    /** Plans a run of the task at {@code at}; a retry or a wait carries its occurrence and attempt along. */
    void plan(Task task, Run run, Instant at) {
        JobKey jobKey = JobKey.jobKey(task.key(), GROUP);
        Trigger trigger = trigger(task, jobKey, run, at);
        // The job and its trigger go in together first, without asking whether the job exists (a transaction of
        // its own for each plan, issue 13); when the job is there already, Quartz says so before writing anything
        // and the trigger goes in on its own.
        JobDetail job = job(task, jobKey);
        for (int attempt = 1; ; attempt++) {
            try {
                try {
                    scheduler.scheduleJob(job, trigger);
                } catch (ObjectAlreadyExistsException jobExists) {
                    scheduler.scheduleJob(trigger);
                }
                return;
            } catch (ObjectAlreadyExistsException raced) {
                // The same occurrence planned before (harmless), or another thread or instance added the job first.
                if (exists(trigger.getKey()) || attempt >= PLAN_ATTEMPTS) {
                    return;
                }
            } catch (JobPersistenceException vanished) {
                // The job's last trigger completed between the two inserts, taking the job with it; or another thread
                // or instance inserted the same job at the same moment (plans do not take Quartz's lock): try again.
                if (attempt >= PLAN_ATTEMPTS) {
                    throw new IllegalStateException("could not plan " + task.key(), vanished);
                }
            } catch (SchedulerException e) {
                throw new IllegalStateException("could not plan " + task.key(), e);
            }
        }
    }

    private static Trigger trigger(Task task, JobKey jobKey, Run run, Instant at) {
        Instant due = wholeMilliAtOrAfter(at);
        return TriggerBuilder.newTrigger()
                .withIdentity(TriggerKey.triggerKey(triggerName(task, run, at, due), GROUP))
                .forJob(jobKey)
                .usingJobData(DispatchJob.OCCURRENCE, run.occurrence().toString())
                .usingJobData(DispatchJob.ATTEMPT, String.valueOf(run.attempt()))
                .usingJobData(DispatchJob.TAKE_OVER, String.valueOf(run.takeOver()))
                .startAt(Date.from(due))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
    }

    private static JobDetail job(Task task, JobKey key) {
        return JobBuilder.newJob(DispatchJob.class)
                .withIdentity(key)
                .usingJobData(DispatchJob.KIND, task.kind().key())
                .usingJobData(DispatchJob.ID, String.valueOf(task.id()))
                .requestRecovery()
                .build();
    }

    private boolean exists(TriggerKey key) {
        try {
            return scheduler.checkExists(key);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not read the plan of " + key.getName(), e);
        }
    }

    /** "moment-3@1700000000000", and for a later run of that occurrence "...#2@1700000300000". */
    private static String triggerName(Task task, Run run, Instant at, Instant due) {
        String name = task.key() + "@" + run.occurrence().toEpochMilli();
        return at.equals(run.occurrence()) && !run.isRetry()
                ? name
                : name + "#" + run.attempt() + "@" + due.toEpochMilli();
    }

    /**
     * The first whole millisecond at or after {@code at}: Quartz keeps fire times in milliseconds, and cutting the
     * rest off would fire a run before the instant it was planned for. Such a run finds what it waits for (a rate
     * limit held until that instant) still there and plans its next run for the same instant, under the name of the
     * trigger that is firing, whose row stays until the run ends: Quartz takes it for planned already, and the run
     * is lost, with the posts it waited to make.
     */
    private static Instant wholeMilliAtOrAfter(Instant at) {
        Instant whole = at.truncatedTo(ChronoUnit.MILLIS);
        return whole.equals(at) ? at : whole.plusMillis(1);
    }

    /**
     * Drops every planned occurrence of the task. Quartz deletes a job's triggers and then the job; a trigger planned
     * between the two (plans do not take Quartz's lock: a digest planning its next week as it fires while a lead moves
     * it) makes the job's delete fail on the foreign key, and nothing is deleted: then it tries again, and that
     * trigger goes too.
     */
    public void cancel(Task task) {
        JobKey jobKey = JobKey.jobKey(task.key(), GROUP);
        for (int attempt = 1; ; attempt++) {
            try {
                scheduler.deleteJob(jobKey);
                return;
            } catch (JobPersistenceException raced) {
                if (attempt >= PLAN_ATTEMPTS) {
                    throw new IllegalStateException("could not cancel " + task.key(), raced);
                }
            } catch (SchedulerException e) {
                throw new IllegalStateException("could not cancel " + task.key(), e);
            }
        }
    }

    /** Replaces whatever was planned for the task by this occurrence (none: nothing planned). */
    public void replan(Task task, Instant occurrenceOrNull) {
        cancel(task);
        if (occurrenceOrNull != null) {
            plan(task, occurrenceOrNull);
        }
    }

    /** True when at least one occurrence of the task is planned. */
    public boolean isPlanned(Task task) {
        try {
            return !scheduler.getTriggersOfJob(JobKey.jobKey(task.key(), GROUP)).isEmpty();
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not read the plan of " + task.key(), e);
        }
    }

    /** The earliest time the task is planned to run, if it is planned at all: what people are told is next. */
    public Optional<Instant> nextPlanned(Task task) {
        try {
            return scheduler.getTriggersOfJob(JobKey.jobKey(task.key(), GROUP)).stream()
                    .map(Trigger::getNextFireTime)
                    .filter(java.util.Objects::nonNull)
                    .map(Date::toInstant)
                    .min(Instant::compareTo);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not read the plan of " + task.key(), e);
        }
    }

    /**
     * Stops firing. {@code waitForJobs} lets running tasks finish first. Quartz interrupts its own threads as it
     * stops; {@link StopSafeJobStore} makes sure none of them is on the database then, so an H2 file database stays
     * open for everyone else.
     */
    public void stop(boolean waitForJobs) {
        try {
            scheduler.shutdown(waitForJobs);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not stop the Quartz scheduler", e);
        }
    }

    @Override
    public void close() {
        stop(true);
    }

    private record PooledProvider(DataSource dataSource) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // the pool belongs to Database, which closes it
        }

        @Override
        public void initialize() {
            // nothing to set up: the pool is already running
        }
    }
}

package org.shoptalk.core.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.quartz.JobPersistenceException;
import org.quartz.TriggerKey;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.spi.OperableTrigger;
import org.quartz.spi.TriggerFiredResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz's JDBC job store, made safe to stop on an embedded H2 file database. Quartz 2.5.2 interrupts its own threads
 * when it shuts down: the scheduler thread ({@code QuartzSchedulerThread.halt} always calls {@code interrupt()}), and
 * the misfire handler and the cluster manager ({@code JobStoreSupport.shutdown}). An interrupt that lands while such a
 * thread is in H2's file I/O closes H2's {@code FileChannel}, and with it the whole database (error 90098) under
 * everyone else: a core restarted in the same process failed to start, and in production a stop could close the
 * database under jobs still finishing. H2's maintainers call MVStore never interrupt-safe; its {@code retry:} file
 * system may corrupt the file and {@code async:} is experimental, so the interrupts are kept away from the I/O instead.
 *
 * <p>Quartz pauses before it interrupts, on the stopping thread: {@code shutdown} calls {@link #schedulerPaused()}
 * (through {@code standby}) before it halts the scheduler thread, and {@link #shutdown()} before it stops the misfire
 * handler and the cluster manager. Each of the two refuses its threads new database work (an acquisition finds
 * nothing, a misfire pass or check-in does nothing) and waits, up to {@link #DRAIN_LIMIT}, until the work under way is
 * done; the scheduler thread also gives back the triggers it acquired and holds until their time (it is signalled to).
 * A plain stop without a shutdown keeps the cluster check-in going, so other instances do not take over jobs that are
 * still running here. Thread-safe; Quartz makes it by name ({@code org.quartz.jobStore.class}).
 */
@SuppressWarnings("unchecked") // JobStoreTX's own executeInLock overrides a generic method with a raw one
public final class StopSafeJobStore extends JobStoreTX {
    private static final Logger LOG = LoggerFactory.getLogger(StopSafeJobStore.class);
    /** How long a stop waits for Quartz's own database work; a database that hangs must not hang the stop. */
    static final Duration DRAIN_LIMIT = Duration.ofSeconds(10);

    private final Object lock = new Object();
    private boolean acquiring = true;
    private boolean background = true;
    private int schedulerWork;
    private int backgroundWork;
    /** Acquired by the scheduler thread and not yet fired or given back. */
    private final Set<TriggerKey> held = new HashSet<>();

    @Override
    public List<OperableTrigger> acquireNextTriggers(long noLaterThan, int maxCount, long timeWindow)
            throws JobPersistenceException {
        synchronized (lock) {
            if (!acquiring) {
                return new ArrayList<>();
            }
            schedulerWork++;
        }
        try {
            List<OperableTrigger> triggers = super.acquireNextTriggers(noLaterThan, maxCount, timeWindow);
            synchronized (lock) {
                triggers.forEach(t -> held.add(t.getKey()));
            }
            return triggers;
        } finally {
            done(false);
        }
    }

    @Override
    public List<TriggerFiredResult> triggersFired(List<OperableTrigger> triggers) throws JobPersistenceException {
        startSchedulerWork();
        List<TriggerFiredResult> results = null;
        try {
            results = super.triggersFired(triggers);
            return results;
        } finally {
            synchronized (lock) {
                // one without a bundle, or that failed, is given back next (releaseAcquiredTrigger): still held
                for (int i = 0; i < triggers.size(); i++) {
                    TriggerFiredResult result = results == null || i >= results.size() ? null : results.get(i);
                    if (result != null && result.getTriggerFiredBundle() != null && result.getException() == null) {
                        held.remove(triggers.get(i).getKey());
                    }
                }
            }
            done(false);
        }
    }

    @Override
    public void releaseAcquiredTrigger(OperableTrigger trigger) {
        startSchedulerWork();
        try {
            super.releaseAcquiredTrigger(trigger);
        } finally {
            synchronized (lock) {
                held.remove(trigger.getKey());
            }
            done(false);
        }
    }

    @Override
    protected RecoverMisfiredJobsResult doRecoverMisfires() throws JobPersistenceException {
        if (!startBackgroundWork()) {
            return RecoverMisfiredJobsResult.NO_OP;
        }
        try {
            return super.doRecoverMisfires();
        } finally {
            done(true);
        }
    }

    @Override
    protected boolean doCheckin() throws JobPersistenceException {
        if (!startBackgroundWork()) {
            return false;
        }
        try {
            return super.doCheckin();
        } finally {
            done(true);
        }
    }

    /** Standby, and the first step of a shutdown: the scheduler thread ends its database work and acquires no more. */
    @Override
    public void schedulerPaused() {
        super.schedulerPaused();
        synchronized (lock) {
            acquiring = false;
        }
        // Wakes the scheduler thread where it waits for its acquired triggers' time, so it gives them back now.
        signalSchedulingChangeImmediately(0);
        await(() -> schedulerWork == 0 && held.isEmpty(), "the scheduler thread");
    }

    @Override
    public void schedulerResumed() {
        synchronized (lock) {
            acquiring = true;
        }
        super.schedulerResumed();
    }

    /** Jobs have finished (or were not waited for): the misfire handler and the cluster check-in end their work. */
    @Override
    public void shutdown() {
        synchronized (lock) {
            background = false;
        }
        await(() -> backgroundWork == 0, "the misfire handler and the cluster check-in");
        super.shutdown();
    }

    private void startSchedulerWork() {
        synchronized (lock) {
            schedulerWork++;
        }
    }

    private boolean startBackgroundWork() {
        synchronized (lock) {
            if (!background) {
                return false;
            }
            backgroundWork++;
            return true;
        }
    }

    private void done(boolean backgroundThread) {
        synchronized (lock) {
            if (backgroundThread) {
                backgroundWork--;
            } else {
                schedulerWork--;
            }
            lock.notifyAll();
        }
    }

    private void await(BooleanSupplier drained, String whose) {
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        boolean interrupted = false;
        synchronized (lock) {
            while (!drained.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warn(
                            "stopping Quartz while {} is still on the database after {} s",
                            whose,
                            DRAIN_LIMIT.toSeconds());
                    break;
                }
                try {
                    lock.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
                } catch (InterruptedException e) {
                    interrupted = true;
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

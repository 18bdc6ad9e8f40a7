package org.shoptalk.core.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.shoptalk.core.chat.DeliveryStore;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.retention.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installation's daily clean-up, at {@link #AT} UTC: forgets processed deliveries older than
 * {@link #KEEP_DELIVERIES}, which is far longer than any platform re-delivers, and plans again whatever should be
 * planned and is not (a change committed whose plan was lost), so a lost plan is repaired within a day even
 * without a restart. Then it runs each guild's {@link Retention} (its own step: a failure there repairs plans
 * all the same). Thread-safe.
 */
public final class Housekeeping {
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);
    /** Slack re-delivers within about five minutes, Teams within seconds: a day is plenty. */
    public static final Duration KEEP_DELIVERIES = Duration.ofDays(1);

    static final LocalTime AT = LocalTime.of(3, 17);

    private final Database db;
    private final DeliveryStore deliveries;
    private final Clock clock;
    private final Runnable repairPlans;
    private final TaskScheduler scheduler;
    private final Retention retention;

    public Housekeeping(
            Database db,
            DeliveryStore deliveries,
            Clock clock,
            Runnable repairPlans,
            TaskScheduler scheduler,
            Retention retention) {
        this.db = db;
        this.retention = retention;
        this.scheduler = scheduler;
        this.deliveries = deliveries;
        this.clock = clock;
        this.repairPlans = repairPlans;
    }

    /** Cleans up, and plans tomorrow's clean-up whatever happens to today's. */
    public void run(Instant occurrence) {
        try {
            int pruned =
                    db.withHandle(h -> deliveries.pruneBefore(h, clock.instant().minus(KEEP_DELIVERIES)));
            LOG.info(
                    "housekeeping: forgot {} processed deliveries older than {} hours",
                    pruned,
                    KEEP_DELIVERIES.toHours());
            try {
                repairPlans.run();
            } finally {
                retention.run();
            }
        } finally {
            scheduler.plan(Task.Housekeeping.DAILY, nextAfter(later(occurrence, clock.instant())));
        }
    }

    /** Plans the clean-up when nothing is planned (the first start, or a plan lost). */
    public void ensurePlanned() {
        if (!scheduler.isPlanned(Task.Housekeeping.DAILY)) {
            scheduler.plan(Task.Housekeeping.DAILY, nextAfter(clock.instant()));
        }
    }

    static Instant nextAfter(Instant after) {
        Instant today = after.atZone(ZoneOffset.UTC).toLocalDate().atTime(AT).toInstant(ZoneOffset.UTC);
        return today.isAfter(after) ? today : today.plus(Duration.ofDays(1));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}

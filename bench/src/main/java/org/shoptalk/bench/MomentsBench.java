package org.shoptalk.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.shoptalk.core.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * N guilds on the local console, each with a one-off moment ("schedule at") due in the same minute, fired by core's
 * real Quartz on the system clock: lag from the due time to each round post (round_post.posted_at), whether every
 * guild got exactly one post, and the Quartz rows left behind. Core runs in this JVM, with the pool size the app uses.
 */
final class MomentsBench {
    private static final Logger log = LoggerFactory.getLogger(MomentsBench.class);
    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private MomentsBench() {}

    static void run(Settings s, Results r, Databases databases, String kind, int guilds) throws Exception {
        String section = "moments-" + kind;
        Databases.Target target = databases.fresh(kind, "moments_" + kind + "_" + guilds);
        try (Guilds all = Guilds.start(target, "bench-secret-0123456789", "g", guilds, Clock.systemUTC(), core -> {})) {
            Database db = all.db;
            double createSeconds = all.create();
            // Due at the first whole minute after all schedules can be stored (estimated from the guilds' pace).
            Instant due = Guilds.nextWholeMinute(Duration.ofSeconds((long) (createSeconds * 1.5) + 20));
            log.info("{} guilds on {}: created in {} s, due at {}", guilds, kind, Math.round(createSeconds), due);
            String n = "N=" + guilds;
            burst(all, due, r, section, n);
            // The same guilds again a few minutes later, in the JVM that has now run the firing path once: the first
            // burst after a start also pays for compiling that path (in a profile, the JIT compiler took about as
            // much CPU as the firing itself); a service that has fired before is in the second case.
            Instant again = Guilds.nextWholeMinute(Duration.ofSeconds((long) createSeconds + 20));
            burst(all, again, r, section, n + " again, JVM warm");
            Thread.sleep(2000);
            r.add(
                    section,
                    n + ": Quartz job rows after both",
                    count(db, "SELECT COUNT(*) FROM QRTZ_JOB_DETAILS", null),
                    "rows");
            r.add(
                    section,
                    n + ": Quartz trigger rows after both",
                    count(db, "SELECT COUNT(*) FROM QRTZ_TRIGGERS", null),
                    "rows");
        }
    }

    /**
     * Every guild's lead plans a one-off moment at {@code due}; waits until each guild's is posted (or patience runs
     * out) and adds the lag, rate, CPU and double-post figures under {@code label}.
     */
    private static void burst(Guilds all, Instant due, Results r, String section, String label) throws Exception {
        Database db = all.db;
        int guilds = all.count();
        int before = posted(db);
        String at = AT.format(due);
        all.eachLead(g -> "/shoptalk schedule at " + at + " tz UTC");
        if (Instant.now().isAfter(due)) {
            log.warn("{} {}: scheduling took past the due time; lag figures include it", section, label);
        }
        Duration patience = Duration.ofSeconds(Math.max(120, guilds / 10));
        long untilDue = Duration.between(Instant.now(), due).toMillis();
        if (untilDue > 0) {
            Thread.sleep(untilDue);
        }
        // CPU this JVM spends from the due time until every moment is posted: on a shared machine the lag moves
        // with the neighbours' load, CPU per moment much less. On PostgreSQL the server's CPU is not in it.
        long cpuAtDue = processCpuNanos();
        while (posted(db) - before < guilds && Instant.now().isBefore(due.plus(patience))) {
            Thread.sleep(500);
        }
        double cpuMs = (processCpuNanos() - cpuAtDue) / 1e6;
        long[] lags = lags(db, due);
        // Each round's reminder and connect check are planned on Quartz by the follow-up relay, about half a minute
        // after the round opened (RoundFollowUps.RELAY_AFTER): work the burst no longer does, counted here so that
        // the CPU per moment can be compared with a version that planned them as each moment fired.
        while (waitingFollowUps(db) > 0 && Instant.now().isBefore(due.plus(patience))) {
            Thread.sleep(500);
        }
        double followUpsSeconds = Duration.between(due, Instant.now()).toMillis() / 1000.0;
        double cpuWithFollowUpsMs = (processCpuNanos() - cpuAtDue) / 1e6;
        r.add(section, label + ": posted", lags.length, "of " + guilds);
        r.addLags(section, label, lags);
        r.add(
                section,
                label + ": moments/s (all posted / last lag)",
                lags.length == 0 ? 0 : lags.length / Math.max(0.001, lags[lags.length - 1] / 1000.0),
                "/s");
        r.add(
                section,
                label + ": JVM CPU per moment posted",
                lags.length == 0 ? Double.NaN : cpuMs / lags.length,
                "ms");
        r.add(section, label + ": follow-ups all planned, after the due time", followUpsSeconds, "s");
        r.add(
                section,
                label + ": JVM CPU per moment, follow-ups planned included",
                lags.length == 0 ? Double.NaN : cpuWithFollowUpsMs / lags.length,
                "ms");
        r.add(
                section,
                label + ": guilds posted more than once",
                count(
                        db,
                        "SELECT COUNT(*) FROM (SELECT channel_id FROM local_message WHERE kind = 'BOT' AND thread_id IS NULL"
                                + " AND visible_to IS NULL AND posted_at >= ? GROUP BY channel_id HAVING COUNT(*) > 1) x",
                        due.minusSeconds(1)),
                "guilds");
    }

    /** CPU time of this whole JVM so far, all threads, in nanoseconds. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static int posted(Database db) {
        return db.withHandle(h -> h.query("SELECT COUNT(*) FROM round_post WHERE state = 'POSTED'", rs -> rs.getInt(1)))
                .get(0);
    }

    /** Rounds whose reminder and connect check the relay has not planned yet. */
    private static int waitingFollowUps(Database db) {
        return db.withHandle(h -> h.query("SELECT COUNT(*) FROM round_follow_up", rs -> rs.getInt(1)))
                .get(0);
    }

    private static long[] lags(Database db, Instant due) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT posted_at FROM round_post WHERE state = 'POSTED' AND posted_at >= ?")) {
            ps.setTimestamp(1, Timestamp.from(due.minusSeconds(1)));
            try (ResultSet rs = ps.executeQuery()) {
                List<Long> out = new ArrayList<>();
                while (rs.next()) {
                    Timestamp t = rs.getTimestamp(1);
                    out.add(Duration.between(due, t.toInstant()).toMillis());
                }
                long[] a = out.stream().mapToLong(Long::longValue).toArray();
                Arrays.sort(a);
                return a;
            }
        }
    }

    /** A count, as the double the results table holds. */
    private static double count(Database db, String sql, Instant since) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            if (since != null) {
                ps.setTimestamp(1, Timestamp.from(since));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return (double) rs.getLong(1);
            }
        }
    }
}

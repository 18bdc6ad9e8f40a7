package org.shoptalk.bench;

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
            String at = AT.format(due);
            all.eachLead(g -> "/shoptalk schedule at " + at + " tz UTC");
            if (Instant.now().isAfter(due)) {
                log.warn("{} {}: scheduling took past the due time; lag figures include it", kind, guilds);
            }
            log.info("{} guilds on {}: created in {} s, due at {}", guilds, kind, Math.round(createSeconds), due);
            Duration patience = Duration.ofSeconds(Math.max(120, guilds / 10));
            while (posted(db) < guilds && Instant.now().isBefore(due.plus(patience))) {
                Thread.sleep(500);
            }
            long[] lags = lags(db, due);
            String n = "N=" + guilds;
            r.add(section, n + ": posted", lags.length, "of " + guilds);
            r.add(section, n + ": lag p50 due -> posted", pct(lags, 50), "ms");
            r.add(section, n + ": lag p99", pct(lags, 99), "ms");
            r.add(section, n + ": lag max", lags.length == 0 ? Double.NaN : lags[lags.length - 1], "ms");
            r.add(
                    section,
                    n + ": moments/s (all posted / last lag)",
                    lags.length == 0 ? 0 : lags.length / Math.max(0.001, lags[lags.length - 1] / 1000.0),
                    "/s");
            r.add(
                    section,
                    n + ": guilds posted more than once",
                    count(
                            db,
                            "SELECT COUNT(*) FROM (SELECT channel_id FROM local_message WHERE kind = 'BOT' AND thread_id IS NULL"
                                    + " AND visible_to IS NULL AND posted_at >= ? GROUP BY channel_id HAVING COUNT(*) > 1) x",
                            due.minusSeconds(1)),
                    "guilds");
            Thread.sleep(2000);
            r.add(
                    section,
                    n + ": Quartz job rows after",
                    count(db, "SELECT COUNT(*) FROM QRTZ_JOB_DETAILS", null),
                    "rows");
            r.add(
                    section,
                    n + ": Quartz trigger rows after",
                    count(db, "SELECT COUNT(*) FROM QRTZ_TRIGGERS", null),
                    "rows");
        }
    }

    private static int posted(Database db) {
        return db.withHandle(h -> h.query("SELECT COUNT(*) FROM round_post WHERE state = 'POSTED'", rs -> rs.getInt(1)))
                .get(0);
    }

    private static long[] lags(Database db, Instant due) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT posted_at FROM round_post WHERE state = 'POSTED' AND posted_at IS NOT NULL");
                ResultSet rs = ps.executeQuery()) {
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

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))];
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

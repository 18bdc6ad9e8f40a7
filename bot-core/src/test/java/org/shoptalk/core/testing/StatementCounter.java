package org.shoptalk.core.testing;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Counts what work asks of the database, per pool (core's {@code shoptalk}, Quartz's {@code shoptalk-quartz}):
 * statements executed (a batch counts once: one round trip), commits, rollbacks, savepoint calls and connections
 * taken. Hand it
 * to {@code Database.start} as the observer; {@link #reset()} before the unit of work, {@link #tally()} after.
 * Wraps the pools with datasource-proxy (net.ttddyy), so nothing about JDBC is faked. Thread-safe.
 */
public final class StatementCounter implements UnaryOperator<DataSource> {

    /**
     * What one pool was asked since the last reset.
     *
     * @param statements statements executed, each a round trip to the database (a batch is one)
     * @param commits transactions committed
     * @param rollbacks transactions rolled back (Quartz rolls back a plan for a job that exists already)
     * @param savepoints savepoints set, released or rolled back to (each a round trip on PostgreSQL)
     * @param connections connections taken from the pool
     * @param sql the statements' text in order, for a failure message
     */
    public record Tally(int statements, int commits, int rollbacks, int savepoints, int connections, List<String> sql) {
        static final Tally NONE = new Tally(0, 0, 0, 0, 0, List.of());

        /** Statements, commits, rollbacks and savepoint calls: what a network database answers one by one. */
        public int roundTrips() {
            return statements + commits + rollbacks + savepoints;
        }

        @Override
        public String toString() {
            return statements + " statements, " + commits + " commits, " + rollbacks + " rollbacks, " + savepoints
                    + " savepoint calls, "
                    + connections + " connections:\n  " + String.join("\n  ", sql);
        }
    }

    private final Map<String, Counts> pools = new ConcurrentHashMap<>();

    @Override
    public DataSource apply(DataSource pool) {
        String name = pool instanceof HikariDataSource hikari ? hikari.getPoolName() : "pool";
        Counts counts = pools.computeIfAbsent(name, n -> new Counts());
        return ProxyDataSourceBuilder.create(name, pool)
                .listener(counts)
                .methodListener(counts)
                .build();
    }

    /** Forgets everything counted so far. */
    public void reset() {
        pools.values().forEach(Counts::reset);
    }

    /** Core's own pool since the last reset. */
    public Tally tally() {
        return tally("shoptalk");
    }

    /** Quartz's pool since the last reset: planning a task. */
    public Tally quartz() {
        return tally("shoptalk-quartz");
    }

    private Tally tally(String pool) {
        Counts counts = pools.get(pool);
        return counts == null ? Tally.NONE : counts.tally();
    }

    private static final class Counts implements QueryExecutionListener, MethodExecutionListener {
        private int statements;
        private int commits;
        private int rollbacks;
        private int savepoints;
        private int connections;
        private final List<String> sql = new ArrayList<>();

        synchronized void reset() {
            statements = 0;
            commits = 0;
            rollbacks = 0;
            savepoints = 0;
            connections = 0;
            sql.clear();
        }

        synchronized Tally tally() {
            return new Tally(statements, commits, rollbacks, savepoints, connections, List.copyOf(sql));
        }

        @Override
        public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
            // counted once it ran
        }

        @Override
        public synchronized void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
            statements++;
            String text = queryInfoList.isEmpty() ? "?" : queryInfoList.get(0).getQuery();
            sql.add((execInfo.isBatch() ? "[batch of " + execInfo.getBatchSize() + "] " : "")
                    + (text.length() > 110 ? text.substring(0, 110) + "…" : text));
        }

        @Override
        public void beforeMethod(MethodExecutionContext context) {
            // counted once it ran
        }

        @Override
        public synchronized void afterMethod(MethodExecutionContext context) {
            String method = context.getMethod().getName();
            Object[] args = context.getMethodArgs();
            switch (method) {
                case "commit" -> commits++;
                case "setSavepoint", "releaseSavepoint" -> savepoints++;
                case "rollback" -> {
                    if (args != null && args.length == 1) {
                        savepoints++;
                    } else {
                        rollbacks++;
                    }
                }
                case "getConnection" -> connections++;
                default -> {}
            }
        }
    }
}

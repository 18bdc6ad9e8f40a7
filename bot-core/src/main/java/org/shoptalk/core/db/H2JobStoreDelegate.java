package org.shoptalk.core.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.quartz.TriggerKey;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;

/**
 * Quartz's standard JDBC delegate, with the query that picks the due triggers to acquire written so that H2 reads only
 * the batch it returns (issue 13).
 *
 * <p>Quartz asks for the waiting triggers of one scheduler, due by now, {@code ORDER BY NEXT_FIRE_TIME ASC, PRIORITY
 * DESC}, at most a batch of them ({@code StdJDBCConstants.SELECT_NEXT_TRIGGER_TO_ACQUIRE}). H2 returns rows in an
 * index's order only when the {@code ORDER BY} lists the index's columns from its first, and the equality conditions
 * on the scheduler and the state do not count as listed; so it read every due trigger and sorted them, for every batch:
 * a thousand moments due in the same minute meant reading a thousand rows to take four, and ten thousand took
 * quadratic time. The same order with the scheduler and the state named first (a constant each, so the result is the
 * same) matches {@code IDX_QRTZ_T_NFT_ST_PRIO} ({@code V99__quartz_acquisition_index_with_priority}) column for column,
 * and H2 stops after the batch. Fire times and the batch are bound as {@link DueTriggers} does for both databases.
 * {@code QuartzIndexesTest} checks the plan.
 */
public class H2JobStoreDelegate extends StdJDBCDelegate {
    private static final String DUE_TRIGGERS_IN_INDEX_ORDER = "SELECT TRIGGER_NAME, TRIGGER_GROUP FROM {0}TRIGGERS"
            + " WHERE SCHED_NAME = {1} AND TRIGGER_STATE = ? AND NEXT_FIRE_TIME <= ?"
            + " AND (MISFIRE_INSTR = -1 OR (MISFIRE_INSTR <> -1 AND NEXT_FIRE_TIME >= ?))"
            + " ORDER BY SCHED_NAME, TRIGGER_STATE, NEXT_FIRE_TIME ASC, PRIORITY DESC LIMIT ?";

    /** The query this delegate sends to acquire triggers, with Quartz's placeholders for the table prefix and name. */
    public static String dueTriggersQuery() {
        return DUE_TRIGGERS_IN_INDEX_ORDER;
    }

    @Override
    public List<TriggerKey> selectTriggerToAcquire(Connection conn, long noLaterThan, long noEarlierThan, int maxCount)
            throws SQLException {
        return DueTriggers.select(conn, rtp(DUE_TRIGGERS_IN_INDEX_ORDER), noLaterThan, noEarlierThan, maxCount);
    }
}

package org.shoptalk.core.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.quartz.TriggerKey;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;

/**
 * Quartz's PostgreSQL delegate, with the query that picks the due triggers to acquire bound so that PostgreSQL walks
 * {@code IDX_QRTZ_T_NFT_ST_PRIO} in order and stops after the batch (issue 13; {@link DueTriggers} says why Quartz's
 * own binding read the whole table). With 10,000 moments due at once, more than eight in ten of the queries running
 * on the server, sampled, were this one. {@code QuartzIndexesTest} runs it through this delegate and counts the rows
 * it reads.
 */
public class PostgresJobStoreDelegate extends PostgreSQLDelegate {
    private static final String DUE_TRIGGERS = "SELECT TRIGGER_NAME, TRIGGER_GROUP FROM {0}TRIGGERS"
            + " WHERE SCHED_NAME = {1} AND TRIGGER_STATE = ? AND NEXT_FIRE_TIME <= ?"
            + " AND (MISFIRE_INSTR = -1 OR (MISFIRE_INSTR <> -1 AND NEXT_FIRE_TIME >= ?))"
            + " ORDER BY NEXT_FIRE_TIME ASC, PRIORITY DESC LIMIT ?";

    @Override
    public List<TriggerKey> selectTriggerToAcquire(Connection conn, long noLaterThan, long noEarlierThan, int maxCount)
            throws SQLException {
        return DueTriggers.select(conn, rtp(DUE_TRIGGERS), noLaterThan, noEarlierThan, maxCount);
    }
}

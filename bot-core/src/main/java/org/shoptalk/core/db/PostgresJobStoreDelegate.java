package org.shoptalk.core.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.quartz.TriggerKey;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;

/**
 * Quartz's PostgreSQL delegate, with the query that picks the due triggers to acquire bound so that PostgreSQL walks
 * {@code IDX_QRTZ_T_NFT_ST_PRIO} in order and stops after the batch (issue 13; {@link DueTriggers} says why Quartz's
 * own binding read the whole table). The misfire handler's two queries over fire times are bound the same way: they
 * read and sorted the whole table too, once a minute or so, and in a loop of twenty at a time when a burst fell
 * behind by more than the misfire threshold. With 10,000 moments due at once, more than eight in ten of the queries running
 * on the server, sampled, were this one. {@code QuartzIndexesTest} runs it through this delegate and counts the rows
 * it reads.
 */
public class PostgresJobStoreDelegate extends PostgreSQLDelegate {
    private static final String DUE_TRIGGERS = "SELECT TRIGGER_NAME, TRIGGER_GROUP FROM {0}TRIGGERS"
            + " WHERE SCHED_NAME = {1} AND TRIGGER_STATE = ? AND NEXT_FIRE_TIME <= ?"
            + " AND (MISFIRE_INSTR = -1 OR (MISFIRE_INSTR <> -1 AND NEXT_FIRE_TIME >= ?))"
            + " ORDER BY NEXT_FIRE_TIME ASC, PRIORITY DESC LIMIT ?";

    private static final String MISFIRED = " FROM {0}TRIGGERS WHERE SCHED_NAME = {1} AND NOT (MISFIRE_INSTR = -1)"
            + " AND NEXT_FIRE_TIME < ? AND TRIGGER_STATE = ?";

    @Override
    public int countMisfiredTriggersInState(Connection conn, String state, long ts) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(rtp("SELECT COUNT(TRIGGER_NAME)" + MISFIRED))) {
            ps.setLong(1, ts);
            ps.setString(2, state);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /**
     * As Quartz's: adds up to {@code count} misfired triggers in the state to {@code resultList}, earliest first, and
     * says whether more are left; a negative {@code count} takes them all.
     */
    @Override
    public boolean hasMisfiredTriggersInState(
            Connection conn, String state, long ts, int count, List<TriggerKey> resultList) throws SQLException {
        String order = " ORDER BY NEXT_FIRE_TIME ASC, PRIORITY DESC";
        String sql = "SELECT TRIGGER_NAME, TRIGGER_GROUP" + MISFIRED + order + (count < 0 ? "" : " LIMIT ?");
        try (PreparedStatement ps = conn.prepareStatement(rtp(sql))) {
            ps.setLong(1, ts);
            ps.setString(2, state);
            if (count >= 0) {
                // one more than asked for, to tell whether any are left
                ps.setInt(3, count + 1);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (resultList.size() == count) {
                        return true;
                    }
                    resultList.add(TriggerKey.triggerKey(rs.getString("TRIGGER_NAME"), rs.getString("TRIGGER_GROUP")));
                }
            }
        }
        return false;
    }

    @Override
    public List<TriggerKey> selectTriggerToAcquire(Connection conn, long noLaterThan, long noEarlierThan, int maxCount)
            throws SQLException {
        return DueTriggers.select(conn, rtp(DUE_TRIGGERS), noLaterThan, noEarlierThan, maxCount);
    }
}

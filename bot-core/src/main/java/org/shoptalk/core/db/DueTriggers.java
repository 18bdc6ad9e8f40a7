package org.shoptalk.core.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.quartz.TriggerKey;
import org.quartz.impl.jdbcjobstore.Constants;

/**
 * Reads a batch of due triggers for Quartz's acquisition, for the job store delegates of both databases (issue 13).
 * What both need from the query Quartz sends ({@code StdJDBCConstants.SELECT_NEXT_TRIGGER_TO_ACQUIRE}): the fire times
 * bound as the {@code BIGINT} the column is (Quartz binds a {@code BigDecimal}: PostgreSQL then compares the column as
 * {@code numeric}, which no index serves, and read and sorted the whole trigger table for every batch), and the batch
 * size in the query as {@code LIMIT ?} (a driver's row limit is not seen by the planner, and PostgreSQL's plan for a
 * prepared statement, made once for any values, then sorted every due trigger instead of walking the index in order).
 */
final class DueTriggers {
    private DueTriggers() {}

    /**
     * Runs the query for one batch and returns the keys it found, in its order, at most {@code maxCount}.
     *
     * @param sql          the query with Quartz's placeholders replaced; its parameters are the state, the latest and
     *                     the earliest fire time (epoch millis) and the batch size, in that order
     * @param noLaterThan  the latest fire time to take, epoch millis
     * @param noEarlierThan the earliest fire time of a trigger that misfires by Quartz's rules, epoch millis
     * @param maxCount     the batch; at least one is read
     */
    static List<TriggerKey> select(Connection conn, String sql, long noLaterThan, long noEarlierThan, int maxCount)
            throws SQLException {
        int batch = Math.max(1, maxCount);
        List<TriggerKey> keys = new ArrayList<>(batch);
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setFetchSize(batch);
            ps.setString(1, Constants.STATE_WAITING);
            ps.setLong(2, noLaterThan);
            ps.setLong(3, noEarlierThan);
            ps.setInt(4, batch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(TriggerKey.triggerKey(rs.getString("TRIGGER_NAME"), rs.getString("TRIGGER_GROUP")));
                }
            }
        }
        return keys;
    }
}

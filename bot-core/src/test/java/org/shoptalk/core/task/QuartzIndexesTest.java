package org.shoptalk.core.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quartz.impl.jdbcjobstore.StdJDBCConstants;
import org.quartz.impl.jdbcjobstore.Util;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.migration.V2__quartz_tables;
import org.shoptalk.core.testing.TestDatabases;

/**
 * The job store finds what it looks for through an index on both databases, and on H2 keeps no index that only costs
 * a page rewrite at every commit (issue 13, {@code V94__quartz_indexes_trimmed_on_h2}). The queries are Quartz's own
 * ({@link StdJDBCConstants}), so a Quartz upgrade that changes them is checked here too.
 */
class QuartzIndexesTest {
    private static final String SCHED = "'" + V2__quartz_tables.SCHEDULER_NAME + "'";

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void the_job_store_has_an_index_for_due_triggers_and_for_a_job_s_triggers(TestDatabases.Kind kind)
            throws Exception {
        try (Database db = Database.start(TestDatabases.fresh(kind))) {
            assertThat(indexes(db, "QRTZ_TRIGGERS")).contains("IDX_QRTZ_T_NFT_ST");
            assertThat(indexes(db, "QRTZ_FIRED_TRIGGERS")).contains("IDX_QRTZ_FT_TRIG_INST_NAME");
        }
    }

    @Test
    void on_h2_every_query_quartz_runs_while_firing_reads_an_index_not_the_whole_table() throws Exception {
        try (Database db = Database.start(TestDatabases.fresh(TestDatabases.Kind.H2));
                Connection c = db.dataSource().getConnection()) {
            assertThat(plan(c, StdJDBCConstants.SELECT_NEXT_TRIGGER_TO_ACQUIRE, "WAITING", 2_000L, 1_000L))
                    .contains("IDX_QRTZ_T_NFT_ST")
                    .doesNotContain("tableScan");
            assertThat(plan(c, StdJDBCConstants.SELECT_MISFIRED_TRIGGERS_IN_STATE, 1_000L, "WAITING"))
                    .contains("IDX_QRTZ_T_NFT_ST")
                    .doesNotContain("tableScan");
            assertThat(plan(c, StdJDBCConstants.SELECT_TRIGGERS_FOR_JOB, "moment-1", "shoptalk"))
                    .doesNotContain("tableScan");
            assertThat(plan(c, StdJDBCConstants.SELECT_NUM_TRIGGERS_FOR_JOB, "moment-1", "shoptalk"))
                    .doesNotContain("tableScan");
            assertThat(plan(c, StdJDBCConstants.SELECT_INSTANCES_FIRED_TRIGGERS, "node-1"))
                    .contains("IDX_QRTZ_FT_TRIG_INST_NAME")
                    .doesNotContain("tableScan");
        }
    }

    @Test
    void on_h2_a_trigger_is_kept_in_the_table_and_three_indexes_only() throws Exception {
        try (Database db = Database.start(TestDatabases.fresh(TestDatabases.Kind.H2))) {
            // The primary key, the foreign key's index to its job, and the one acquisition reads; Quartz's
            // PostgreSQL script has twelve besides the primary key.
            assertThat(indexes(db, "QRTZ_TRIGGERS")).hasSize(3);
            assertThat(indexes(db, "QRTZ_FIRED_TRIGGERS")).hasSize(2);
        }
    }

    private static String plan(Connection c, String quartzSql, Object... parameters) throws Exception {
        try (PreparedStatement st = c.prepareStatement("EXPLAIN " + Util.rtp(quartzSql, "QRTZ_", SCHED))) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static Set<String> indexes(Database db, String table) throws Exception {
        Set<String> indexes = new TreeSet<>();
        try (Connection c = db.dataSource().getConnection()) {
            // PostgreSQL folds the unquoted names of Quartz's script to lower case.
            for (String name : new String[] {table, table.toLowerCase(Locale.ROOT)}) {
                try (ResultSet rs = c.getMetaData().getIndexInfo(null, null, name, false, false)) {
                    while (rs.next()) {
                        if (rs.getString("INDEX_NAME") != null) {
                            indexes.add(rs.getString("INDEX_NAME").toUpperCase(Locale.ROOT));
                        }
                    }
                }
            }
        }
        return indexes;
    }
}

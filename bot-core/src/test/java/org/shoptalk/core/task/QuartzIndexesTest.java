package org.shoptalk.core.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quartz.TriggerKey;
import org.quartz.impl.jdbcjobstore.StdJDBCConstants;
import org.quartz.impl.jdbcjobstore.Util;
import org.quartz.simpl.SimpleClassLoadHelper;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.H2JobStoreDelegate;
import org.shoptalk.core.db.PostgresJobStoreDelegate;
import org.shoptalk.core.db.migration.V2__quartz_tables;
import org.shoptalk.core.testing.TestDatabases;
import org.slf4j.LoggerFactory;

/**
 * The job store finds what it looks for through an index on both databases, and on H2 keeps no index that only costs
 * a page rewrite at every commit (issue 13, {@code V94__quartz_indexes_trimmed_on_h2}), on PostgreSQL none that
 * only costs an entry at every change of a trigger's state ({@code V92__quartz_indexes_trimmed_on_postgres}); acquiring a batch of due
 * triggers reads the batch, not every trigger due ({@code V99__quartz_acquisition_index_with_priority}). The queries are Quartz's own
 * ({@link StdJDBCConstants}), so a Quartz upgrade that changes them is checked here too.
 */
class QuartzIndexesTest {
    private static final String SCHED = "'" + V2__quartz_tables.SCHEDULER_NAME + "'";

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void the_job_store_has_an_index_for_due_triggers_and_for_a_job_s_triggers(TestDatabases.Kind kind)
            throws Exception {
        try (Database db = Database.start(TestDatabases.fresh(kind))) {
            assertThat(indexes(db, "QRTZ_TRIGGERS")).contains("IDX_QRTZ_T_NFT_ST_PRIO");
            assertThat(indexes(db, "QRTZ_FIRED_TRIGGERS")).contains("IDX_QRTZ_FT_TRIG_INST_NAME");
        }
    }

    @Test
    void on_h2_every_query_quartz_runs_while_firing_reads_an_index_not_the_whole_table() throws Exception {
        try (Database db = Database.start(TestDatabases.fresh(TestDatabases.Kind.H2));
                Connection c = db.dataSource().getConnection()) {
            assertThat(plan(c, H2JobStoreDelegate.dueTriggersQuery(), "WAITING", 2_000L, 1_000L, 4))
                    .contains("IDX_QRTZ_T_NFT_ST_PRIO")
                    .doesNotContain("tableScan");
            assertThat(plan(c, StdJDBCConstants.SELECT_MISFIRED_TRIGGERS_IN_STATE, 1_000L, "WAITING"))
                    .contains("IDX_QRTZ_T_NFT_ST_PRIO")
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

    /**
     * A thousand moments due at the same instant: acquiring a batch of four reads four triggers, not all those due.
     * Quartz asks for them in order of fire time and priority, and before the index had the priority (V99) every
     * batch read and sorted every due trigger, which made a burst of ten thousand quadratic.
     */
    @Test
    void on_h2_acquiring_a_batch_of_due_triggers_reads_only_that_batch_when_a_thousand_are_due_at_once()
            throws Exception {
        try (Database db = Database.start(TestDatabases.fresh(TestDatabases.Kind.H2));
                Connection c = db.dataSource().getConnection()) {
            dueNowAndLater(c);

            String plan =
                    explained(c, "EXPLAIN ANALYZE", H2JobStoreDelegate.dueTriggersQuery(), "WAITING", 60_000L, 0L, 4);

            assertThat(plan).contains("IDX_QRTZ_T_NFT_ST_PRIO");
            Matcher rowsRead = Pattern.compile("scanCount: (\\d+)").matcher(plan);
            assertThat(rowsRead.find()).as(plan).isTrue();
            assertThat(Integer.parseInt(rowsRead.group(1))).as(plan).isLessThanOrEqualTo(5);
        }
    }

    @Test
    void on_postgres_acquiring_due_triggers_walks_the_index_in_the_order_asked_without_sorting() throws Exception {
        try (Database db = Database.start(TestDatabases.fresh(TestDatabases.Kind.POSTGRES));
                Connection c = db.dataSource().getConnection()) {
            dueNowAndLater(c);
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE QRTZ_TRIGGERS");
            }

            String plan =
                    explained(c, "EXPLAIN", StdJDBCConstants.SELECT_NEXT_TRIGGER_TO_ACQUIRE, "WAITING", 60_000L, 0L);

            assertThat(plan).containsIgnoringCase("idx_qrtz_t_nft_st_prio").doesNotContain("Sort");
        }
    }

    /**
     * PostgreSQL writes an entry into every index of the table at each change of a trigger's state (the state is in
     * most of Quartz's indexes, so the update cannot stay in place): it keeps the indexes the queries of a running
     * scheduler read, and H2's three plus the foreign key's, which PostgreSQL does not make by itself (V92).
     */
    @Test
    void on_postgres_a_trigger_is_kept_in_three_indexes_and_every_query_quartz_runs_while_firing_reads_one()
            throws Exception {
        try (Database db = Database.start(TestDatabases.fresh(TestDatabases.Kind.POSTGRES));
                Connection c = db.dataSource().getConnection()) {
            assertThat(indexes(db, "QRTZ_TRIGGERS"))
                    .containsExactlyInAnyOrder("QRTZ_TRIGGERS_PKEY", "IDX_QRTZ_T_J", "IDX_QRTZ_T_NFT_ST_PRIO");
            assertThat(indexes(db, "QRTZ_FIRED_TRIGGERS"))
                    .containsExactlyInAnyOrder("QRTZ_FIRED_TRIGGERS_PKEY", "IDX_QRTZ_FT_TRIG_INST_NAME");
            dueNowAndLater(c);
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE QRTZ_TRIGGERS");
            }

            assertThat(plan(c, StdJDBCConstants.SELECT_MISFIRED_TRIGGERS_IN_STATE, 1_000L, "WAITING"))
                    .containsIgnoringCase("idx_qrtz_t_nft_st_prio")
                    .doesNotContain("Seq Scan");
            assertThat(plan(c, StdJDBCConstants.SELECT_TRIGGERS_FOR_JOB, "moment-1", "shoptalk"))
                    .containsIgnoringCase("idx_qrtz_t_j")
                    .doesNotContain("Seq Scan");
            assertThat(plan(c, StdJDBCConstants.SELECT_NUM_TRIGGERS_FOR_JOB, "moment-1", "shoptalk"))
                    .containsIgnoringCase("idx_qrtz_t_j")
                    .doesNotContain("Seq Scan");
        }
    }

    /**
     * What the job store sends to acquire a batch, through the delegate Quartz uses on PostgreSQL, reads the batch: a
     * thousand triggers due at once and two thousand later, counted by PostgreSQL for this transaction. Quartz's own
     * delegate binds the fire times as {@code numeric}, which no index on the {@code BIGINT} column serves, and read
     * the whole table and sorted it for every batch (a sequential scan of 3,000 rows here).
     */
    @Test
    void on_postgres_the_job_store_acquiring_a_batch_of_four_reads_four_triggers_not_the_table() throws Exception {
        try (Database db = Database.start(TestDatabases.fresh(TestDatabases.Kind.POSTGRES));
                Connection c = db.dataSource().getConnection()) {
            dueNowAndLater(c);
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE QRTZ_TRIGGERS");
            }
            PostgresJobStoreDelegate delegate = delegate();
            c.setAutoCommit(false);

            // Five times: from the fifth run of a statement on, PostgreSQL may plan it once for any values.
            List<TriggerKey> batch = List.of();
            for (int i = 0; i < 6; i++) {
                batch = delegate.selectTriggerToAcquire(c, 60_000L, 0L, 4);
            }

            assertThat(batch).hasSize(4).allSatisfy(k -> assertThat(k.getName()).startsWith("job-60000-"));
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT seq_scan, idx_tup_fetch FROM pg_stat_xact_user_tables"
                            + " WHERE relname = 'qrtz_triggers'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong("seq_scan")).as("sequential scans").isZero();
                assertThat(rs.getLong("idx_tup_fetch"))
                        .as("rows read in six batches")
                        .isLessThanOrEqualTo(6 * 5);
            }
            c.rollback();
        }
    }

    /**
     * The misfire handler's queries, through the same delegate, read the misfired triggers by the index and no
     * others: a thousand triggers a minute late (by Quartz's clock in this test) and two thousand not due yet.
     */
    @Test
    void on_postgres_the_job_store_looking_for_misfired_triggers_reads_them_by_the_index() throws Exception {
        try (Database db = Database.start(TestDatabases.fresh(TestDatabases.Kind.POSTGRES));
                Connection c = db.dataSource().getConnection()) {
            dueNowAndLater(c);
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE QRTZ_TRIGGERS");
            }
            PostgresJobStoreDelegate delegate = delegate();
            c.setAutoCommit(false);

            List<TriggerKey> first = new ArrayList<>();
            boolean more = false;
            int counted = 0;
            for (int i = 0; i < 6; i++) {
                first.clear();
                more = delegate.hasMisfiredTriggersInState(c, "WAITING", 120_000L, 20, first);
                counted = delegate.countMisfiredTriggersInState(c, "WAITING", 120_000L);
            }
            List<TriggerKey> all = new ArrayList<>();
            boolean moreAfterAll = delegate.hasMisfiredTriggersInState(c, "WAITING", 120_000L, -1, all);

            assertThat(first).hasSize(20);
            assertThat(more).isTrue();
            assertThat(counted).isEqualTo(1_000);
            assertThat(all).hasSize(1_000);
            assertThat(moreAfterAll).isFalse();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(
                            "SELECT seq_scan FROM pg_stat_xact_user_tables WHERE relname = 'qrtz_triggers'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong("seq_scan")).as("sequential scans").isZero();
            }
            c.rollback();
        }
    }

    private static PostgresJobStoreDelegate delegate() throws Exception {
        PostgresJobStoreDelegate delegate = new PostgresJobStoreDelegate();
        delegate.initialize(
                LoggerFactory.getLogger(QuartzIndexesTest.class),
                "QRTZ_",
                V2__quartz_tables.SCHEDULER_NAME,
                "solo",
                new SimpleClassLoadHelper(),
                true,
                null);
        return delegate;
    }

    /** A thousand waiting triggers due at one instant (60,000 epoch millis) and two thousand due much later. */
    private static void dueNowAndLater(Connection c) throws Exception {
        waitingTriggers(c, 1_000, 60_000L);
        waitingTriggers(c, 2_000, 9_000_000L);
    }

    /** Inserts {@code count} waiting one-shot triggers of one job, all due at {@code fireTime} (epoch millis). */
    private static void waitingTriggers(Connection c, int count, long fireTime) throws Exception {
        String job = "job-" + fireTime;
        try (PreparedStatement st = c.prepareStatement("INSERT INTO QRTZ_JOB_DETAILS (SCHED_NAME, JOB_NAME, JOB_GROUP,"
                + " JOB_CLASS_NAME, IS_DURABLE, IS_NONCONCURRENT, IS_UPDATE_DATA, REQUESTS_RECOVERY)"
                + " VALUES (" + SCHED + ", ?, 'shoptalk', 'x', FALSE, FALSE, FALSE, FALSE)")) {
            st.setString(1, job);
            st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_NAME,"
                + " TRIGGER_GROUP, JOB_NAME, JOB_GROUP, NEXT_FIRE_TIME, PRIORITY, TRIGGER_STATE, TRIGGER_TYPE,"
                + " START_TIME, MISFIRE_INSTR) VALUES (" + SCHED + ", ?, 'shoptalk', ?, 'shoptalk', ?, 5, 'WAITING',"
                + " 'SIMPLE', ?, 0)")) {
            for (int i = 0; i < count; i++) {
                st.setString(1, job + "-" + i);
                st.setString(2, job);
                st.setLong(3, fireTime);
                st.setLong(4, fireTime);
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    private static String plan(Connection c, String quartzSql, Object... parameters) throws Exception {
        return explained(c, "EXPLAIN", quartzSql, parameters);
    }

    private static String explained(Connection c, String explain, String quartzSql, Object... parameters)
            throws Exception {
        try (PreparedStatement st = c.prepareStatement(explain + " " + Util.rtp(quartzSql, "QRTZ_", SCHED))) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                // PostgreSQL gives one row per line of the plan; H2 one row.
                StringBuilder plan = new StringBuilder();
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
                return plan.toString();
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

package org.shoptalk.core.db.migration;

import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.shoptalk.core.db.Dialect;

/**
 * Keeps on H2 only the Quartz indexes the queries Shoptalk makes Quartz run can use, and drops the rest that
 * {@link V77__quartz_indexes_on_h2} copied from Quartz's PostgreSQL script (issue 13).
 *
 * <p>Why: H2 writes every commit to its file ({@code WRITE_DELAY=0}, for durable answers), and an MVStore commit
 * rewrites each changed map's pages from leaf to root. Every index is a map of its own, so each trigger Quartz inserts,
 * moves from waiting to acquired to executing, and deletes rewrote twelve index maps of {@code QRTZ_TRIGGERS} and
 * five of {@code QRTZ_FIRED_TRIGGERS} on every one of those commits: a profile of 1,000 moments fired together spent
 * about half its time serialising those pages. PostgreSQL logs changed rows, not pages, and keeps Quartz's script as
 * it is.
 *
 * <p>What stays, and which of Quartz's queries ({@code StdJDBCConstants}) it serves:
 * <ul>
 *   <li>{@code IDX_QRTZ_T_NFT_ST} (scheduler, state, next fire time; since V99 {@code IDX_QRTZ_T_NFT_ST_PRIO}, with the
 *       priority too): acquiring due triggers
 *       ({@code SELECT_NEXT_TRIGGER_TO_ACQUIRE}) and finding misfired ones ({@code SELECT_MISFIRED_TRIGGERS_IN_STATE},
 *       {@code COUNT_MISFIRED_TRIGGERS_IN_STATE}): equality on the first two columns, a range on the third, already
 *       in the order the queries ask for;
 *   <li>the index H2 made for the foreign key from triggers to jobs (scheduler, job name, job group): a job's
 *       triggers ({@code getTriggersOfJob}, deleting a job, counting the triggers left when one completes), which is
 *       all Shoptalk asks besides primary keys ({@code IDX_QRTZ_T_J} was a second copy of it);
 *   <li>{@code IDX_QRTZ_FT_TRIG_INST_NAME} (scheduler, instance): a cluster's check-in and recovery read the fired
 *       triggers of one instance.
 * </ul>
 * The other lookups (by group, by calendar, by state alone) are not made on a running scheduler, or only at start
 * over the small tables of fired triggers and jobs requesting recovery. {@code QuartzIndexesTest} checks the plans.
 */
public class V94__quartz_indexes_trimmed_on_h2 extends BaseJavaMigration {
    /** Quartz's PostgreSQL index names that no query Shoptalk makes Quartz run needs on H2. */
    static final List<String> DROPPED = List.of(
            "IDX_QRTZ_J_REQ_RECOVERY",
            "IDX_QRTZ_J_GRP",
            "IDX_QRTZ_T_J",
            "IDX_QRTZ_T_JG",
            "IDX_QRTZ_T_C",
            "IDX_QRTZ_T_G",
            "IDX_QRTZ_T_STATE",
            "IDX_QRTZ_T_N_STATE",
            "IDX_QRTZ_T_N_G_STATE",
            "IDX_QRTZ_T_NEXT_FIRE_TIME",
            "IDX_QRTZ_T_NFT_MISFIRE",
            "IDX_QRTZ_T_NFT_ST_MISFIRE",
            "IDX_QRTZ_T_NFT_ST_MISFIRE_GRP",
            "IDX_QRTZ_FT_INST_JOB_REQ_RCVRY",
            "IDX_QRTZ_FT_J_G",
            "IDX_QRTZ_FT_JG",
            "IDX_QRTZ_FT_T_G",
            "IDX_QRTZ_FT_TG");

    @Override
    public void migrate(Context context) throws Exception {
        if (Dialect.of(context.getConnection().getMetaData().getURL()) != Dialect.H2) {
            return;
        }
        try (Statement st = context.getConnection().createStatement()) {
            for (String index : DROPPED) {
                st.execute("DROP INDEX IF EXISTS " + index);
            }
        }
    }
}

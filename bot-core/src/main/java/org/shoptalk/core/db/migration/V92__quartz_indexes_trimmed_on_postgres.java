package org.shoptalk.core.db.migration;

import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.shoptalk.core.db.Dialect;

/**
 * Keeps on PostgreSQL only the Quartz indexes the queries Shoptalk makes Quartz run can use, as
 * {@link V94__quartz_indexes_trimmed_on_h2} does on H2, and for the same kind of reason (issue 13).
 *
 * <p>Why: every step of a trigger's life changes its state, and the state is a column of most of Quartz's indexes,
 * so PostgreSQL cannot update the row in place (a "HOT" update): it writes a new entry into every index of the table,
 * and logs each. Quartz's PostgreSQL script gives {@code QRTZ_TRIGGERS} twelve indexes besides its primary key and
 * {@code QRTZ_FIRED_TRIGGERS} six, so each trigger inserted, acquired, fired and deleted cost some forty index entries
 * that no query of a running scheduler reads. Fired one after another, 10,000 moments due at once were bound by the
 * database server, not by Shoptalk's JVM.
 *
 * <p>What stays is what H2 keeps, and one more: PostgreSQL makes no index for a foreign key by itself, so
 * {@code IDX_QRTZ_T_J} (scheduler, job name, job group) stays for a job's triggers ({@code getTriggersOfJob}, deleting
 * a job, counting the triggers left when one completes). {@code QuartzIndexesTest} checks the plans on both databases.
 * Runs out of order on databases that have later versions; dropping is idempotent.
 */
public class V92__quartz_indexes_trimmed_on_postgres extends BaseJavaMigration {
    /** Quartz's PostgreSQL index names that no query Shoptalk makes Quartz run needs. */
    static final List<String> DROPPED = V94__quartz_indexes_trimmed_on_h2.DROPPED.stream()
            .filter(index -> !index.equals("IDX_QRTZ_T_J"))
            .toList();

    @Override
    public void migrate(Context context) throws Exception {
        if (Dialect.of(context.getConnection().getMetaData().getURL()) != Dialect.POSTGRES) {
            return;
        }
        try (Statement st = context.getConnection().createStatement()) {
            for (String index : DROPPED) {
                st.execute("DROP INDEX IF EXISTS " + index);
            }
        }
    }
}

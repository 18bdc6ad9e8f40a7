package org.shoptalk.core.db.migration;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.baseline.BaselineJavaMigration;
import org.shoptalk.core.db.Dialect;

/**
 * Core's schema as migrations V1 to V99 leave it, made in one migration on a new, empty database (a Flyway
 * <em>baseline migration</em>: Flyway applies the latest one to an empty schema and marks every versioned migration
 * up to its version as below the baseline; a database that has a schema history goes on with the versioned
 * migrations and never runs this).
 *
 * <p>Why (issue 13, start to {@code /readyz} within 3 s on H2): a first start spent about a third of its time applying
 * 22 migrations one by one, with H2 rebuilding a table for every {@code ADD COLUMN} and Flyway re-reading its history
 * around each migration. This makes the same schema in one pass.
 *
 * <p>What it makes: core's tables from {@code org/shoptalk/core/db/baseline/core-schema-99.sql} (written from the
 * migrations, the same on H2 and PostgreSQL), Quartz's tables and lock rows as {@link V2__quartz_tables} makes them,
 * and the Quartz indexes V77, V92, V94 and V99 leave on each database. {@code BaselineSchemaTest} builds a database
 * both ways on both databases and compares columns, indexes, constraints and rows, so a change to a migration up to
 * V99 that this does not follow fails the build.
 *
 * <p>Core's later migrations are numbered above 99 and below 100 (V99.1, V99.2, ...), so that they run after this on a
 * new database and in order on an existing one; the adapters' ranges (100-199 Slack, 200-299 Teams) are unchanged.
 */
public class B99__core_schema extends BaselineJavaMigration {
    static final String CORE_SCHEMA = "org/shoptalk/core/db/baseline/core-schema-99.sql";
    private static final String V99 = "org/shoptalk/core/db/migration/V99__quartz_acquisition_index_with_priority.sql";

    @Override
    public void migrate(Context context) throws Exception {
        Dialect dialect = Dialect.of(context.getConnection().getMetaData().getURL());
        new V2__quartz_tables().migrate(context);
        try (Statement st = context.getConnection().createStatement()) {
            for (String sql : V2__quartz_tables.statements(V2__quartz_tables.read(CORE_SCHEMA))) {
                st.execute(sql);
            }
            for (String sql : quartzIndexes(dialect)) {
                st.execute(sql);
            }
        }
    }

    /**
     * What V77 (H2: Quartz's PostgreSQL indexes), V92 (PostgreSQL) or V94 (H2: the unused ones dropped) and V99 (the
     * acquisition index with the priority) do to the indexes V2 left. On H2 only the indexes V94 keeps are made, not
     * all of them and then dropped; on PostgreSQL V2's script makes them all, as it did before, and V92's are dropped.
     * V99 then replaces the acquisition index on both.
     */
    private static List<String> quartzIndexes(Dialect dialect) {
        List<String> statements = new ArrayList<>();
        switch (dialect) {
            case H2 -> {
                for (String sql : V2__quartz_tables.statements(V2__quartz_tables.read(Dialect.POSTGRES.quartzDdl()))) {
                    String[] words = sql.split("\\s+", 4);
                    if (sql.toUpperCase(Locale.ROOT).startsWith("CREATE INDEX")
                            && !V94__quartz_indexes_trimmed_on_h2.DROPPED.contains(words[2])) {
                        statements.add(sql);
                    }
                }
            }
            case POSTGRES -> {
                for (String index : V92__quartz_indexes_trimmed_on_postgres.DROPPED) {
                    statements.add("DROP INDEX IF EXISTS " + index);
                }
            }
        }
        statements.addAll(V2__quartz_tables.statements(V2__quartz_tables.read(V99)));
        return statements;
    }
}

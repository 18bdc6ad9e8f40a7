package org.shoptalk.core.db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.shoptalk.core.db.Dialect;

/**
 * Creates Quartz's job-store tables from the DDL that ships inside the Quartz jar, so our schema
 * always matches the Quartz version we run, on H2 and on PostgreSQL alike.
 */
public class V2__quartz_tables extends BaseJavaMigration {
    /** The Quartz scheduler name every Shoptalk instance uses; instances of one cluster share it. */
    public static final String SCHEDULER_NAME = "shoptalk";

    @Override
    public void migrate(Context context) throws Exception {
        Dialect dialect = Dialect.of(context.getConnection().getMetaData().getURL());
        try (Statement st = context.getConnection().createStatement()) {
            for (String sql : statements(read(dialect.quartzDdl()))) {
                st.execute(sql);
            }
            // Quartz creates lock rows lazily; seeding them avoids a race between replicas' first start.
            for (String lock : new String[] {"TRIGGER_ACCESS", "STATE_ACCESS"}) {
                st.execute("INSERT INTO QRTZ_LOCKS (SCHED_NAME, LOCK_NAME) VALUES ('" + SCHEDULER_NAME + "', '" + lock
                        + "')");
            }
        }
    }

    static String read(String resource) {
        try (InputStream in = V2__quartz_tables.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Quartz DDL not on the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits the script into statements, leaving out comments and the transaction control it carries. */
    static List<String> statements(String script) {
        StringBuilder cleaned = new StringBuilder();
        for (String line : script.split("\\R", -1)) {
            String t = line.strip();
            if (t.startsWith("--") || t.startsWith("#") || t.isEmpty()) {
                continue;
            }
            cleaned.append(line).append('\n');
        }
        List<String> statements = new ArrayList<>();
        for (String s : cleaned.toString().split(";", -1)) {
            String sql = s.strip();
            String upper = sql.toUpperCase(java.util.Locale.ROOT);
            if (sql.isEmpty()
                    || upper.equals("COMMIT")
                    || upper.startsWith("BEGIN")
                    || upper.startsWith("SET ")
                    || upper.startsWith("DROP TABLE")) {
                continue;
            }
            statements.add(sql);
        }
        return statements;
    }
}

package org.shoptalk.core.db.migration;

import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.shoptalk.core.db.Dialect;

/**
 * Gives Quartz's tables on H2 the indexes Quartz's own PostgreSQL script creates: the H2 script has none, so every
 * trigger acquisition walked all waiting triggers (a few per guild), and firing many moments at once slowed down as
 * guilds grew. The statements are read from the Quartz jar, as {@link V2__quartz_tables} reads the tables, so they
 * always match the Quartz version we run. PostgreSQL has them already; nothing happens there.
 */
public class V77__quartz_indexes_on_h2 extends BaseJavaMigration {
    private static final String POSTGRES_DDL = Dialect.POSTGRES.quartzDdl();

    @Override
    public void migrate(Context context) throws Exception {
        if (Dialect.of(context.getConnection().getMetaData().getURL()) != Dialect.H2) {
            return;
        }
        try (Statement st = context.getConnection().createStatement()) {
            for (String sql : V2__quartz_tables.statements(V2__quartz_tables.read(POSTGRES_DDL))) {
                if (sql.toUpperCase(Locale.ROOT).startsWith("CREATE INDEX")) {
                    st.execute(sql);
                }
            }
        }
    }
}

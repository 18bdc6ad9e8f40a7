package org.shoptalk.core.testing;

import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.DbSettings;
import org.shoptalk.core.db.migration.V2__quartz_tables;
import org.shoptalk.core.db.migration.V77__quartz_indexes_on_h2;
import org.shoptalk.core.db.migration.V92__quartz_indexes_trimmed_on_postgres;
import org.shoptalk.core.db.migration.V94__quartz_indexes_trimmed_on_h2;

/**
 * Flyway set up as before core's baseline migration existed: core's versioned migrations only, one by one, as every
 * database made by an earlier release went through them. Flyway scanning core's location would find the baseline
 * ({@code B99__core_schema}) too and apply it to any empty schema, whatever the target; so core's Java migrations are
 * named here instead of scanned. A new versioned Java migration up to V99 belongs in this list, or
 * {@code BaselineSchemaTest} fails: the database made one by one would lack it.
 */
public final class VersionedMigrations {
    private VersionedMigrations() {}

    /** Core's versioned migrations on these settings, out of order allowed as {@link Database} allows it. */
    public static FluentConfiguration configure(DbSettings settings) {
        return Flyway.configure()
                .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations(Database.CORE_MIGRATIONS)
                .javaMigrationClassProvider(() -> List.of(
                        V2__quartz_tables.class,
                        V77__quartz_indexes_on_h2.class,
                        V92__quartz_indexes_trimmed_on_postgres.class,
                        V94__quartz_indexes_trimmed_on_h2.class))
                .outOfOrder(true);
    }
}

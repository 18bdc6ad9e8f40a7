package org.shoptalk.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.shoptalk.core.testing.TestDatabases;
import org.shoptalk.core.testing.VersionedMigrations;

/**
 * A new database gets core's schema from one baseline migration ({@code B99__core_schema}); an existing one keeps
 * going through the versioned migrations. Both must end with the same schema, or a new installation and an upgraded
 * one would behave differently: this builds one database each way, on H2 and PostgreSQL, and compares them.
 */
class BaselineSchemaTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_new_database_made_from_the_baseline_has_the_schema_the_migrations_one_by_one_give(TestDatabases.Kind kind)
            throws SQLException {
        DbSettings fromBaseline = TestDatabases.fresh(kind);
        DbSettings oneByOne = TestDatabases.fresh(kind);
        try (Database db = Database.start(fromBaseline)) {
            // The baseline first, then only what came after it.
            assertThat(appliedVersions(db)).startsWith("99 JDBC_BASELINE").doesNotContain("1 SQL", "99 SQL");
        }
        migrateOneByOne(oneByOne);

        assertThat(describe(fromBaseline)).isEqualTo(describe(oneByOne)).isNotEmpty();
    }

    /**
     * The database an earlier release made, through every migration: it starts as before and never runs the baseline,
     * which would try to make tables it has.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_database_made_one_migration_at_a_time_starts_without_the_baseline(TestDatabases.Kind kind) {
        DbSettings existing = TestDatabases.fresh(kind);
        migrateOneByOne(existing);
        try (Database db = Database.start(existing)) {
            assertThat(appliedVersions(db))
                    .contains("1 SQL", "2 JDBC", "99 SQL")
                    .doesNotContain("99 JDBC_BASELINE");
            long guilds = db.withHandle(h -> h.count("SELECT COUNT(*) FROM guild"));
            assertThat(guilds).isZero();
        }
    }

    /** What a database made before the baseline existed went through: every versioned migration in order. */
    private static void migrateOneByOne(DbSettings settings) {
        VersionedMigrations.configure(settings).load().migrate();
    }

    private static List<String> appliedVersions(Database db) {
        return db.withHandle(h -> h.query(
                "SELECT \"version\", \"type\" FROM \"flyway_schema_history\""
                        + " WHERE \"success\" AND \"version\" IS NOT NULL"
                        + " ORDER BY \"installed_rank\"",
                rs -> rs.getString(1) + " " + rs.getString(2)));
    }

    private static List<String> describe(DbSettings settings) throws SQLException {
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password())) {
            return SchemaDescription.of(c);
        }
    }
}

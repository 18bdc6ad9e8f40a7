package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.DbSettings;
import org.shoptalk.core.testing.TestDatabases;
import org.shoptalk.core.testing.VersionedMigrations;
import org.shoptalk.slack.SlackAdapter;
import org.shoptalk.teams.TeamsAdapter;

/**
 * A database made by an earlier release upgrades when the new release starts on it. Core's migrations are numbered
 * 1-99 and the adapters' 100-199 and 200-299, so every database already holds the adapters' tables when a later core
 * migration (intervisie, the record, retention, the rhythm) arrives with a lower number than theirs.
 */
class UpgradeFromEarlierReleaseTest {

    /** The last core migration of the release before intervisie: what a guild installed in November 2026 has. */
    private static final String RELEASE_BEFORE_INTERVISIE = "85";

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_database_from_the_release_before_intervisie_upgrades_and_keeps_its_guilds(TestDatabases.Kind kind)
            throws SQLException {
        DbSettings settings = TestDatabases.fresh(kind);
        migrateAsTheEarlierReleaseDid(settings);
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO guild (tenant, name, name_key, language, time_zone, digest_day, digest_time,"
                    + " created_by, created_at) VALUES ('local', 'Zorg', 'zorg', 'nl', 'Europe/Amsterdam', 'FRIDAY',"
                    + " '16:00', 'lea', CURRENT_TIMESTAMP)");
        }

        try (Database db = Database.start(settings, SlackAdapter.MIGRATIONS, TeamsAdapter.MIGRATIONS)) {
            List<String> guilds = db.withHandle(h -> h.query("SELECT name FROM guild", rs -> rs.getString(1)));
            assertThat(guilds).containsExactly("Zorg");
            // Tables of the migrations that came after the adapters' are there and usable.
            long sessions = db.withHandle(h -> h.count("SELECT COUNT(*) FROM intervisie"));
            long checkIns = db.withHandle(h -> h.count("SELECT COUNT(*) FROM pair_checkin"));
            assertThat(sessions + checkIns).isZero();
        }
        // Core's baseline (B99) is for new databases only: this one leaves it unapplied and applies every versioned
        // migration.
        assertThat(Stream.of(flyway(settings).info().all())
                        .filter(m -> !m.getType().isBaseline()))
                .as("every migration applied, none pending or ignored")
                .allSatisfy(m -> assertThat(m.getState().isApplied())
                        .as("V%s %s", m.getVersion(), m.getState())
                        .isTrue());
        assertThat(List.of(flyway(settings).info().all()))
                .anySatisfy(m -> assertThat(m.getState()).isEqualTo(MigrationState.OUT_OF_ORDER));
    }

    /**
     * Core up to {@link #RELEASE_BEFORE_INTERVISIE}, then the adapters' own migrations on top, as each start of that
     * release left the schema history.
     */
    private static void migrateAsTheEarlierReleaseDid(DbSettings settings) {
        VersionedMigrations.configure(settings)
                .target(RELEASE_BEFORE_INTERVISIE)
                .load()
                .migrate();
        Flyway.configure()
                .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations(SlackAdapter.MIGRATIONS, TeamsAdapter.MIGRATIONS)
                // Core's migrations are applied but not on this location list: not an error for this set-up step.
                .ignoreMigrationPatterns("*:missing")
                .load()
                .migrate();
    }

    private static Flyway flyway(DbSettings settings) {
        return Flyway.configure()
                .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations(Database.CORE_MIGRATIONS, SlackAdapter.MIGRATIONS, TeamsAdapter.MIGRATIONS)
                .load();
    }
}

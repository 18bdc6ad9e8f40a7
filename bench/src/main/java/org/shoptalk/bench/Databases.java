package org.shoptalk.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Fresh, empty databases for each measurement: an H2 file, or a new database in one embedded PostgreSQL. */
final class Databases implements AutoCloseable {
    /** Where a database is, as the app's SHOPTALK_DB_* variables take it. */
    record Target(String url, String user, String password) {
        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    private final Path dir;
    private EmbeddedPostgres postgres;

    Databases(Path dir) {
        this.dir = dir;
    }

    Target fresh(String kind, String name) throws IOException, SQLException {
        return switch (kind) {
            case "h2" ->
                new Target(
                        "jdbc:h2:file:" + dir.resolve(name).resolve("shoptalk").toAbsolutePath(), "sa", "");
            case "postgres" -> {
                if (postgres == null) {
                    postgres = EmbeddedPostgres.builder().start();
                }
                try (Connection c = postgres.getPostgresDatabase().getConnection();
                        Statement st = c.createStatement()) {
                    st.execute("CREATE DATABASE " + name);
                }
                yield new Target(postgres.getJdbcUrl("postgres", name), "postgres", "postgres");
            }
            default -> throw new IllegalArgumentException("bench.databases: h2 or postgres, not " + kind);
        };
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}

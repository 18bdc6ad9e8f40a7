package org.shoptalk.core.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.shoptalk.core.db.DbSettings;

/**
 * A PostgreSQL server of its own for a test that takes the database away: {@link #stop()} shuts the server down
 * as an outage would, {@link #start()} brings it back on the same port with the same data. Not shared with
 * {@link TestDatabases}, whose server other tests rely on. Not thread-safe.
 */
public final class StoppablePostgres implements AutoCloseable {
    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private StoppablePostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** Starts a fresh server with one database, {@code shoptalk}. */
    public static StoppablePostgres started() {
        try {
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            StoppablePostgres pg = new StoppablePostgres(Files.createTempDirectory("shoptalk-pg-"), port);
            pg.start();
            try (Connection c = pg.server.getPostgresDatabase().getConnection();
                    Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE shoptalk");
            }
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public DbSettings settings() {
        return new DbSettings("jdbc:postgresql://localhost:" + port + "/shoptalk", "postgres", "postgres", 5);
    }

    /** Brings the server (back) up; returns once it accepts connections. */
    public void start() {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start again", e);
        }
    }

    /** Shuts the server down (pg_ctl stop): open connections are closed, new ones refused. */
    public void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop", e);
        }
        server = null;
    }

    /** Stops the server if it runs and deletes its data. */
    @Override
    public void close() {
        if (server != null) {
            stop();
        }
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}

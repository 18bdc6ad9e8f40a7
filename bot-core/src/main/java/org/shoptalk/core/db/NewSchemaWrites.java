package org.shoptalk.core.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Lets the embedded H2 write the schema of a new, empty database in a few stores instead of one per statement, and
 * puts {@code WRITE_DELAY=0} back, written to the file, before anything else uses the database (issue 13: the first
 * start to /readyz within 3 s; docs/performance.md, "The first start on a new H2 database").
 *
 * <p>Why it is safe: H2 commits each DDL statement on its own, and with {@code WRITE_DELAY=0} it stores a new version
 * of its file at each of those commits and at each row Flyway adds to its history: 344 file writes for a first start,
 * 5 with this.
 * An MVStore store is atomic, whatever the delay: the file always holds the database as of one moment, so a process
 * killed while migrating leaves either an empty database or the same kind of prefix of the migrations it could leave
 * before, and the next start migrates it as it would have. Nobody else can have written anything: the schema was
 * empty, the file is this process's own ({@link DbSettings#ownsH2FileWrites()}), and core is built only after
 * {@link #restore} has returned. A connection the pool opened meanwhile would set {@code WRITE_DELAY=0} again from its
 * URL, which would only cost the speed; the pool is made to open all of its connections first.
 *
 * <p>PostgreSQL, H2 in memory or through a server, and a URL that chooses its own write delay are never touched.
 */
final class NewSchemaWrites {
    /** Longer than any migration takes: H2 stores only when its unsaved changes outgrow its buffer, or at the end. */
    static final int RELAXED_WRITE_DELAY_MS = 60_000;

    /** H2's {@code ErrorCode.ADMIN_RIGHTS_REQUIRED}: only an admin may set the write delay. */
    private static final int ADMIN_RIGHTS_REQUIRED = 90040;

    private NewSchemaWrites() {}

    /**
     * Relaxes the write delay when {@code settings} allow it and the current schema holds no table at all.
     *
     * @return true when relaxed: the caller must then call {@link #restore} whether migrating succeeds or fails
     */
    static boolean relaxIfEmpty(DataSource pool, DbSettings settings) throws SQLException {
        if (!settings.ownsH2FileWrites()) {
            return false;
        }
        List<Connection> held = new ArrayList<>();
        try {
            Connection first = pool.getConnection();
            held.add(first);
            if (!emptySchema(first)) {
                return false;
            }
            // Each connection the pool opens sets WRITE_DELAY=0 again from its URL (measured: 2 first starts of 3 had
            // theirs undone that way while the pool filled). Holding as many as the pool may open makes it open them
            // all now, so that none opens while migrating.
            try {
                while (held.size() < settings.maxPoolSize()) {
                    held.add(pool.getConnection());
                }
            } catch (SQLException slow) {
                // The pool did not fill within its connection timeout: migrate with every commit written, as before.
                return false;
            }
            try (Statement st = first.createStatement()) {
                st.execute("SET WRITE_DELAY " + RELAXED_WRITE_DELAY_MS);
            } catch (SQLException e) {
                if (e.getErrorCode() == ADMIN_RIGHTS_REQUIRED) {
                    // A user who may not change it migrates with every commit written, as before.
                    return false;
                }
                throw e;
            }
            return true;
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }

    private static boolean emptySchema(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet tables = st.executeQuery(
                        "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = CURRENT_SCHEMA")) {
            tables.next();
            return tables.getLong(1) == 0;
        }
    }

    /** Puts {@code WRITE_DELAY=0} back and writes everything committed so far to the file. */
    static void restore(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            st.execute("SET WRITE_DELAY 0");
            st.execute("CHECKPOINT");
        }
    }
}

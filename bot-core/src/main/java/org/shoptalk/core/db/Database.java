package org.shoptalk.core.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.shoptalk.core.Failures;

/**
 * The application's database: a connection pool, schema migrations at start, and transactions.
 * Thread-safe.
 *
 * <p>Migrations live under {@code org/shoptalk/core/db/migration} (versions 1-99); adapters may add
 * their own location with versions of their own range (Slack 100-199, Teams 200-299). Flyway takes a
 * database lock while migrating, so several replicas starting at once are safe. A new, empty database gets core's
 * versions 1-99 from one baseline migration ({@link org.shoptalk.core.db.migration.B99__core_schema}); core's later
 * migrations are numbered 99.1, 99.2 and so on.
 *
 * <p>Migrations are applied <em>out of order</em> (Flyway's {@code outOfOrder}): every database already holds the
 * adapters' versions, so a new core migration is always numbered below the highest applied one, and Flyway would
 * otherwise refuse to start ("resolved migration not applied"). The ranges touch separate tables, so core's and an
 * adapter's migrations do not depend on each other's order.
 *
 * <p>Work waits for a connection at most {@link DbSettings#connectionTimeout()} and then fails with a
 * {@link DatabaseException}; a commit on the embedded H2 is in its file before it returns ({@link DbSettings#jdbcUrl()}).
 */
public final class Database implements AutoCloseable {
    public static final String CORE_MIGRATIONS = "classpath:org/shoptalk/core/db/migration";

    private final HikariDataSource pool;
    /** What work takes its connections from: the pool, as {@link #observer} sees it. */
    private final DataSource dataSource;

    private final DbSettings settings;
    private final UnaryOperator<DataSource> observer;
    private final List<HikariDataSource> sidePools = new CopyOnWriteArrayList<>();

    private Database(HikariDataSource pool, DbSettings settings, UnaryOperator<DataSource> observer) {
        this.pool = pool;
        this.dataSource = observer.apply(pool);
        this.settings = settings;
        this.observer = observer;
    }

    /** Opens the pool and brings the schema up to date with core's and the given extra migration locations. */
    public static Database start(DbSettings settings, String... extraMigrationLocations) {
        return start(settings, UnaryOperator.identity(), extraMigrationLocations);
    }

    /**
     * As {@link #start(DbSettings, String...)}, with every connection of this database (its pool and its
     * {@linkplain #sidePool side pools}) handed out through {@code observer}: a wrapper that counts statements and
     * transactions, for tests and the benchmark that hold the number of round trips per unit of work (issue 13).
     * Migrations run unobserved.
     */
    public static Database start(
            DbSettings settings, UnaryOperator<DataSource> observer, String... extraMigrationLocations) {
        List<String> locations = new ArrayList<>();
        locations.add(CORE_MIGRATIONS);
        locations.addAll(List.of(extraMigrationLocations));
        // The pool opens at its first connection, below, so that Flyway's set-up (its plugins, some 300 classes) runs
        // beside H2 opening its files: both are a good part of the start (issue 13), and neither needs the other.
        HikariDataSource ds = new HikariDataSource();
        config(settings, "shoptalk", settings.maxPoolSize()).copyStateTo(ds);
        CompletableFuture<Flyway> flyway = new CompletableFuture<>();
        Thread setUp = new Thread(
                () -> {
                    try {
                        flyway.complete(Flyway.configure()
                                .dataSource(ds)
                                .locations(locations.toArray(String[]::new))
                                .outOfOrder(true)
                                // No SQL callbacks (beforeMigrate.sql...) live in the locations: do not look for them.
                                .skipDefaultCallbacks(true)
                                .load());
                    } catch (RuntimeException | Error e) {
                        flyway.completeExceptionally(e);
                    }
                },
                "shoptalk-flyway-set-up");
        setUp.setDaemon(true);
        setUp.start();
        try {
            // The pool opens here, and H2's files with it: a database that is away fails the start here, as before.
            try (Connection first = ds.getConnection()) {
                first.isReadOnly();
            } catch (SQLException e) {
                throw DatabaseException.of("connection", e);
            }
            migrate(Failures.await(flyway, "setting up migrations"), ds, settings);
            return new Database(ds, settings, observer);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    /**
     * Applies and validates every migration. A new embedded H2 database gets its schema with fewer stores to its file,
     * and {@code WRITE_DELAY=0} back before this returns or throws ({@link NewSchemaWrites}).
     */
    private static void migrate(Flyway flyway, DataSource ds, DbSettings settings) {
        boolean relaxed;
        try {
            relaxed = NewSchemaWrites.relaxIfEmpty(ds, settings);
        } catch (SQLException e) {
            throw DatabaseException.of("connection", e);
        }
        try {
            flyway.migrate();
        } catch (RuntimeException e) {
            if (relaxed) {
                try {
                    NewSchemaWrites.restore(ds);
                } catch (SQLException restoreFailed) {
                    e.addSuppressed(restoreFailed);
                }
            }
            throw e;
        }
        if (relaxed) {
            try {
                NewSchemaWrites.restore(ds);
            } catch (SQLException e) {
                throw DatabaseException.of("restoring durable commits", e);
            }
        }
    }

    private static HikariDataSource pool(DbSettings settings, String name, int size) {
        return new HikariDataSource(config(settings, name, size));
    }

    private static HikariConfig config(DbSettings settings, String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(size);
        config.setPoolName(name);
        config.setAutoCommit(true);
        // Fail fast when the database is away: a request gets an answer (503) in time for Slack to retry it,
        // rather than waiting on the pool's default 30 s. Checking a pooled connection takes at most half of that.
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setValidationTimeout(settings.connectionTimeout().toMillis() / 2);
        return config;
    }

    /**
     * A pool of its own for a component that takes connections while work already holds one, closed with this
     * database. Quartz is that component: planning inside a transaction takes a second connection, and from the main
     * pool that second connection could be one that only the waiting work itself would give back (with every
     * connection held by work that plans, each waits the connection timeout and fails). From its own pool it never
     * waits on work.
     *
     * @param name the pool's name in metrics and logs
     * @param size connections at most, at least 1
     */
    public DataSource sidePool(String name, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a pool needs at least 1 connection, got " + size);
        }
        HikariDataSource side = pool(settings, name, size);
        sidePools.add(side);
        return observer.apply(side);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return settings.dialect();
    }

    /** Runs the work in one transaction: all of it is stored, or none of it. */
    public <T> T inTransaction(Function<Handle, T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            T result;
            try {
                result = work.apply(new Handle(c, settings.dialect()));
                c.commit();
            } catch (RuntimeException | Error | SQLException e) {
                // On a connection the database dropped, the rollback fails too ("connection is closed", no SQLSTATE):
                // the first failure says what happened and whether a retry may succeed, so it is the one thrown.
                try {
                    c.rollback();
                } catch (SQLException rollbackFailed) {
                    e.addSuppressed(rollbackFailed);
                }
                throw e;
            }
            c.setAutoCommit(true);
            return result;
        } catch (SQLException e) {
            throw failure("transaction", e);
        }
    }

    public void useTransaction(Consumer<Handle> work) {
        inTransaction(h -> {
            work.accept(h);
            return null;
        });
    }

    /** Runs the work with auto-commit: each statement stands on its own. */
    public <T> T withHandle(Function<Handle, T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(new Handle(c, settings.dialect()));
        } catch (SQLException e) {
            throw failure("connection", e);
        }
    }

    /** A closed pool (the instance is stopping) is as unavailable as a database that went away. */
    private DatabaseException failure(String what, SQLException e) {
        return pool.isClosed() ? new DatabaseUnavailableException(what, e) : DatabaseException.of(what, e);
    }

    /**
     * True when a connection can be had within the {@linkplain DbSettings#connectionTimeout() connection timeout}
     * and answers within a second more: a database that is away is reported in about that time, never later.
     */
    public boolean isReachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        sidePools.forEach(HikariDataSource::close);
        pool.close();
    }
}

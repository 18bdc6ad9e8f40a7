package org.shoptalk.app;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.SQLException;
import org.shoptalk.core.db.Database;

/**
 * The database in the metrics: {@code shoptalk_database_up}, 1 when the database answered at this scrape and 0 when
 * it did not within the connection timeout plus a second, and the connection pool's own figures from HikariCP
 * ({@code hikaricp_connections_timeout_total} counts work that gave up waiting for a connection). Thread-safe.
 */
final class DatabaseMetrics implements MeterBinder {
    private final Database database;

    DatabaseMetrics(Database database) {
        this.database = database;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("shoptalk.database.up", database, db -> db.isReachable() ? 1 : 0)
                .description("1 when the database answered at this scrape, 0 when it is away")
                .register(registry);
        try {
            database.dataSource().unwrap(HikariDataSource.class).setMetricRegistry(registry);
        } catch (SQLException e) {
            throw new IllegalStateException("the database pool is not HikariCP", e);
        }
    }
}

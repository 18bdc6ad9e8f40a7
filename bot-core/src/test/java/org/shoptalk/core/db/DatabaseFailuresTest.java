package org.shoptalk.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.shoptalk.core.Failures;
import org.shoptalk.core.testing.TestDatabases;

/** A database that is away is a transient failure; a statement the database refuses is not. */
class DatabaseFailuresTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_value_the_database_refuses_is_a_permanent_failure(TestDatabases.Kind kind) {
        try (Database db = Database.start(TestDatabases.fresh(kind))) {
            db.withHandle(h -> h.update("CREATE TABLE short_text (v VARCHAR(5) NOT NULL)"));

            Throwable refused = catchThrowable(() ->
                    db.useTransaction(h -> h.update("INSERT INTO short_text (v) VALUES (?)", "far too long for five")));

            assertThat(refused)
                    .isInstanceOf(DatabaseException.class)
                    .isNotInstanceOf(DatabaseUnavailableException.class);
            assertThat(Failures.isTransient(refused)).isFalse();
        }
    }

    @Test
    void a_closed_pool_is_a_transient_failure() {
        Database db = Database.start(TestDatabases.h2());
        db.close();

        Throwable gone = catchThrowable(() -> db.withHandle(h -> h.count("SELECT 1")));

        assertThat(gone).isInstanceOf(DatabaseUnavailableException.class);
        assertThat(Failures.isTransient(gone)).isTrue();
    }

    @Test
    void a_connection_the_server_ended_is_a_transient_failure() {
        DbSettings settings = TestDatabases.postgres();
        try (Database db = Database.start(settings)) {
            Throwable ended = catchThrowable(() -> db.withHandle(h -> {
                long pid = h.count("SELECT pg_backend_pid()");
                try (Connection admin =
                                DriverManager.getConnection(settings.url(), settings.user(), settings.password());
                        Statement st = admin.createStatement()) {
                    st.execute("SELECT pg_terminate_backend(" + pid + ")");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
                return h.count("SELECT 1");
            }));

            assertThat(ended).isInstanceOf(DatabaseUnavailableException.class);
            assertThat(Failures.isTransient(ended)).isTrue();
        }
    }
}

package org.shoptalk.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shoptalk.core.testing.Await;
import org.shoptalk.core.testing.StoppablePostgres;

/** A PostgreSQL that goes away is noticed within the connection timeout, and work resumes when it is back. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseAwayTest {
    private StoppablePostgres postgres;
    private Database db;

    @BeforeAll
    void start() {
        postgres = StoppablePostgres.started();
        db = Database.start(postgres.settings());
    }

    @AfterAll
    void stop() {
        if (db != null) {
            db.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void databaseIsThere() throws InterruptedException {
        Await.until(db::isReachable, Duration.ofSeconds(10));
    }

    @Test
    void a_transaction_the_database_walks_out_of_fails_as_unavailable_not_as_a_refusal() {
        try {
            assertThatThrownBy(() -> db.useTransaction(h -> {
                        postgres.stop();
                        h.count("SELECT COUNT(*) FROM guild");
                    }))
                    .isInstanceOf(DatabaseUnavailableException.class);
        } finally {
            postgres.start();
        }
    }

    @Test
    void work_on_a_database_that_went_away_fails_within_the_connection_timeout_and_resumes_when_it_is_back()
            throws InterruptedException {
        assertThat(db.isReachable()).isTrue();
        assertThat(db.<Long>withHandle(h -> h.count("SELECT COUNT(*) FROM guild")))
                .isZero();

        postgres.stop();
        try {
            long start = System.nanoTime();
            assertThatThrownBy(() -> db.withHandle(h -> h.count("SELECT COUNT(*) FROM guild")))
                    .isInstanceOf(DatabaseException.class);
            Duration failed = Duration.ofNanos(System.nanoTime() - start);
            start = System.nanoTime();
            boolean reachable = db.isReachable();
            Duration checked = Duration.ofNanos(System.nanoTime() - start);

            assertThat(failed).as("time to fail a statement").isLessThan(Duration.ofMillis(1_500));
            assertThat(reachable).isFalse();
            assertThat(checked).as("time to tell the database is away").isLessThan(Duration.ofMillis(1_500));
        } finally {
            postgres.start();
        }

        // The pool makes new connections by itself, after a short back-off.
        Await.until(db::isReachable, Duration.ofSeconds(10));
        assertThat(db.<Long>withHandle(h -> h.count("SELECT COUNT(*) FROM guild")))
                .isZero();
    }
}

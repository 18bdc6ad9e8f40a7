package org.shoptalk.slack;

import com.slack.api.bolt.service.OAuthStateService;
import java.time.Clock;
import java.time.Duration;
import org.shoptalk.core.db.Database;

/**
 * OAuth state values kept in the database, so an install started on one instance can finish on
 * another. Together with Bolt's browser cookie this checks that the callback belongs to an install
 * this browser started here, within ten minutes, once. Thread-safe.
 */
final class JdbcOAuthStateService implements OAuthStateService {
    private final Database database;
    private final Clock clock;

    JdbcOAuthStateService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public void addNewStateToDatastore(String state) {
        database.withHandle(h -> {
            h.update("DELETE FROM slack_oauth_state WHERE expires_at < ?", clock.instant());
            return h.update(
                    "INSERT INTO slack_oauth_state (state, expires_at) VALUES (?, ?)",
                    state,
                    clock.instant().plus(Duration.ofSeconds(getExpirationInSeconds())));
        });
    }

    @Override
    public boolean isAvailableInDatabase(String state) {
        return database.withHandle(h -> h.count(
                        "SELECT COUNT(*) FROM slack_oauth_state WHERE state = ? AND expires_at >= ?",
                        state,
                        clock.instant())
                > 0);
    }

    @Override
    public void deleteStateFromDatastore(String state) {
        database.withHandle(h -> h.update("DELETE FROM slack_oauth_state WHERE state = ?", state));
    }
}

package org.shoptalk.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.DbSettings;
import org.shoptalk.core.testing.MutableClock;
import org.shoptalk.core.testing.TestDatabases;

/** Digest links open one guild's digest while they are genuine and current, and nothing otherwise. */
class DigestTokensTest {
    private static final Instant NOW = Instant.parse("2026-11-27T15:00:00Z");
    private static final String SECRET = "correct horse battery staple";
    private final MutableClock clock = new MutableClock(NOW);
    private final DigestTokens tokens = DigestTokens.withSecret(SECRET, clock);

    private String token() {
        return tokens.issue(42, NOW, NOW.plus(Duration.ofDays(60)));
    }

    @Test
    void a_token_opens_its_guild_and_period() {
        assertThat(tokens.check(token()))
                .isEqualTo(new DigestTokens.Access.Granted(42, NOW, NOW.plus(Duration.ofDays(60))));
    }

    @Test
    void a_token_is_url_safe_and_names_no_one() {
        assertThat(token()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
    }

    @Test
    void changing_any_single_character_refuses_the_token() {
        String token = token();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
        for (int i = 0; i < token.length(); i++) {
            for (char c : new char[] {
                alphabet.charAt((alphabet.indexOf(token.charAt(i)) + 1) % alphabet.length()),
                alphabet.charAt((alphabet.indexOf(token.charAt(i)) + 2) % alphabet.length()),
                '%'
            }) {
                String changed = token.substring(0, i) + c + token.substring(i + 1);
                assertThat(tokens.check(changed))
                        .as("changed at %d to %s", i, c)
                        .isEqualTo(new DigestTokens.Access.Refused());
            }
        }
    }

    @Test
    void a_token_expires_at_its_time_and_not_before() {
        String token = token();
        clock.set(NOW.plus(Duration.ofDays(60)).minusSeconds(1));
        assertThat(tokens.check(token)).isInstanceOf(DigestTokens.Access.Granted.class);
        clock.set(NOW.plus(Duration.ofDays(60)));
        assertThat(tokens.check(token)).isEqualTo(new DigestTokens.Access.Expired());
    }

    @Test
    void an_expired_token_that_was_changed_is_refused_not_expired() {
        String token = token();
        clock.set(NOW.plus(Duration.ofDays(61)));
        String changed = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        assertThat(tokens.check(changed)).isEqualTo(new DigestTokens.Access.Refused());
    }

    @Test
    void another_secret_refuses_the_token() {
        DigestTokens other = DigestTokens.withSecret(SECRET + "!", clock);
        assertThat(other.check(token())).isEqualTo(new DigestTokens.Access.Refused());
    }

    @Test
    void garbage_is_refused() {
        for (String bad : new String[] {"", ".", "abc", "a.b.c", "..", "x".repeat(500), "é.é"}) {
            assertThat(tokens.check(bad)).as(bad).isEqualTo(new DigestTokens.Access.Refused());
        }
        assertThat(tokens.check(null)).isEqualTo(new DigestTokens.Access.Refused());
    }

    @Test
    void a_stored_key_is_made_once_and_survives_a_restart() {
        DbSettings settings = TestDatabases.h2();
        Clock fixed = Clock.fixed(NOW, ZoneOffset.UTC);
        String token;
        try (Database db = Database.start(settings)) {
            token = DigestTokens.withStoredKey(db, fixed).issue(7, NOW, NOW.plusSeconds(3600));
            assertThat(DigestTokens.withStoredKey(db, fixed).check(token))
                    .isInstanceOf(DigestTokens.Access.Granted.class);
        }
        try (Database db = Database.start(settings)) {
            assertThat(DigestTokens.withStoredKey(db, fixed).check(token))
                    .isEqualTo(new DigestTokens.Access.Granted(7, NOW, NOW.plusSeconds(3600)));
        }
        try (Database other = Database.start(TestDatabases.h2())) {
            assertThat(DigestTokens.withStoredKey(other, fixed).check(token))
                    .isEqualTo(new DigestTokens.Access.Refused());
        }
    }
}

package org.shoptalk.core.digest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.secret.GeneratedSecrets;
import org.shoptalk.core.secret.SignedTokens;

/**
 * Signs and checks the tokens in digest links, as {@link SignedTokens} with the fields guildId and periodEnd (epoch
 * seconds). It opens one guild's digest, proves nothing else and carries no names. Thread-safe.
 */
public final class DigestTokens {
    private static final String PURPOSE = "shoptalk/digest-links/v1";
    private static final String STORED_KEY = "digest-links";
    private static final int MAX_TOKEN = 200;

    private final SignedTokens tokens;

    private DigestTokens(byte[] key, Clock clock) {
        this.tokens = new SignedTokens(key, clock, MAX_TOKEN);
    }

    /** Tokens signed with a key derived from the operator's secret (SHOPTALK_SECRET), so other uses of it get other keys. */
    public static DigestTokens withSecret(String secret, Clock clock) {
        return new DigestTokens(SignedTokens.keyFor(secret, PURPOSE), clock);
    }

    /**
     * Tokens signed with a random key kept in the database, made on first use. For running without a
     * configured secret: links survive restarts, and replicas sharing the database agree on the key.
     */
    public static DigestTokens withStoredKey(Database db, Clock clock) {
        return new DigestTokens(db.withHandle(h -> GeneratedSecrets.getOrCreate(h, STORED_KEY, clock)), clock);
    }

    /** What a token grants. */
    public sealed interface Access {
        /** Hands this to the visitor's method for its case: the exhaustive dispatch over {@link Access} (docs/code-layout.md). */
        <R> R accept(Visitor<R> v);

        /** One method per verdict, so a new verdict fails to compile until every page answers it. */
        interface Visitor<R> {
            R granted(Access.Granted x);

            R refused(Access.Refused x);

            R expired(Access.Expired x);
        }

        /** The token is genuine and current: it opens this guild's digest for the period ending at {@code periodEnd}. */
        record Granted(long guildId, Instant periodEnd, Instant expiresAt) implements Access {
            @Override
            public <R> R accept(Visitor<R> v) {
                return v.granted(this);
            }
        }

        /** Not a token we signed (mistyped, changed, or signed with another key). */
        record Refused() implements Access {
            @Override
            public <R> R accept(Visitor<R> v) {
                return v.refused(this);
            }
        }

        /** A genuine token whose time is up. */
        record Expired() implements Access {
            @Override
            public <R> R accept(Visitor<R> v) {
                return v.expired(this);
            }
        }
    }

    /** The period end is rounded up to the second, so the page still holds all that its digest held. */
    public String issue(long guildId, Instant periodEnd, Instant expiresAt) {
        long end = periodEnd.getEpochSecond() + (periodEnd.getNano() > 0 ? 1 : 0);
        return tokens.issue(List.of(Long.toString(guildId), Long.toString(end)), expiresAt);
    }

    public Access check(String token) {
        return tokens.check(token).fold(DigestTokens::granted, Access.Refused::new, Access.Expired::new);
    }

    private static Access granted(SignedTokens.Checked.Valid valid) {
        if (valid.fields().size() != 2) {
            return new Access.Refused();
        }
        try {
            return new Access.Granted(
                    Long.parseLong(valid.fields().get(0)),
                    Instant.ofEpochSecond(Long.parseLong(valid.fields().get(1))),
                    valid.expiresAt());
        } catch (RuntimeException e) {
            return new Access.Refused();
        }
    }
}

package org.shoptalk.core.digest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.secret.GeneratedSecrets;

/**
 * Signs and checks the tokens in digest links. A token is {@code base64url(guildId.periodEnd.expiresAt)}
 * (epoch seconds) + "." + {@code base64url(HMAC-SHA256(key, first part))}. It opens one guild's digest,
 * proves nothing else and carries no names. Thread-safe.
 */
public final class DigestTokens {
    private static final String MAC = "HmacSHA256";
    private static final byte[] PURPOSE = "shoptalk/digest-links/v1".getBytes(StandardCharsets.UTF_8);
    private static final String STORED_KEY = "digest-links";
    private static final int MAX_TOKEN = 200;
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final Clock clock;

    private DigestTokens(byte[] key, Clock clock) {
        this.key = new SecretKeySpec(key, MAC);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Tokens signed with a key derived from the operator's secret (SHOPTALK_SECRET), so other uses of it get other keys. */
    public static DigestTokens withSecret(String secret, Clock clock) {
        return new DigestTokens(hmac(secret.getBytes(StandardCharsets.UTF_8), PURPOSE), clock);
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
        String payload = guildId + "." + end + "." + expiresAt.getEpochSecond();
        String body = ENCODE.encodeToString(payload.getBytes(StandardCharsets.US_ASCII));
        return body + "." + sign(body);
    }

    public Access check(String token) {
        if (token == null || token.length() > MAX_TOKEN) {
            return new Access.Refused();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return new Access.Refused();
        }
        String body = token.substring(0, dot);
        // Compare the encoded text, not decoded bytes: base64 decoders ignore some bits of the last
        // character, and a link with any character changed must be refused.
        byte[] expected = sign(body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return new Access.Refused();
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(body), StandardCharsets.US_ASCII).split("\\.");
        } catch (IllegalArgumentException e) {
            return new Access.Refused();
        }
        if (parts.length != 3) {
            return new Access.Refused();
        }
        try {
            Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[2]));
            if (!clock.instant().isBefore(expires)) {
                return new Access.Expired();
            }
            return new Access.Granted(
                    Long.parseLong(parts[0]), Instant.ofEpochSecond(Long.parseLong(parts[1])), expires);
        } catch (RuntimeException e) {
            return new Access.Refused();
        }
    }

    private String sign(String body) {
        return ENCODE.encodeToString(hmac(key.getEncoded(), body.getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(new SecretKeySpec(key, MAC));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}

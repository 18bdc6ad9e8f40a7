package org.shoptalk.core.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Expiring signed tokens for links that are their own key (the digest page, the personal record): {@code
 * base64url(field1.field2...expiresAt)} + "." + {@code base64url(HMAC-SHA256(key, first part))}, with the expiry in
 * epoch seconds. Fields are short ASCII texts without dots; whoever issues a kind of token decides what they mean and
 * gives each kind its own key, so a token of one kind never opens another. Immutable and thread-safe.
 */
public final class SignedTokens {
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;
    private final Clock clock;
    private final int maxLength;

    /** @param maxLength the longest token {@link #check} reads; longer ones are refused unread */
    public SignedTokens(byte[] key, Clock clock, int maxLength) {
        this.key = key.clone();
        this.clock = Objects.requireNonNull(clock);
        this.maxLength = maxLength;
    }

    /** The key for one purpose from the operator's secret: HMAC-SHA256(secret, purpose). */
    public static byte[] keyFor(String secret, String purpose) {
        return Hkdf.hmac(secret.getBytes(StandardCharsets.UTF_8), purpose.getBytes(StandardCharsets.UTF_8));
    }

    /** What a token says. */
    public sealed interface Checked {
        /** One function per case: the exhaustive way to read a result, so a new case must say what it means. */
        <R> R fold(Function<Valid, R> valid, Supplier<R> refused, Supplier<R> expired);

        /** Genuine and current: the fields as issued. */
        record Valid(List<String> fields, Instant expiresAt) implements Checked {
            public Valid {
                fields = List.copyOf(fields);
            }

            @Override
            public <R> R fold(Function<Valid, R> valid, Supplier<R> refused, Supplier<R> expired) {
                return valid.apply(this);
            }
        }

        /** Not a token signed with this key (mistyped, changed, or of another kind). */
        record Refused() implements Checked {
            @Override
            public <R> R fold(Function<Valid, R> valid, Supplier<R> refused, Supplier<R> expired) {
                return refused.get();
            }
        }

        /** Genuine, but its time is up. */
        record Expired() implements Checked {
            @Override
            public <R> R fold(Function<Valid, R> valid, Supplier<R> refused, Supplier<R> expired) {
                return expired.get();
            }
        }
    }

    /**
     * A token carrying {@code fields}, valid until {@code expiresAt} (to the second).
     *
     * @throws IllegalArgumentException when a field is empty, contains a dot or is not ASCII
     */
    public String issue(List<String> fields, Instant expiresAt) {
        for (String f : fields) {
            if (f.isEmpty()
                    || f.indexOf('.') >= 0
                    || !StandardCharsets.US_ASCII.newEncoder().canEncode(f)) {
                throw new IllegalArgumentException("a token field must be ASCII without dots");
            }
        }
        String payload = String.join(".", fields) + "." + expiresAt.getEpochSecond();
        String body = ENCODE.encodeToString(payload.getBytes(StandardCharsets.US_ASCII));
        return body + "." + sign(body);
    }

    public Checked check(String token) {
        if (token == null || token.length() > maxLength) {
            return new Checked.Refused();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return new Checked.Refused();
        }
        String body = token.substring(0, dot);
        // Compare the encoded text, not decoded bytes: base64 decoders ignore some bits of the last
        // character, and a link with any character changed must be refused.
        byte[] expected = sign(body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return new Checked.Refused();
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(body), StandardCharsets.US_ASCII).split("\\.", -1);
        } catch (IllegalArgumentException e) {
            return new Checked.Refused();
        }
        if (parts.length < 2) {
            return new Checked.Refused();
        }
        Instant expires;
        try {
            expires = Instant.ofEpochSecond(Long.parseLong(parts[parts.length - 1]));
        } catch (RuntimeException e) {
            return new Checked.Refused();
        }
        if (!clock.instant().isBefore(expires)) {
            return new Checked.Expired();
        }
        return new Checked.Valid(Arrays.asList(parts).subList(0, parts.length - 1), expires);
    }

    private String sign(String body) {
        return ENCODE.encodeToString(Hkdf.hmac(key, body.getBytes(StandardCharsets.US_ASCII)));
    }
}

package org.shoptalk.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's v0 request signature ("Verifying requests from Slack"): {@code X-Slack-Signature} must be {@code v0=} and
 * the lower-case hex HMAC-SHA256, keyed with the signing secret, of {@code v0:<X-Slack-Request-Timestamp>:<raw
 * body>}. It replaces Bolt 1.51's {@code SlackSignature.Verifier}, which builds a new {@code Mac} for every request,
 * formats the digest with {@code String.format} per byte, encodes the body in the platform's charset and compares
 * with {@code String.equals} (issue 13). Here each thread keeps one initialised {@code Mac}, the hex comes from
 * {@link HexFormat}, the body's bytes are signed as they arrived, and the comparison takes the same time wherever
 * the signatures differ. Bolt's timestamp rule is kept: a timestamp (seconds) five minutes or more in the past is
 * refused; {@link RequestFreshness} refuses the future ones after this check. Without a signing secret (Socket Mode
 * only) every HTTP request is refused. Thread-safe.
 */
final class SlackSignatureCheck {
    static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    static final String SIGNATURE_HEADER = "X-Slack-Signature";
    /** Bolt's {@code SlackSignature.TimestampVerifier}: older than this is refused. */
    private static final long MAX_AGE_MILLIS = 5 * 60 * 1000L;

    private static final HexFormat HEX = HexFormat.of();
    private final Clock clock;
    private final ThreadLocal<Mac> macs;

    /** @param signingSecret the app's signing secret, or null when the app has none (Socket Mode) */
    SlackSignatureCheck(String signingSecret, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        SecretKeySpec key = signingSecret == null
                ? null
                : new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = key == null ? null : ThreadLocal.withInitial(() -> newMac(key));
    }

    /** Whether the request carries a valid signature of {@code body} made at an acceptable time. */
    boolean isValid(String timestamp, String signature, byte[] body) {
        if (macs == null || timestamp == null || signature == null || !isRecent(timestamp)) {
            return false;
        }
        Mac mac = macs.get();
        mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
        byte[] expected = ("v0=" + HEX.formatHex(mac.doFinal(body))).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
    }

    private boolean isRecent(String timestamp) {
        try {
            return clock.millis() - Math.multiplyExact(Long.parseLong(timestamp), 1000L) < MAX_AGE_MILLIS;
        } catch (NumberFormatException | ArithmeticException e) {
            return false;
        }
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

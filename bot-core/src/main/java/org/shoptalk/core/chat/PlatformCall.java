package org.shoptalk.core.chat;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One kind of call an adapter makes to a chat platform's HTTP API, and what its failures mean for core. Slack and
 * Teams adapters both turn failures into core's exceptions here, so the two cannot drift apart:
 * <ul>
 *   <li>HTTP 429 is a wait, not a failure: {@link RateLimitedException} with the platform's {@code Retry-After}
 *       (RFC 9110 §10.2.3), at once, without sleeping;</li>
 *   <li>a 5xx, or a connection lost after the request was sent, leaves a {@link Effect#WRITE} with an unknown
 *       outcome ({@link UnknownOutcomeException}: it may have landed), and a {@link Effect#READ} merely failed for
 *       now ({@link ChatPlatformException} that is not permanent);</li>
 *   <li>a request that never left (no connection, unknown host) failed for now, whatever its effect;</li>
 *   <li>any other refusal is permanent or not as the adapter knows its platform's error codes.</li>
 * </ul>
 * Exception messages name the call and the status, never message content. Immutable and thread-safe.
 *
 * @param name  how logs and exceptions name the call, e.g. {@code "Slack chat.postMessage"}
 * @param effect whether repeating the call could leave something twice
 * @param scope what a rate limit on this call applies to
 */
public record PlatformCall(String name, Effect effect, RateLimitedException.Scope scope) {

    /** The wait when a platform rate-limits without a usable {@code Retry-After}: Slack's pace of one post per second per channel. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    /**
     * The longest wait honoured from a {@code Retry-After} header. No platform asks for more; the bound keeps a
     * malformed header (RFC 9110 sets no upper limit on delay-seconds) from pushing instants past what Java can hold.
     */
    public static final Duration LONGEST_RETRY_AFTER = Duration.ofDays(1);

    /** Whether a call leaves something behind that a blind repeat would leave twice. */
    public enum Effect {
        /** Reads, or calls that are safe to repeat (opening a one-to-one chat returns the same chat). */
        READ,
        /** Creates or changes a message (or a view people see): when its answer is lost it may have landed. */
        WRITE
    }

    public PlatformCall {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(scope, "scope");
    }

    /**
     * The platform answered with an HTTP status other than 2xx.
     *
     * @param status        the HTTP status code
     * @param retryAfter    the {@code Retry-After} header as sent, or {@code null}
     * @param permanent     for a refusal other than 429 and 5xx: whether the adapter knows retrying cannot help
     * @param clock         the clock an HTTP-date in {@code Retry-After} is measured against
     * @param cause         the SDK's exception, kept for the stack trace
     */
    public ChatPlatformException answered(
            int status, String retryAfter, boolean permanent, Clock clock, Throwable cause) {
        return answered(status, retryAfter, permanent, ChatPlatformException.Reason.OTHER, null, clock, cause);
    }

    /**
     * As {@link #answered(int, String, boolean, Clock, Throwable)}, with what the refusal means: {@code reason}
     * and the platform's {@code code} (null for the bare HTTP status) travel with a refusal other than 429 and 5xx.
     */
    public ChatPlatformException answered(
            int status,
            String retryAfter,
            boolean permanent,
            ChatPlatformException.Reason reason,
            String code,
            Clock clock,
            Throwable cause) {
        if (status == 429) {
            return rateLimited(retryAfter, clock);
        }
        if (status >= 500) {
            return failedAfterSending("HTTP " + status, cause);
        }
        String said = code != null ? code : "HTTP " + status;
        return new ChatPlatformException(name + " failed: " + said, permanent, reason, said, cause);
    }

    /**
     * The platform asked us to wait (HTTP 429, or Slack's {@code ratelimited} error).
     *
     * @param retryAfter the {@code Retry-After} header as sent, or {@code null}; without a usable value the wait is
     *                   {@link #DEFAULT_RETRY_AFTER}
     */
    public RateLimitedException rateLimited(String retryAfter, Clock clock) {
        Duration wait = retryAfter(retryAfter, clock).orElse(DEFAULT_RETRY_AFTER);
        return new RateLimitedException(name + " is rate limited for " + wait.toSeconds() + " s", wait, scope);
    }

    /**
     * The request was sent and then went wrong (a 5xx, a platform error saying part of the operation may have
     * succeeded, an answer that could not be read): a write may have landed, a read can be tried again.
     */
    public ChatPlatformException failedAfterSending(String detail, Throwable cause) {
        if (effect == Effect.WRITE) {
            return new UnknownOutcomeException(
                    name + " failed after sending (" + detail + "); it may have landed", cause);
        }
        return new ChatPlatformException(name + " failed (" + detail + ")", false, cause);
    }

    /**
     * No answer came: the connection failed, timed out or the wait was interrupted. Only a failure to connect
     * proves the request never left; anything later may have reached the platform.
     */
    public ChatPlatformException notAnswered(Throwable cause) {
        String detail = cause.getClass().getSimpleName();
        if (neverSent(cause)) {
            return new ChatPlatformException(name + " could not connect (" + detail + ")", false, cause);
        }
        return failedAfterSending(detail, cause);
    }

    private static boolean neverSent(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConnectException
                    || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    private static final DateTimeFormatter RFC_850 = DateTimeFormatter.ofPattern("dd-MMM-yy HH:mm:ss 'GMT'", Locale.US);
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

    /**
     * Reads a {@code Retry-After} header per RFC 9110 §10.2.3: either delay-seconds (a non-negative whole number
     * of seconds) or an HTTP-date (§5.6.7: IMF-fixdate, and the obsolete RFC 850 and asctime forms recipients must
     * accept), measured from {@code clock}. A date in the past means no wait; waits are capped at
     * {@link #LONGEST_RETRY_AFTER}.
     *
     * @return the wait, or empty when the header is absent or not valid
     */
    public static Optional<Duration> retryAfter(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // More digits than a long holds is longer than the cap anyway.
            Duration wait = value.length() > 18 ? LONGEST_RETRY_AFTER : Duration.ofSeconds(Long.parseLong(value));
            return Optional.of(capped(wait));
        }
        return httpDate(value, clock).map(at -> {
            Duration until = Duration.between(clock.instant(), at);
            return until.isNegative() ? Duration.ZERO : capped(until);
        });
    }

    private static Optional<Instant> httpDate(String value, Clock clock) {
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant());
        } catch (DateTimeParseException notImfFixdate) {
            // fall through to the obsolete forms
        }
        try {
            return Optional.of(LocalDateTime.parse(value, ASCTIME).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notAsctime) {
            // fall through
        }
        int comma = value.indexOf(", ");
        if (comma < 0) {
            return Optional.empty();
        }
        try {
            // The weekday is dropped: it belongs to a century the two-digit year does not tell.
            LocalDateTime parsed = LocalDateTime.parse(value.substring(comma + 2), RFC_850);
            // Two-digit years: more than 50 years ahead means the most recent such year in the past (§5.6.7).
            int thisYear = clock.instant().atZone(ZoneOffset.UTC).getYear();
            int year = thisYear - Math.floorMod(thisYear, 100) + Math.floorMod(parsed.getYear(), 100);
            if (year > thisYear + 50) {
                year -= 100;
            }
            return Optional.of(parsed.withYear(year).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException notAnHttpDate) {
            return Optional.empty();
        }
    }

    private static Duration capped(Duration wait) {
        return wait.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : wait;
    }
}

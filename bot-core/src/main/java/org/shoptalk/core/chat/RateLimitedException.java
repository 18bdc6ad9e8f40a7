package org.shoptalk.core.chat;

import java.time.Duration;
import java.util.Objects;

/**
 * The platform asked us to wait ({@code HTTP 429} with {@code Retry-After}, Slack's {@code ratelimited}): a
 * wait, not a failure. Nothing was delivered; the same call may be made again after {@link #retryAfter()}.
 * Adapters throw it at once instead of sleeping, so no scheduler thread waits on a platform; core holds the
 * {@link #scope()} bucket and tries again later.
 */
public final class RateLimitedException extends ChatPlatformException {
    private static final long serialVersionUID = 1L;

    /**
     * What the limit applies to, as far as the adapter can tell (platforms do not say which limit was hit):
     * {@code CHANNEL} for posts into one channel or conversation (Slack's chat.postMessage allows about one message
     * per second per channel; Teams limits a bot per conversation), {@code WORKSPACE} for the rest (Slack's per-method
     * tiers per workspace, Teams' per-tenant limit). See {@link PlatformCall}.
     */
    public enum Scope {
        CHANNEL,
        WORKSPACE
    }

    private final transient Duration retryAfter;
    private final Scope scope;

    /**
     * @param retryAfter how long the platform asked us to wait (its {@code Retry-After}, RFC 9110 §10.2.3, read by
     *                   {@link PlatformCall#retryAfter}); a negative wait becomes zero
     */
    public RateLimitedException(String message, Duration retryAfter, Scope scope) {
        super(message, false);
        this.retryAfter = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
        this.scope = Objects.requireNonNull(scope);
    }

    /** The wait before the same call may be made again, never negative. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public Scope scope() {
        return scope;
    }
}

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

    /** What the limit applies to: one channel (Slack's chat.postMessage) or the whole workspace or tenant. */
    public enum Scope { CHANNEL, WORKSPACE }

    private final transient Duration retryAfter;
    private final Scope scope;

    /** @param retryAfter how long the platform asked us to wait, at least zero */
    public RateLimitedException(String message, Duration retryAfter, Scope scope) {
        super(message, false);
        this.retryAfter = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
        this.scope = Objects.requireNonNull(scope);
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public Scope scope() {
        return scope;
    }
}

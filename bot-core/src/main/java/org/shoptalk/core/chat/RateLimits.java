package org.shoptalk.core.chat;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What the platforms asked us to wait for: one bucket per channel and one per workspace (Slack team, Teams
 * tenant), each held until the time a {@link RateLimitedException} named. Posting code asks before each call,
 * so work for a held bucket waits while other channels and workspaces go on, and nothing sleeps. Kept in memory:
 * after a restart the platform tells us again. Thread-safe.
 */
public final class RateLimits {
    private final ConcurrentMap<String, Instant> heldUntil = new ConcurrentHashMap<>();

    /** Holds the bucket the exception names, from {@code now} for its Retry-After; returns the end of the hold. */
    public Instant hold(ChannelRef channel, RateLimitedException e, Instant now) {
        Instant until = now.plus(e.retryAfter());
        String bucket = switch (e.scope()) {
            case CHANNEL -> channelBucket(channel);
            case WORKSPACE -> workspaceBucket(channel.tenant());
        };
        return heldUntil.merge(bucket, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Until when posting in this channel must wait (its own hold or its workspace's), if it must. */
    public Optional<Instant> heldUntil(ChannelRef channel, Instant now) {
        Instant latest = null;
        for (String bucket : new String[] {channelBucket(channel), workspaceBucket(channel.tenant())}) {
            Instant until = heldUntil.get(bucket);
            if (until != null && !until.isAfter(now)) {
                heldUntil.remove(bucket, until);
            } else if (until != null && (latest == null || until.isAfter(latest))) {
                latest = until;
            }
        }
        return Optional.ofNullable(latest);
    }

    private static String channelBucket(ChannelRef channel) {
        return channel.tenant().key() + "/" + channel.id();
    }

    private static String workspaceBucket(Tenant tenant) {
        return tenant.key();
    }
}

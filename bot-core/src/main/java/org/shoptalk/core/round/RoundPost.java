package org.shoptalk.core.round;

import org.shoptalk.core.chat.ChannelRef;

/** Where a round was posted in one channel; {@code threadId} collects the answers. */
public record RoundPost(long roundId, ChannelRef channel, String threadId, String permalink, State state) {
    /** PENDING: not tried yet; POSTING: claimed by one instance, in flight; then POSTED or FAILED. */
    public enum State {
        PENDING,
        POSTING,
        POSTED,
        FAILED
    }
}

package org.shoptalk.core.chat;

import java.util.Objects;

/**
 * What a platform reports back after posting: the new message's id, the thread it lives in
 * (its own id for a top-level message) and a link people can open, or null if the platform has none.
 */
public record Posted(ChannelRef channel, String messageId, String threadId, String permalink) {
    public Posted {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(threadId, "threadId");
    }

    public ThreadRef thread() {
        return new ThreadRef(channel, threadId);
    }
}

package org.shoptalk.core.chat;

import java.util.Objects;

/** A thread in a channel, identified by the platform id of its top-level message. */
public record ThreadRef(ChannelRef channel, String rootId) {
    public ThreadRef {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(rootId, "rootId");
    }
}

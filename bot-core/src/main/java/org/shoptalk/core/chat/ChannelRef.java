package org.shoptalk.core.chat;

import java.util.Objects;

/** A channel inside one tenant (a Slack channel id, a Teams channel id, a local channel name). */
public record ChannelRef(Tenant tenant, String id) {
    public ChannelRef {
        Objects.requireNonNull(tenant, "tenant");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("channel id must not be blank");
        }
    }
}

package org.shoptalk.slack;

import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.Platform;
import org.shoptalk.core.chat.Tenant;

/** Slack identifiers as core references. */
final class SlackIds {
    private SlackIds() {
    }

    static Tenant tenant(String teamId) {
        if (teamId == null || teamId.isBlank()) {
            throw new IllegalArgumentException("Slack request without a team id");
        }
        return new Tenant(Platform.SLACK, teamId);
    }

    /**
     * The channel a command was typed in, or null for a private chat (a DM with the app, a group DM):
     * guilds live in channels, and core treats a null channel as "just me and the bot".
     */
    static ChannelRef channelOrPrivate(Tenant tenant, String channelId, String channelName) {
        if (channelId == null || channelId.startsWith("D") || "directmessage".equals(channelName)
                || (channelName != null && channelName.startsWith("mpdm-"))) {
            return null;
        }
        return new ChannelRef(tenant, channelId);
    }
}

package org.shoptalk.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.Platform;
import org.shoptalk.core.chat.Tenant;

/** Slack identifiers as core references. */
final class SlackIds {
    private SlackIds() {}

    /** The top-level team_id of an Events API body, or null. */
    static String payloadTeam(String eventsApiBody) {
        try {
            JsonElement team =
                    JsonParser.parseString(eventsApiBody).getAsJsonObject().get("team_id");
            return team == null || team.isJsonNull() ? null : team.getAsString();
        } catch (RuntimeException e) {
            return null;
        }
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
        if (channelId == null
                || channelId.startsWith("D")
                || "directmessage".equals(channelName)
                || (channelName != null && channelName.startsWith("mpdm-"))) {
            return null;
        }
        return new ChannelRef(tenant, channelId);
    }
}

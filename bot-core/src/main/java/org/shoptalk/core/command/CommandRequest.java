package org.shoptalk.core.command;

import java.util.Objects;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.PlainText;
import org.shoptalk.core.chat.UserRef;

/**
 * A command as typed, without the "/shoptalk" or "@Shoptalk" prefix. {@code channel} is null when the
 * command came from the person's private chat with the bot. Mentions of people in {@code text} use
 * the neutral form {@code <@USER_ID>} (adapters translate theirs); a bare {@code @name} is accepted too.
 * Control characters are dropped ({@link PlainText}).
 */
public record CommandRequest(UserRef user, ChannelRef channel, String text) {
    public CommandRequest {
        Objects.requireNonNull(user, "user");
        text = PlainText.clean(text).strip();
        if (channel != null && !channel.tenant().equals(user.tenant())) {
            throw new IllegalArgumentException("user and channel belong to different tenants");
        }
    }
}

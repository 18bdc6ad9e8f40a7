package org.shoptalk.core.command;

import java.util.Objects;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.PlainText;
import org.shoptalk.core.chat.UserRef;

/**
 * A command as typed, without the "/shoptalk" or "@Shoptalk" prefix. {@code channel} is null when the
 * command came from the person's private chat with the bot. Mentions of people in {@code text} use
 * the neutral form {@code <@USER_ID>} (adapters translate theirs, and keep typed characters from reading as one:
 * {@link org.shoptalk.core.chat.TypedText}). A bare {@code @name} names a person only where the platform has no ids
 * (the local console); on Slack and Teams it is a name the platform could not resolve, and is refused
 * ({@link org.shoptalk.core.chat.Platform#peopleById}). Control characters are dropped ({@link PlainText}).
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

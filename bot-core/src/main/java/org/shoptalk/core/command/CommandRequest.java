package org.shoptalk.core.command;

import java.util.Objects;
import java.util.regex.Pattern;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.PlainText;
import org.shoptalk.core.chat.UserRef;

/**
 * A command as typed. A leading invocation (the slash command, or the bot's name typed as a mention, any case) is
 * dropped here, once for every platform, since people copy commands from texts written for another platform. {@code channel} is null when the
 * command came from the person's private chat with the bot. Mentions of people in {@code text} use
 * the neutral form {@code <@USER_ID>} (adapters translate theirs, and keep typed characters from reading as one:
 * {@link org.shoptalk.core.chat.TypedText}). A bare {@code @name} names a person only where the platform has no ids
 * (the local console); on Slack and Teams it is a name the platform could not resolve, and is refused
 * ({@link org.shoptalk.core.chat.Platform#peopleById}). Control characters are dropped ({@link PlainText}).
 */
public record CommandRequest(UserRef user, ChannelRef channel, String text) {
    private static final Pattern PREFIX = Pattern.compile("^[/@]shoptalk\\b\\s*", Pattern.CASE_INSENSITIVE);

    public CommandRequest {
        Objects.requireNonNull(user, "user");
        text = PREFIX.matcher(PlainText.clean(text).strip()).replaceFirst("");
        if (channel != null && !channel.tenant().equals(user.tenant())) {
            throw new IllegalArgumentException("user and channel belong to different tenants");
        }
    }
}

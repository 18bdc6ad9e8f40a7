package org.shoptalk.core.command;

import java.util.Objects;
import org.shoptalk.core.chat.ChatMessage;

/**
 * The answer to a command. A {@code PRIVATE} reply is for the person who typed the command only
 * (Slack: ephemeral; Teams: their personal chat; local console: visibleTo); {@code CHANNEL} is for everyone there.
 */
public record CommandReply(ChatMessage message, Visibility visibility) {

    public enum Visibility {
        PRIVATE,
        CHANNEL
    }

    public CommandReply {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(visibility, "visibility");
    }

    public static CommandReply privately(ChatMessage message) {
        return new CommandReply(message, Visibility.PRIVATE);
    }

    public static CommandReply inChannel(ChatMessage message) {
        return new CommandReply(message, Visibility.CHANNEL);
    }
}

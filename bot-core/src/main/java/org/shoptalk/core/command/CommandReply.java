package org.shoptalk.core.command;

import java.util.Objects;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.Form;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.i18n.Texts;

/**
 * The answer to a command. A {@code PRIVATE} reply is for the person who typed the command only
 * (Slack: ephemeral; Teams: their personal chat; local console: visibleTo); {@code CHANNEL} is for everyone there.
 * With a {@code form}, core asks the person to fill it in: adapters that can show forms render it (Slack modal, Teams
 * card), the others show {@code message}, which says how to type the command instead.
 */
public record CommandReply(ChatMessage message, Visibility visibility, Form form) {

    public enum Visibility {
        PRIVATE,
        CHANNEL
    }

    public CommandReply {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(visibility, "visibility");
    }

    public CommandReply(ChatMessage message, Visibility visibility) {
        this(message, visibility, null);
    }

    /** A form to fill in, privately; {@code fallback} for a platform that shows no forms. */
    public static CommandReply form(Form form, ChatMessage fallback) {
        return new CommandReply(fallback, Visibility.PRIVATE, Objects.requireNonNull(form));
    }

    /**
     * The apology when core failed on a command, in {@code language}; adapters ask {@link
     * org.shoptalk.core.Shoptalk#trouble}, which knows the guild's language.
     */
    public static CommandReply trouble(Language language) {
        return privately(ChatMessage.text(Texts.get().t(language, "trouble")));
    }

    /** What is said in the channel when a private reply could not reach the person, in {@code language}. */
    public static ChatMessage noPrivateChat(Language language) {
        return ChatMessage.text(Texts.get().t(language, "trouble.no.private.chat"));
    }

    public static CommandReply privately(ChatMessage message) {
        return new CommandReply(message, Visibility.PRIVATE);
    }

    public static CommandReply inChannel(ChatMessage message) {
        return new CommandReply(message, Visibility.CHANNEL);
    }
}

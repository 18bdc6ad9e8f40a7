package org.shoptalk.core.chat;

import java.time.ZoneId;
import java.util.Optional;

/**
 * The port through which core speaks to one chat platform. Adapters implement it and render
 * {@link ChatMessage} in their own format. Implementations must be thread-safe: the scheduler
 * and request threads call them concurrently.
 *
 * <p>Failures are reported as {@link ChatPlatformException}; a {@code permanent} one (the bot was
 * removed from the channel, the channel is gone) is not retried by core.
 */
public interface ChatPlatform {

    Platform platform();

    /**
     * How people here invoke a command, as core writes it into its texts: a slash command in
     * Slack and the local console (this default), a mention where the platform has no slash commands (Teams:
     * "@Shoptalk"). Core never rewrites what people wrote; it renders this where its own texts name a command.
     */
    default String invocation() {
        return SLASH_COMMAND;
    }

    /** The slash command of Slack and the local console: {@link #invocation()} unless a platform says otherwise. */
    String SLASH_COMMAND = "/shoptalk";

    /** Posts a new top-level message, which starts a thread. */
    Posted postTopLevel(ChannelRef channel, ChatMessage message);

    /** Posts a reply inside an existing thread. */
    Posted postInThread(ThreadRef thread, ChatMessage message);

    /** Sends a message only this person sees, in their private chat with the bot. */
    void sendPrivate(UserRef user, ChatMessage message);

    /** Replaces the content of a message the bot posted earlier. */
    void update(Posted posted, ChatMessage message);

    /**
     * How much one message may hold here. Core shapes long messages (a digest) to these limits; the default suits a
     * platform that states none.
     */
    default MessageLimits limits() {
        return MessageLimits.GENEROUS;
    }

    /**
     * Whether the platform would accept this message as the adapter renders it: measured on the rendered payload
     * (Block Kit, card JSON), which {@link #limits()} only estimates. Core posts a shorter message when this says no.
     */
    default boolean fits(ChatMessage message) {
        return limits().admits(message);
    }

    /** The name people see for this user; falls back to the id when the platform cannot tell. */
    String displayName(UserRef user);

    /**
     * The person's own time zone as the platform knows it, so reminders reach them at a sensible local time
     * (docs/rhythm.md): Slack's user {@code tz} (users.info), the {@code localTimezone} of the last activity their Teams
     * client sent. Empty when the platform cannot tell; core then uses the guild's zone. Core asks for each reminder it
     * times, so an adapter that has to call its platform caches the answer.
     *
     * @throws ChatPlatformException when the platform could not be asked (core then uses the guild's zone)
     */
    default Optional<ZoneId> timeZone(UserRef user) {
        return Optional.empty();
    }

    /**
     * "forget me": drops what the adapter itself keeps about this person (names, addresses). Their
     * messages in the chat stay theirs to delete there. Adapters that keep nothing need not override it.
     */
    default void forget(UserRef user) {}
}

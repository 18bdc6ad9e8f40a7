package org.shoptalk.core;

import java.time.ZoneId;
import java.util.Map;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatEvent;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.command.CommandReply;
import org.shoptalk.core.command.CommandRequest;

/**
 * What adapters call: the inbound side of core. Each method stores what it must before it returns,
 * so an adapter may acknowledge the platform as soon as the call completes. Thread-safe.
 */
public interface Shoptalk {

    /** Runs one command of the shared command language ("schedule mon 09:30", "help", ...). */
    CommandReply command(CommandRequest request);

    /**
     * The apology an adapter shows when core failed on {@code request} (a command, a button or a form): private, in
     * the language of the guild of the request's channel, else of the person's guilds when they share one, else
     * English (issue 12, "Dutch everywhere"). The adapter passes what it knows, the person and the channel; core
     * decides the language. Never throws: when the database is what failed, the apology is in English.
     */
    CommandReply trouble(CommandRequest request);

    /**
     * What an adapter says where {@code request} was typed when the private reply to it could not reach the person,
     * in the language {@link #trouble} would use. Never throws.
     */
    ChatMessage noPrivateChat(CommandRequest request);

    /**
     * The person's Home (Slack's App Home, the app's private chat): every guild they belong to with its moments,
     * next times and the buttons they may use, or for someone in no guild, how to start or join one. Never an
     * error. {@code localeHint}: the person's or platform's locale ("nl-NL") when the platform sent one, else null.
     */
    ChatMessage home(UserRef user, String localeHint);

    /**
     * The first words when the bot meets a channel (it was added) or a person of {@code tenant} (the app was
     * installed; then {@code channel} is null): one clear next step, in the guild's language, else the hint's, else
     * English, with commands written the way people of that tenant's platform type them.
     */
    ChatMessage greeting(Tenant tenant, ChannelRef channel, String localeHint);

    /**
     * A form core handed out ({@link CommandReply#form()}) was submitted, by {@code where.user()} in {@code
     * where.channel()} (null: a form without a channel of its own, e.g. from a home tab; its channel field says
     * where). {@code values} are keyed by field. The reply carries the form again, with errors per field, when a
     * field was wrong (nothing is run then); otherwise the reply of the command the form stands for.
     */
    CommandReply submit(CommandRequest where, String formId, Map<String, String> values);

    /**
     * The person's chat client reported their time zone (Teams sends {@code localTimezone} with each activity): kept
     * so their reminders come at a sensible local time (docs/rhythm.md). Platforms that can be asked instead answer
     * {@link org.shoptalk.core.chat.ChatPlatform#timeZone}. An adapter calls this when the zone changed, not for every
     * message.
     */
    void timeZoneReported(UserRef user, ZoneId zone);

    /** A message was posted, edited or deleted in a channel the bot can see. */
    void onEvent(ChatEvent event);

    /**
     * Records a platform delivery id; true the first time it is seen, false for a retry or a
     * delivery another instance already took. Durable across restarts and shared by a cluster.
     */
    boolean firstDelivery(Tenant tenant, String deliveryId);

    /**
     * Applies an event that came with a platform delivery id, at most once per id: the id is recorded in the
     * same transaction that stores the event, so a delivery that failed is applied when the platform retries
     * it, and one that succeeded is not applied again. False for a delivery seen before, and for an answer in a
     * round's thread stored before under another delivery id (an answer is kept once per message).
     */
    default boolean onDelivery(Tenant tenant, String deliveryId, ChatEvent event) {
        if (!firstDelivery(tenant, deliveryId)) {
            return false;
        }
        onEvent(event);
        return true;
    }
}

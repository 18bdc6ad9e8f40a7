package org.shoptalk.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.Event;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import java.time.Clock;
import java.util.Objects;
import org.shoptalk.core.Shoptalk;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatEvent;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.UserRef;

/**
 * Message events in channels become core chat events: posts (thread replies are answers), edits and
 * deletes. Each delivery is deduplicated by event_id first; core stores the event before we ack, so
 * an acknowledged answer is never lost. Bots, ours included, are not heard. Thread-safe.
 */
final class SlackEvents {
    private final Shoptalk shoptalk;
    private final Clock clock;
    private final SlackCommands commands;

    SlackEvents(Shoptalk shoptalk, Clock clock, SlackCommands commands) {
        this.shoptalk = shoptalk;
        this.clock = clock;
        this.commands = commands;
    }

    void register(App app) {
        app.event(MessageEvent.class, (payload, ctx) -> {
            MessageEvent e = payload.getEvent();
            if ("im".equals(e.getChannelType())) {
                // The app's Messages tab works like the console: what people type there is a command.
                return e.getBotId() != null || e.getThreadTs() != null
                        ? ctx.ack()
                        : commands.directMessage(payload, ctx, e.getUser(), e.getText());
            }
            return posted(
                    payload, ctx, e.getChannel(), e.getUser(), e.getBotId(), e.getTs(), e.getThreadTs(), e.getText());
        });
        app.event(MessageThreadBroadcastEvent.class, (payload, ctx) -> {
            // "Also send to channel": Slack delivers one event with this subtype; it is one answer.
            MessageThreadBroadcastEvent e = payload.getEvent();
            return posted(payload, ctx, e.getChannel(), e.getUser(), null, e.getTs(), e.getThreadTs(), e.getText());
        });
        app.event(MessageFileShareEvent.class, (payload, ctx) -> {
            MessageFileShareEvent e = payload.getEvent();
            return posted(payload, ctx, e.getChannel(), e.getUser(), null, e.getTs(), e.getThreadTs(), e.getText());
        });
        app.event(MessageChangedEvent.class, (payload, ctx) -> {
            MessageChangedEvent e = payload.getEvent();
            MessageChangedEvent.Message m = e.getMessage();
            if (m == null || m.getTs() == null || m.getBotId() != null || "bot_message".equals(m.getSubtype())) {
                return ctx.ack();
            }
            MessageChangedEvent.PreviousMessage before = e.getPreviousMessage();
            String previousText = before != null && before.getMessage() != null
                    ? before.getMessage().getText()
                    : null;
            if (Objects.equals(previousText, m.getText())) {
                // Link unfurls and reply counters change the message without changing its words.
                return ctx.ack();
            }
            Tenant tenant = tenant(payload, ctx);
            String text = SlackText.toNeutral(m.getText());
            return deliver(
                    payload,
                    ctx,
                    tenant,
                    new ChatEvent.MessageEdited(
                            new ChannelRef(tenant, e.getChannel()),
                            m.getTs(),
                            text,
                            SlackText.mentions(tenant, m.getText()),
                            clock.instant()));
        });
        app.event(MessageDeletedEvent.class, (payload, ctx) -> {
            MessageDeletedEvent e = payload.getEvent();
            if (e.getDeletedTs() == null) {
                return ctx.ack();
            }
            Tenant tenant = tenant(payload, ctx);
            return deliver(
                    payload,
                    ctx,
                    tenant,
                    new ChatEvent.MessageDeleted(new ChannelRef(tenant, e.getChannel()), e.getDeletedTs()));
        });
        app.event(MessageBotEvent.class, (payload, ctx) -> ctx.ack());
    }

    private Response posted(
            EventsApiPayload<? extends Event> payload,
            EventContext ctx,
            String channel,
            String user,
            String botId,
            String ts,
            String threadTs,
            String slackText) {
        if (botId != null || user == null || channel == null || ts == null) {
            return ctx.ack();
        }
        Tenant tenant = tenant(payload, ctx);
        String text = SlackText.toNeutral(slackText);
        return deliver(
                payload,
                ctx,
                tenant,
                new ChatEvent.MessagePosted(
                        new ChannelRef(tenant, channel),
                        new UserRef(tenant, user),
                        ts,
                        threadTs,
                        text,
                        SlackText.mentions(tenant, slackText),
                        clock.instant()));
    }

    private Response deliver(
            EventsApiPayload<? extends Event> payload, EventContext ctx, Tenant tenant, ChatEvent event) {
        // The delivery id is recorded in the transaction that stores the event: a failed attempt that Slack
        // retries is applied then, and a retry of a stored one changes nothing.
        String deliveryId = payload.getEventId();
        if (deliveryId == null) {
            shoptalk.onEvent(event);
        } else {
            shoptalk.onDelivery(tenant, deliveryId, event);
        }
        return ctx.ack();
    }

    /**
     * The workspace this delivery is for: the installation's workspace as Bolt resolved it (which, in a
     * channel shared with another organisation, is ours rather than the sender's), else the payload's.
     * Under an Enterprise Grid org-wide install that is still the workspace, not the organisation.
     */
    static Tenant tenant(EventsApiPayload<? extends Event> payload, EventContext ctx) {
        return SlackIds.tenant(ctx.getTeamId() != null ? ctx.getTeamId() : payload.getTeamId());
    }
}

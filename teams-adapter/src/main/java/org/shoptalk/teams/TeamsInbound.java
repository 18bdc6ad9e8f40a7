package org.shoptalk.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.Entity;
import com.microsoft.bot.schema.Mention;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.shoptalk.core.Shoptalk;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatEvent;
import org.shoptalk.core.chat.Platform;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.TypedText;
import org.shoptalk.core.chat.UserRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates authenticated Teams activities into core calls. Channel messages that mention the bot,
 * personal-chat messages and card submits are commands, run on the outbox so Teams gets its answer at
 * once; other channel messages, edits and deletes are events, stored before the request is answered.
 * Install and channel events keep the adapter's address book current. Thread-safe.
 */
final class TeamsInbound {
    private static final Logger LOG = LoggerFactory.getLogger(TeamsInbound.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Where an activity came from, as far as replying and core are concerned. {@code senderId}: the sender's connector
     * id (29:...), which addresses their personal chat without the store (null when the activity has no sender).
     */
    record Origin(
            Tenant tenant,
            String serviceUrl,
            String conversationId,
            ChannelRef channel,
            String teamId,
            String senderId) {}

    private final Shoptalk shoptalk;
    private final TeamsStore store;
    private final People people;
    private final Commands commands;
    private final Installs installs;
    /** The zone last reported to core per person, so an unchanged zone is not written again for every message. */
    private final Map<UserRef, ZoneId> reportedZones = new ConcurrentHashMap<>();

    TeamsInbound(Shoptalk shoptalk, TeamsStore store, People people, Commands commands, Installs installs) {
        this.shoptalk = Objects.requireNonNull(shoptalk);
        this.store = store;
        this.people = people;
        this.commands = commands;
        this.installs = installs;
    }

    /** Handles one activity; the result says whether it was understood (false: 400). */
    boolean handle(Activity activity, Instant receivedAt) {
        if (!"msteams".equals(activity.getChannelId())) {
            LOG.info(
                    "ignoring an activity from channel {}: Shoptalk serves Microsoft Teams only",
                    activity.getChannelId());
            return true;
        }
        TeamsChannelData data = channelData(activity);
        String tenantId =
                data != null && data.getTenant() != null ? data.getTenant().getId() : null;
        if (tenantId == null && activity.getConversation() != null) {
            tenantId = activity.getConversation().getTenantId();
        }
        if (tenantId == null
                || tenantId.isBlank()
                || activity.getConversation() == null
                || activity.getConversation().getId() == null
                || activity.getServiceUrl() == null) {
            return false;
        }
        Origin origin = origin(new Tenant(Platform.TEAMS, tenantId), activity, data);
        boolean personal = "personal".equals(activity.getConversation().getConversationType());
        people.remember(
                origin.tenant(),
                activity.getFrom(),
                activity.getServiceUrl(),
                personal ? activity.getConversation().getId() : null);
        reportTimeZone(origin.tenant(), activity);
        String type = activity.getType() == null ? "" : activity.getType();
        switch (type) {
            case "message" -> onMessage(activity, origin, personal, receivedAt);
            case "messageUpdate" -> onUpdate(activity, origin, data, receivedAt);
            case "messageDelete" -> onDelete(activity, origin);
            case "conversationUpdate" -> installs.onConversationUpdate(activity, origin, data);
            case "installationUpdate" -> installs.onInstallationUpdate(activity, origin, data);
            default -> LOG.debug("ignoring a Teams {} activity", type);
        }
        return true;
    }

    /**
     * Tells core the time zone the sender's client reported (docs/rhythm.md), when it changed since this instance last
     * told: Teams sends it with every activity, and core only needs it when a reminder is timed.
     */
    private void reportTimeZone(Tenant tenant, Activity activity) {
        ChannelAccount from = activity.getFrom();
        ZoneId zone = People.timeZone(activity);
        if (zone == null || from == null || from.getAadObjectId() == null || People.isBot(from)) {
            return;
        }
        UserRef user = new UserRef(tenant, from.getAadObjectId());
        if (zone.equals(reportedZones.put(user, zone))) {
            return;
        }
        try {
            shoptalk.timeZoneReported(user, zone);
        } catch (RuntimeException e) {
            // Only a reminder's timing depends on it: the activity itself goes on, and the next one tries again.
            reportedZones.remove(user);
            LOG.warn("could not keep a Teams person's time zone: {}", e.toString());
        }
    }

    private Origin origin(Tenant tenant, Activity activity, TeamsChannelData data) {
        String conversationId = activity.getConversation().getId();
        String teamId = data != null && data.getTeam() != null ? data.getTeam().getId() : null;
        ChannelRef channel = null;
        if ("channel".equals(activity.getConversation().getConversationType())) {
            String channelId = data != null
                            && data.getChannel() != null
                            && data.getChannel().getId() != null
                    ? data.getChannel().getId()
                    : TeamsIds.base(conversationId);
            channel = new ChannelRef(tenant, channelId);
            if (teamId != null) {
                // Any delivery from a channel proves the bot is in its team: heal a missed install event.
                store.saveTeam(
                        tenant,
                        teamId,
                        data.getTeam().getAadGroupId(),
                        data.getTeam().getName(),
                        activity.getServiceUrl(),
                        true);
                store.saveChannel(
                        tenant,
                        channelId,
                        teamId,
                        data.getChannel() == null ? null : data.getChannel().getName(),
                        false);
            }
        }
        String senderId = activity.getFrom() == null ? null : activity.getFrom().getId();
        return new Origin(tenant, activity.getServiceUrl(), conversationId, channel, teamId, senderId);
    }

    private void onMessage(Activity activity, Origin origin, boolean personal, Instant receivedAt) {
        ChannelAccount from = activity.getFrom();
        if (from == null || from.getId() == null || People.isBot(from) || activity.getId() == null) {
            return;
        }
        if (!personal && origin.channel() == null) {
            LOG.info(
                    "ignoring a message from a Teams {} chat: Shoptalk works in team channels and personal chat",
                    activity.getConversation().getConversationType());
            return;
        }
        String deliveryId = TeamsIds.deliveryId(origin.conversationId(), activity.getId());
        UserRef author =
                new UserRef(origin.tenant(), from.getAadObjectId() != null ? from.getAadObjectId() : from.getId());
        JsonNode value = activity.getValue() == null ? null : JSON.valueToTree(activity.getValue());
        boolean form = value != null && value.isObject() && value.has(AdaptiveCards.DATA_KIND);
        if (!form && !personal && !mentionsBot(activity)) {
            // An answer: its delivery id is recorded in the transaction that stores it, so a failed attempt that
            // Teams redelivers is applied then, and a redelivery of a stored one changes nothing.
            String root = TeamsIds.threadRoot(origin.conversationId());
            String threadRoot = root == null || root.equals(activity.getId()) ? null : root;
            shoptalk.onDelivery(
                    origin.tenant(),
                    deliveryId,
                    new ChatEvent.MessagePosted(
                            origin.channel(),
                            author,
                            activity.getId(),
                            threadRoot,
                            eventText(activity),
                            mentioned(activity, origin),
                            receivedAt,
                            TeamsAttachments.files(activity)));
            return;
        }
        if (!shoptalk.firstDelivery(origin.tenant(), deliveryId)) {
            return;
        }
        if (form) {
            commands.submit(origin, author, value);
        } else {
            commands.run(origin, author, commandText(activity, origin));
        }
    }

    private void onUpdate(Activity activity, Origin origin, TeamsChannelData data, Instant receivedAt) {
        if (origin.channel() == null || activity.getId() == null) {
            return;
        }
        String event = data == null ? null : data.getEventType();
        if ("undeleteMessage".equals(event) && activity.getFrom() != null) {
            String root = TeamsIds.threadRoot(origin.conversationId());
            ChannelAccount from = activity.getFrom();
            UserRef author =
                    new UserRef(origin.tenant(), from.getAadObjectId() != null ? from.getAadObjectId() : from.getId());
            shoptalk.onEvent(new ChatEvent.MessagePosted(
                    origin.channel(),
                    author,
                    activity.getId(),
                    root == null || root.equals(activity.getId()) ? null : root,
                    eventText(activity),
                    mentioned(activity, origin),
                    receivedAt,
                    TeamsAttachments.files(activity)));
        } else {
            shoptalk.onEvent(new ChatEvent.MessageEdited(
                    origin.channel(), activity.getId(), eventText(activity), mentioned(activity, origin), receivedAt));
        }
    }

    private void onDelete(Activity activity, Origin origin) {
        if (origin.channel() != null && activity.getId() != null) {
            shoptalk.onEvent(new ChatEvent.MessageDeleted(origin.channel(), activity.getId()));
        }
    }

    private static boolean mentionsBot(Activity activity) {
        String botId =
                activity.getRecipient() == null ? null : activity.getRecipient().getId();
        return mentions(activity).stream()
                .anyMatch(m -> m.getMentioned() != null
                        && Objects.equals(m.getMentioned().getId(), botId));
    }

    /**
     * Command text: the bot's own mention removed, other people as {@code <@objectId>}. Core drops a typed
     * invocation in front ("/shoptalk", copied from a text written for Slack).
     */
    private String commandText(Activity activity, Origin origin) {
        String botId =
                activity.getRecipient() == null ? null : activity.getRecipient().getId();
        return TeamsText.render(activity.getText(), TeamsText.isHtml(activity), mentions(activity), m -> {
            if (m.getMentioned() == null || Objects.equals(m.getMentioned().getId(), botId)) {
                return "";
            }
            return people.objectId(
                            origin.tenant(), m.getMentioned(), origin.serviceUrl(), lookupConversation(origin), true)
                    .map(TypedText::mention)
                    // core refuses a person it cannot identify, with a message that names them as typed
                    .orElse(TypedText.literal("@" + TeamsText.mentionName(m)));
        });
    }

    /** Answer text: mentions read as {@code @Name}; who was mentioned travels separately. */
    private static String eventText(Activity activity) {
        return TeamsText.render(
                activity.getText(),
                TeamsText.isHtml(activity),
                mentions(activity),
                m -> TypedText.literal("@" + TeamsText.mentionName(m)));
    }

    private List<UserRef> mentioned(Activity activity, Origin origin) {
        List<UserRef> refs = new ArrayList<>();
        for (Mention m : mentions(activity)) {
            if (m.getMentioned() != null && !People.isBot(m.getMentioned())) {
                people.objectId(
                                origin.tenant(),
                                m.getMentioned(),
                                origin.serviceUrl(),
                                lookupConversation(origin),
                                false)
                        .map(id -> new UserRef(origin.tenant(), id))
                        .filter(ref -> !refs.contains(ref))
                        .ifPresent(refs::add);
            }
        }
        return refs;
    }

    /**
     * The activity's mention entities that read as mentions. A broken one (no type, fields of the wrong type) is
     * skipped rather than failing the message: the words still count, and {@code Activity.getMentions} would throw.
     */
    static List<Mention> mentions(Activity activity) {
        List<Mention> mentions = new ArrayList<>();
        if (activity.getEntities() == null) {
            return mentions;
        }
        for (Entity entity : activity.getEntities()) {
            if (entity == null || !"mention".equalsIgnoreCase(entity.getType())) {
                continue;
            }
            try {
                Mention mention = entity.getAs(Mention.class);
                if (mention != null) {
                    mentions.add(mention);
                }
            } catch (RuntimeException e) {
                LOG.debug(
                        "skipped a Teams mention entity that does not read as a mention: {}",
                        e.getClass().getName());
            }
        }
        return mentions;
    }

    /** Members are listed per team; in a personal chat, per conversation. */
    private static String lookupConversation(Origin origin) {
        return origin.teamId() != null ? origin.teamId() : TeamsIds.base(origin.conversationId());
    }

    static TeamsChannelData channelData(Activity activity) {
        if (activity.getChannelData() == null) {
            return null;
        }
        try {
            return activity.getChannelData(TeamsChannelData.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }
}

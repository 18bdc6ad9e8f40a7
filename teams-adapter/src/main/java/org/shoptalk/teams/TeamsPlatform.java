package org.shoptalk.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationResourceResponse;
import com.microsoft.bot.schema.ResourceResponse;
import com.microsoft.bot.schema.teams.ChannelInfo;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import com.microsoft.bot.schema.teams.TenantInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatform;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.MessageLimits;
import org.shoptalk.core.chat.Platform;
import org.shoptalk.core.chat.Posted;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.ThreadRef;
import org.shoptalk.core.chat.UserRef;

/**
 * Core's port to Teams. A top-level post is a new conversation in the channel (createConversation),
 * whose id carries the new thread's root; private messages go to the person's 1:1 chat with the bot,
 * created on first use. Posting needs the team's connector address, stored when the bot was installed.
 * Thread-safe.
 */
final class TeamsPlatform implements ChatPlatform {
    private final TeamsSettings settings;
    private final TeamsStore store;
    private final Connector connector;
    private final OutgoingText outgoing;

    TeamsPlatform(TeamsSettings settings, TeamsStore store, Connector connector) {
        this.settings = settings;
        this.store = store;
        this.connector = connector;
        this.outgoing = new OutgoingText(store);
    }

    @Override
    public Platform platform() {
        return Platform.TEAMS;
    }

    /** Teams has no slash commands: people mention the bot and type the command after it. */
    @Override
    public String invocation() {
        return INVOCATION;
    }

    static final String INVOCATION = "@Shoptalk";

    @Override
    public MessageLimits limits() {
        return AdaptiveCards.LIMITS;
    }

    @Override
    public boolean fits(ChatMessage message) {
        return AdaptiveCards.fits(message);
    }

    @Override
    public void forget(UserRef user) {
        store.forgetUser(user.tenant(), user.id());
    }

    @Override
    public Posted postTopLevel(ChannelRef channel, ChatMessage message) {
        TeamsStore.ChannelAddress address = address(channel);
        ConversationParameters parameters = new ConversationParameters();
        parameters.setIsGroup(true);
        parameters.setBot(new ChannelAccount(settings.botId()));
        parameters.setTenantId(channel.tenant().id());
        TeamsChannelData channelData = new TeamsChannelData();
        channelData.setChannel(new ChannelInfo(channel.id()));
        channelData.setTenant(new TenantInfo(channel.tenant().id()));
        parameters.setChannelData(channelData);
        parameters.setActivity(render(channel.tenant(), message));
        ConversationResourceResponse created = connector.createConversation(address.serviceUrl(), parameters);
        String root =
                created.getActivityId() != null && !created.getActivityId().isBlank()
                        ? created.getActivityId()
                        : created.getId() == null ? null : TeamsIds.threadRoot(created.getId());
        if (root == null) {
            throw new ChatPlatformException("Teams created the post but did not say which message it is", false);
        }
        return new Posted(channel, root, root, permalink(channel.tenant(), address, root));
    }

    @Override
    public Posted postInThread(ThreadRef thread, ChatMessage message) {
        TeamsStore.ChannelAddress address = address(thread.channel());
        ResourceResponse sent = connector.send(
                address.serviceUrl(),
                TeamsIds.thread(thread.channel().id(), thread.rootId()),
                render(thread.channel().tenant(), message));
        String id = sent == null || sent.getId() == null || sent.getId().isBlank() ? thread.rootId() : sent.getId();
        return new Posted(
                thread.channel(),
                id,
                thread.rootId(),
                permalink(thread.channel().tenant(), address, thread.rootId()));
    }

    @Override
    public void sendPrivate(UserRef user, ChatMessage message) {
        TeamsStore.User known = store.user(user.tenant(), user.id())
                .orElseThrow(() -> new ChatPlatformException(
                        "cannot message this person privately: they have not used Shoptalk in Teams yet", true));
        sendToPersonalChat(user, known.userId(), known.serviceUrl(), known.personalConversationId(), message);
    }

    /**
     * A private reply to the person whose activity {@code origin} is: their personal chat as stored, else opened from
     * the activity's sender and service URL. Needs nothing stored, so it also reaches someone the store has just
     * forgotten ("forget me confirm" pressed on a card in a channel), and it stores nothing about them then.
     */
    void replyPrivately(TeamsInbound.Origin origin, UserRef user, ChatMessage message) {
        Optional<TeamsStore.User> known = store.user(user.tenant(), user.id());
        if (known.isPresent()) {
            TeamsStore.User k = known.get();
            sendToPersonalChat(user, k.userId(), k.serviceUrl(), k.personalConversationId(), message);
            return;
        }
        if (origin.senderId() == null) {
            throw new ChatPlatformException("cannot message this person privately: the activity names no sender", true);
        }
        sendToPersonalChat(user, origin.senderId(), origin.serviceUrl(), null, message);
    }

    private void sendToPersonalChat(
            UserRef user, String connectorId, String serviceUrl, String conversationId, ChatMessage message) {
        String chat = conversationId != null ? conversationId : openPersonalChat(user, connectorId, serviceUrl);
        connector.send(serviceUrl, chat, render(user.tenant(), message));
    }

    @Override
    public void update(Posted posted, ChatMessage message) {
        TeamsStore.ChannelAddress address = address(posted.channel());
        Activity activity = render(posted.channel().tenant(), message);
        activity.setId(posted.messageId());
        connector.update(
                address.serviceUrl(),
                TeamsIds.thread(posted.channel().id(), posted.threadId()),
                posted.messageId(),
                activity);
    }

    @Override
    public String displayName(UserRef user) {
        return store.user(user.tenant(), user.id())
                .map(TeamsStore.User::name)
                .filter(name -> name != null && !name.isBlank())
                .orElse(user.id());
    }

    /** Posts into a conversation the bot was just addressed in (a channel thread or a personal chat). */
    void reply(Tenant tenant, String serviceUrl, String conversationId, ChatMessage message) {
        connector.send(serviceUrl, conversationId, render(tenant, message));
    }

    void reply(String serviceUrl, String conversationId, Activity activity) {
        connector.send(serviceUrl, conversationId, activity);
    }

    /** The message as an Adaptive Card, with people written the Teams way. */
    private Activity render(Tenant tenant, ChatMessage message) {
        ObjectNode card = AdaptiveCards.card(message);
        outgoing.apply(tenant, card);
        String plain = outgoing.rewrite(tenant, message.plainText(INVOCATION), new java.util.HashMap<>());
        return AdaptiveCards.activity(card, plain.replace("<at>", "").replace("</at>", ""));
    }

    /** Opens (Teams returns the same one each time) the person's chat with the bot and remembers it if they are known. */
    private String openPersonalChat(UserRef user, String connectorId, String serviceUrl) {
        ConversationParameters parameters = new ConversationParameters();
        parameters.setIsGroup(false);
        parameters.setBot(new ChannelAccount(settings.botId()));
        parameters.setMembers(List.of(new ChannelAccount(connectorId)));
        parameters.setTenantId(user.tenant().id());
        TeamsChannelData channelData = new TeamsChannelData();
        channelData.setTenant(new TenantInfo(user.tenant().id()));
        parameters.setChannelData(channelData);
        ConversationResourceResponse created = connector.createConversation(serviceUrl, parameters);
        if (created.getId() == null || created.getId().isBlank()) {
            throw new ChatPlatformException("Teams did not return the personal chat it opened", false);
        }
        store.savePersonalChat(user.tenant(), user.id(), created.getId());
        return created.getId();
    }

    private TeamsStore.ChannelAddress address(ChannelRef channel) {
        return store.channelAddress(channel.tenant(), channel.id())
                .orElseThrow(() -> new ChatPlatformException(
                        "Shoptalk is not installed in the team of Teams channel " + channel.id(), true));
    }

    /** A link that opens the thread in Teams; groupId is the team's Microsoft 365 group. */
    private static String permalink(Tenant tenant, TeamsStore.ChannelAddress address, String rootId) {
        StringBuilder link = new StringBuilder("https://teams.microsoft.com/l/message/")
                .append(enc(address.channelId()))
                .append('/')
                .append(rootId)
                .append("?tenantId=")
                .append(enc(tenant.id()));
        if (address.aadGroupId() != null) {
            link.append("&groupId=").append(enc(address.aadGroupId()));
        }
        return link.append("&parentMessageId=").append(rootId).toString();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package org.shoptalk.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatGetPermalinkResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import com.slack.api.model.block.LayoutBlock;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatform;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.MessageLimits;
import org.shoptalk.core.chat.Platform;
import org.shoptalk.core.chat.PostLookup;
import org.shoptalk.core.chat.Posted;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.ThreadRef;
import org.shoptalk.core.chat.UserRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core's port onto Slack: posts Block Kit through the Web API with the workspace's bot token. Each call is made
 * once and never waits: a rate limit surfaces as {@link org.shoptalk.core.chat.RateLimitedException} (per channel
 * for posts), a post that may have landed as {@link org.shoptalk.core.chat.UnknownOutcomeException}; see
 * {@link SlackCalls}. Thread-safe: the scheduler and request threads share it.
 */
final class SlackChatPlatform implements ChatPlatform, PostLookup {
    private static final Logger log = LoggerFactory.getLogger(SlackChatPlatform.class);
    private static final Duration NAME_CACHE = Duration.ofHours(1);
    /** Messages read per look-up: a doubtful post is looked for within minutes of being sent. */
    private static final int HISTORY_PAGE = 100;

    /** The bot token for a workspace; fails permanently when the workspace has no installation. */
    @FunctionalInterface
    interface BotTokens {
        String forTeam(String teamId);
    }

    /**
     * What users.info said about a person: the name people see, their Slack locale ("nl-NL"; null: unknown) and
     * their {@code tz} (null: unknown).
     */
    private record CachedPerson(String name, String locale, String zone, Instant until) {}

    private final Function<String, MethodsClient> clients;
    private final BotTokens tokens;
    private final SlackCalls calls;
    private final Clock clock;
    private final Map<UserRef, CachedPerson> people = new ConcurrentHashMap<>();

    SlackChatPlatform(Function<String, MethodsClient> clients, BotTokens tokens, SlackCalls calls, Clock clock) {
        this.clients = clients;
        this.tokens = tokens;
        this.calls = calls;
        this.clock = clock;
    }

    @Override
    public String invocation() {
        return SlackCommands.SLASH_COMMAND;
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public MessageLimits limits() {
        return BlockKit.LIMITS;
    }

    @Override
    public boolean fits(ChatMessage message) {
        return BlockKit.fits(message);
    }

    @Override
    public Posted postTopLevel(ChannelRef channel, ChatMessage message) {
        MethodsClient client = client(channel.tenant());
        ChatPostMessageResponse r = post(client, channel.id(), null, message);
        return new Posted(channel, r.getTs(), r.getTs(), permalink(client, channel.id(), r.getTs()));
    }

    /**
     * Looks through the channel's history since {@code since} for a bot message with this content: how core learns
     * whether a post whose outcome was unknown (a 5xx after sending, an instance that died mid-post) landed, so it is
     * never posted twice blindly. One {@code conversations.history} call per doubtful post; Slack limits that method
     * harshly for some apps, and a rate limit here surfaces like any other, so core waits and asks again.
     */
    @Override
    public Optional<Posted> findTopLevel(ChannelRef channel, ChatMessage message, Instant since) {
        MethodsClient client = client(channel.tenant());
        String oldest = since.getEpochSecond() + ".000000";
        ConversationsHistoryResponse r = calls.call(
                SlackCalls.Method.CONVERSATIONS_HISTORY,
                () -> client.conversationsHistory(
                        q -> q.channel(channel.id()).oldest(oldest).limit(HISTORY_PAGE)));
        String wanted = SlackText.toNeutral(BlockKit.fallbackText(message));
        return r.getMessages() == null
                ? Optional.empty()
                : r.getMessages().stream()
                        .filter(m -> m.getBotId() != null
                                && m.getText() != null
                                && (m.getThreadTs() == null || m.getThreadTs().equals(m.getTs())))
                        .filter(m -> SlackText.toNeutral(m.getText()).equals(wanted))
                        .findFirst()
                        .map(m ->
                                new Posted(channel, m.getTs(), m.getTs(), permalink(client, channel.id(), m.getTs())));
    }

    @Override
    public Posted postInThread(ThreadRef thread, ChatMessage message) {
        ChannelRef channel = thread.channel();
        ChatPostMessageResponse r = post(client(channel.tenant()), channel.id(), thread.rootId(), message);
        return new Posted(channel, r.getTs(), thread.rootId(), null);
    }

    @Override
    public void sendPrivate(UserRef user, ChatMessage message) {
        // Posting to a user id lands in the app's Messages tab: the person's private chat with Shoptalk.
        post(client(user.tenant()), user.id(), null, message);
    }

    @Override
    public void update(Posted posted, ChatMessage message) {
        MethodsClient client = client(posted.channel().tenant());
        List<LayoutBlock> blocks = BlockKit.render(message);
        calls.call(
                SlackCalls.Method.CHAT_UPDATE,
                () -> client.chatUpdate(r -> r.channel(posted.channel().id())
                        .ts(posted.messageId())
                        .blocks(blocks)
                        .text(BlockKit.fallbackText(message))));
    }

    /** "forget me": the adapter keeps only a name and locale it looked up; Slack itself is asked again next time. */
    @Override
    public void forget(UserRef user) {
        people.remove(user);
    }

    @Override
    public String displayName(UserRef user) {
        return person(user).map(CachedPerson::name).orElse(user.id());
    }

    /**
     * The person's Slack locale ("nl-NL"), for core to greet them in their language before any guild says which
     * (issue 12); null when Slack does not tell. From users.info with {@code include_locale} (Slack's "Locale locale
     * locale" changelog, 2017-09), cached with the name.
     */
    String locale(UserRef user) {
        return person(user).map(CachedPerson::locale).orElse(null);
    }

    /**
     * The user's {@code tz} from users.info (an IANA name such as "Europe/Amsterdam"), cached with their name: the
     * zone Slack shows them in. Empty when Slack cannot say now or names no zone core knows.
     */
    @Override
    public Optional<ZoneId> timeZone(UserRef user) {
        return person(user).map(CachedPerson::zone).flatMap(SlackChatPlatform::zone);
    }

    static Optional<ZoneId> zone(String tz) {
        if (tz == null || tz.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(tz));
        } catch (DateTimeException e) {
            log.info("Slack named a time zone Java does not know: {}", tz);
            return Optional.empty();
        }
    }

    /** What users.info says about a person, cached for an hour; empty while Slack cannot be asked. */
    private Optional<CachedPerson> person(UserRef user) {
        CachedPerson cached = people.get(user);
        Instant now = clock.instant();
        if (cached != null && cached.until().isAfter(now)) {
            return Optional.of(cached);
        }
        CachedPerson found;
        try {
            MethodsClient client = client(user.tenant());
            UsersInfoResponse r = calls.call(
                    SlackCalls.Method.USERS_INFO,
                    () -> client.usersInfo(q -> q.user(user.id()).includeLocale(true)));
            User u = r.getUser();
            found = new CachedPerson(
                    nameOf(u, user.id()),
                    u == null ? null : u.getLocale(),
                    u == null ? null : u.getTz(),
                    now.plus(NAME_CACHE));
        } catch (ChatPlatformException e) {
            log.info("No display name for a Slack user: {}", e.getMessage());
            if (!e.permanent()) {
                // A rate limit or an outage passes: ask again next time rather than show the id for an hour.
                return Optional.empty();
            }
            found = new CachedPerson(user.id(), null, null, now.plus(NAME_CACHE));
        }
        people.put(user, found);
        return Optional.of(found);
    }

    private static String nameOf(User user, String fallback) {
        if (user == null) {
            return fallback;
        }
        User.Profile profile = user.getProfile();
        if (profile != null
                && profile.getDisplayName() != null
                && !profile.getDisplayName().isBlank()) {
            return profile.getDisplayName();
        }
        if (user.getRealName() != null && !user.getRealName().isBlank()) {
            return user.getRealName();
        }
        return user.getName() != null ? user.getName() : fallback;
    }

    private ChatPostMessageResponse post(MethodsClient client, String channel, String threadTs, ChatMessage message) {
        List<LayoutBlock> blocks = BlockKit.render(message);
        String text = BlockKit.fallbackText(message);
        return calls.call(
                SlackCalls.Method.CHAT_POST_MESSAGE,
                () -> client.chatPostMessage(r -> r.channel(channel)
                        .threadTs(threadTs)
                        .blocks(blocks)
                        .text(text)
                        .unfurlLinks(false)
                        .unfurlMedia(false)));
    }

    private String permalink(MethodsClient client, String channel, String ts) {
        try {
            ChatGetPermalinkResponse r = calls.call(
                    SlackCalls.Method.CHAT_GET_PERMALINK,
                    () -> client.chatGetPermalink(q -> q.channel(channel).messageTs(ts)));
            return r.getPermalink();
        } catch (ChatPlatformException e) {
            // The message is posted; a digest without this one link is better than a second post.
            log.warn("No permalink for a posted Slack message: {}", e.getMessage());
            return null;
        }
    }

    private MethodsClient client(Tenant tenant) {
        if (tenant.platform() != Platform.SLACK) {
            throw new ChatPlatformException("not a Slack workspace: " + tenant, true);
        }
        return clients.apply(tokens.forTeam(tenant.id()));
    }
}

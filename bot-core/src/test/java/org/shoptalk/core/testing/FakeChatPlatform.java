package org.shoptalk.core.testing;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatform;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.Platform;
import org.shoptalk.core.chat.PostLookup;
import org.shoptalk.core.chat.Posted;
import org.shoptalk.core.chat.RateLimitedException;
import org.shoptalk.core.chat.ThreadRef;
import org.shoptalk.core.chat.UserRef;

/**
 * A chat platform in memory: records everything core posts, so tests read what people would see.
 * Channels can be marked unreachable to act out a bot removed from a channel. Thread-safe.
 */
public final class FakeChatPlatform implements ChatPlatform, PostLookup {

    /** One message as it appeared: in a channel (top-level or thread) or privately to a person. */
    public record Sent(String id, ChannelRef channel, String threadId, UserRef privateTo, ChatMessage message) {
        public String text() {
            return message.plainText("/shoptalk");
        }
    }

    private final Platform platform;
    private final AtomicLong ids = new AtomicLong();
    private final List<Sent> sent = new ArrayList<>();
    private final Set<String> unreachable = new HashSet<>();
    private final Map<String, Deque<RuntimeException>> scripted = new HashMap<>();
    private final Map<String, Deque<RuntimeException>> scriptedLookups = new HashMap<>();
    private final Map<String, Integer> postsInSecond = new HashMap<>();
    private final Map<String, RuntimeException> landThenFail = new HashMap<>();
    private int limitPerSecond;
    private java.time.Clock limitClock;

    public FakeChatPlatform(Platform platform) {
        this.platform = platform;
    }

    public FakeChatPlatform() {
        this(Platform.LOCAL);
    }

    private volatile String invocation = SLASH_COMMAND;

    /** People here invoke commands as {@code invocation} (Teams: "@Shoptalk"). */
    public FakeChatPlatform invokedAs(String invocation) {
        this.invocation = invocation;
        return this;
    }

    @Override
    public String invocation() {
        return invocation;
    }

    public synchronized void makeUnreachable(String channelId) {
        unreachable.add(channelId);
    }

    /**
     * From now on, top-level posts are limited to {@code perSecond} per workspace (tenant) and second of
     * {@code clock}, as Slack limits a workspace: a post over the limit is refused with a rate limit (Retry-After
     * one second, scope workspace) and not posted.
     */
    public synchronized void limitPostsPerSecond(int perSecond, java.time.Clock clock) {
        this.limitPerSecond = perSecond;
        this.limitClock = clock;
    }

    /**
     * The next top-level post in the channel lands and then throws {@code failure}, as a post whose answer was lost
     * (a 5xx or a broken connection after Slack or Teams took it).
     */
    public synchronized void landThenFail(String channelId, RuntimeException failure) {
        landThenFail.put(channelId, failure);
    }

    /** The next top-level posts in the channel throw these, one per post, before anything is posted. */
    public synchronized void failNextPosts(String channelId, RuntimeException... failures) {
        scripted.computeIfAbsent(channelId, c -> new ArrayDeque<>()).addAll(List.of(failures));
    }

    /** The next look-ups for a post in the channel ({@link #findTopLevel}) throw these, one per look-up. */
    public synchronized void failNextLookups(String channelId, RuntimeException... failures) {
        scriptedLookups.computeIfAbsent(channelId, c -> new ArrayDeque<>()).addAll(List.of(failures));
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public synchronized Posted postTopLevel(ChannelRef channel, ChatMessage message) {
        if (unreachable.contains(channel.id())) {
            throw new ChatPlatformException("not_in_channel", true);
        }
        if (limitClock != null) {
            long second = limitClock.instant().getEpochSecond();
            String bucket = channel.tenant().key() + "@" + second;
            int used = postsInSecond.merge(bucket, 1, Integer::sum);
            if (used > limitPerSecond) {
                throw new RateLimitedException(
                        "ratelimited", java.time.Duration.ofSeconds(1), RateLimitedException.Scope.WORKSPACE);
            }
        }
        RuntimeException failure =
                scripted.getOrDefault(channel.id(), new ArrayDeque<>()).poll();
        if (failure != null) {
            throw failure;
        }
        String id = "m" + ids.incrementAndGet();
        sent.add(new Sent(id, channel, id, null, message));
        RuntimeException lost = landThenFail.remove(channel.id());
        if (lost != null) {
            throw lost;
        }
        return new Posted(channel, id, id, "https://chat.example/" + channel.id() + "/" + id);
    }

    /** Finds the bot's top-level message with this content, as Slack's history look-up does. */
    @Override
    public synchronized Optional<Posted> findTopLevel(ChannelRef channel, ChatMessage message, Instant since) {
        RuntimeException failure =
                scriptedLookups.getOrDefault(channel.id(), new ArrayDeque<>()).poll();
        if (failure != null) {
            throw failure;
        }
        return topLevel(channel.id()).stream()
                .filter(s -> s.text().equals(message.plainText("/shoptalk")))
                .findFirst()
                .map(s -> new Posted(channel, s.id(), s.id(), "https://chat.example/" + channel.id() + "/" + s.id()));
    }

    @Override
    public synchronized Posted postInThread(ThreadRef thread, ChatMessage message) {
        String id = "m" + ids.incrementAndGet();
        sent.add(new Sent(id, thread.channel(), thread.rootId(), null, message));
        return new Posted(thread.channel(), id, thread.rootId(), null);
    }

    @Override
    public synchronized void sendPrivate(UserRef user, ChatMessage message) {
        sent.add(new Sent("m" + ids.incrementAndGet(), null, null, user, message));
    }

    @Override
    public synchronized void update(Posted posted, ChatMessage message) {
        sent.replaceAll(s -> s.id().equals(posted.messageId())
                ? new Sent(s.id(), s.channel(), s.threadId(), s.privateTo(), message)
                : s);
    }

    @Override
    public String displayName(UserRef user) {
        return user.id().substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                + user.id().substring(1);
    }

    private final Map<String, java.time.ZoneId> zones = new HashMap<>();

    /** From now on the platform reports this person's time zone, as Slack's users.info or a Teams client would. */
    public synchronized FakeChatPlatform zoneOf(String userId, java.time.ZoneId zone) {
        zones.put(userId, zone);
        return this;
    }

    @Override
    public synchronized Optional<java.time.ZoneId> timeZone(UserRef user) {
        return Optional.ofNullable(zones.get(user.id()));
    }

    private final List<UserRef> forgotten = new ArrayList<>();

    @Override
    public synchronized void forget(UserRef user) {
        forgotten.add(user);
    }

    /** People the platform was asked to forget. */
    public synchronized List<UserRef> forgotten() {
        return List.copyOf(forgotten);
    }

    public synchronized List<Sent> all() {
        return List.copyOf(sent);
    }

    /** Top-level messages in a channel, oldest first. */
    public synchronized List<Sent> topLevel(String channelId) {
        return sent.stream()
                .filter(s -> s.channel() != null && s.channel().id().equals(channelId) && s.id().equals(s.threadId()))
                .toList();
    }

    /** Top-level reflection moments in a channel of an English guild, oldest first: its other posts (digests) left out. */
    public List<Sent> momentsIn(String channelId) {
        return topLevel(channelId).stream()
                .filter(s -> s.text().startsWith("*Reflection moment"))
                .toList();
    }

    /** Top-level weekly digests in a channel of an English guild, oldest first. */
    public List<Sent> digestsIn(String channelId) {
        return topLevel(channelId).stream()
                .filter(s -> s.text().startsWith("*This week in "))
                .toList();
    }

    public synchronized List<Sent> privateTo(String userId) {
        return sent.stream()
                .filter(s -> s.privateTo() != null && s.privateTo().id().equals(userId))
                .toList();
    }

    public synchronized Sent last() {
        return sent.get(sent.size() - 1);
    }

    public synchronized void clear() {
        sent.clear();
    }
}

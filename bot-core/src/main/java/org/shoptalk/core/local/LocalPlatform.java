package org.shoptalk.core.local;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatform;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.Excerpt;
import org.shoptalk.core.chat.Platform;
import org.shoptalk.core.chat.PostLookup;
import org.shoptalk.core.chat.Posted;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.ThreadRef;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.local.LocalMessage.Kind;

/**
 * The local console as core sees it: the {@link ChatPlatform} core posts to. What core posts is stored as its plain
 * text under the user {@value LocalNames#BOT}, with its neutral blocks for the page ({@link LocalBlocks}), beside what
 * people type through {@link LocalChat}, which hands this out ({@link LocalChat#platform()}). Thread-safe: all state is
 * in the database.
 */
public final class LocalPlatform implements ChatPlatform, PostLookup {
    private static final String COMMAND = ChatPlatform.SLASH_COMMAND;

    private final LocalMessageStore store;
    private final Clock clock;

    LocalPlatform(LocalMessageStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Platform platform() {
        return Platform.LOCAL;
    }

    /** A bot message is stored as its plain text, in the same column as what people type. */
    @Override
    public boolean fits(ChatMessage message) {
        return limits().admits(message) && message.plainText(invocation()).length() <= LocalInput.MAX_TEXT;
    }

    @Override
    public Posted postTopLevel(ChannelRef channel, ChatMessage message) {
        String ch = localChannel(channel);
        LocalMessage posted =
                store.insert(ch, null, Kind.BOT, LocalNames.BOT, fit(message), null, now(), blocks(message));
        return new Posted(channel, posted.id(), posted.thread(), permalink(ch, posted.thread()));
    }

    @Override
    public Optional<Posted> findTopLevel(ChannelRef channel, ChatMessage message, Instant since) {
        String ch = localChannel(channel);
        return store.findBotTopLevel(ch, fit(message), since.truncatedTo(ChronoUnit.MILLIS))
                .map(m -> new Posted(channel, m.id(), m.thread(), permalink(ch, m.thread())));
    }

    @Override
    public Posted postInThread(ThreadRef thread, ChatMessage message) {
        String ch = localChannel(thread.channel());
        long root = botRoot(ch, thread.rootId());
        LocalMessage posted =
                store.insert(ch, root, Kind.BOT, LocalNames.BOT, fit(message), null, now(), blocks(message));
        return new Posted(thread.channel(), posted.id(), posted.thread(), permalink(ch, posted.thread()));
    }

    @Override
    public void sendPrivate(UserRef user, ChatMessage message) {
        requireLocal(user.tenant());
        String ch = LocalNames.directChannelOf(user.id());
        store.insert(ch, null, Kind.BOT, LocalNames.BOT, fit(message), user.id(), now(), blocks(message));
    }

    @Override
    public void update(Posted posted, ChatMessage message) {
        localChannel(posted.channel());
        Optional<LocalMessage> existing = LocalInput.id(posted.messageId()).flatMap(store::find);
        if (existing.isEmpty() || existing.get().kind() != Kind.BOT) {
            throw new ChatPlatformException("no bot message " + posted.messageId() + " in the local console", true);
        }
        store.updateBot(Long.parseLong(posted.messageId()), fit(message), blocks(message), now());
    }

    @Override
    public String displayName(UserRef user) {
        return user.id();
    }

    /**
     * Core's reply to a command typed in {@code channel} ({@code root}: the thread it was typed in, null at top level);
     * {@code visibleTo} is who alone sees it, null for everyone.
     */
    LocalMessage reply(String channel, Long root, ChatMessage message, String visibleTo) {
        return store.insert(channel, root, Kind.BOT, LocalNames.BOT, fit(message), visibleTo, now(), blocks(message));
    }

    // Stored timestamps keep microseconds at best; milliseconds read back the same on H2 and PostgreSQL.
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private long botRoot(String channel, String rootId) {
        return LocalInput.id(rootId)
                .flatMap(store::find)
                .filter(m -> m.channel().equals(channel))
                .map(m -> Long.parseLong(m.thread()))
                .orElseThrow(
                        () -> new ChatPlatformException("no thread " + rootId + " in local channel " + channel, true));
    }

    /** The console's own message limit, as a platform's: a longer message from the bot is cut, marked with "…". */
    private static String fit(ChatMessage message) {
        return Excerpt.cut(message.plainText(COMMAND), LocalInput.MAX_TEXT);
    }

    private static String blocks(ChatMessage message) {
        return LocalBlocks.json(message);
    }

    private static String localChannel(ChannelRef channel) {
        requireLocal(channel.tenant());
        return channel.id();
    }

    private static void requireLocal(Tenant tenant) {
        if (!Tenant.LOCAL.equals(tenant)) {
            throw new ChatPlatformException("the local console cannot post for tenant " + tenant, true);
        }
    }

    private static String permalink(String channel, String thread) {
        return "/local?channel=" + URLEncoder.encode(channel, StandardCharsets.UTF_8) + "&thread=" + thread;
    }
}

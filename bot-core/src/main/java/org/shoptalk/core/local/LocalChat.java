package org.shoptalk.core.local;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.shoptalk.core.Failures;
import org.shoptalk.core.Shoptalk;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatEvent;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.command.CommandReply;
import org.shoptalk.core.command.CommandRequest;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.local.LocalMessage.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chat platform that lives in Shoptalk's own database, so anyone can try the real flows without a
 * Slack or Teams workspace. People post through {@link #post}, {@link #edit} and {@link #delete} (the
 * app's /local page and JSON API); those become the same commands and events a real adapter sends to
 * core. What core posts back goes through {@link #platform()}, the port to register with core, and is stored
 * as plain text under the user {@value LocalNames#BOT}.
 *
 * <p>In someone's private chat with the bot ("@alice") everything typed is a command, with or without
 * the slash command in front. Thread-safe: all state is in the database.
 */
public final class LocalChat {
    private static final Logger LOG = LoggerFactory.getLogger(LocalChat.class);
    public static final String BOT_USER = LocalNames.BOT;

    private final LocalMessageStore store;
    private final LocalPlatform platform;
    private final Database database;
    private final GuildStore guilds = new GuildStore();
    private final Supplier<Shoptalk> shoptalk;

    /** {@code shoptalk} is asked for core's inbound side on each use, so core may be built after this. */
    public LocalChat(Database database, Clock clock, Supplier<Shoptalk> shoptalk) {
        this.database = Objects.requireNonNull(database, "database");
        this.store = new LocalMessageStore(database);
        this.platform = new LocalPlatform(store, Objects.requireNonNull(clock, "clock"));
        this.shoptalk = Objects.requireNonNull(shoptalk, "shoptalk");
    }

    /** The console as core posts to it, on the same messages as people's side: register it with core. */
    public LocalPlatform platform() {
        return platform;
    }

    /**
     * A person posts in a channel, top-level ({@code thread} null) or in a thread.
     *
     * @throws LocalInputException for a name or text the console cannot take, in the channel's guild's language
     * @throws NoSuchMessageException when {@code thread} names no message of that channel
     */
    public LocalPost post(String channel, String user, String text, String thread) {
        String ch = LocalNames.channel(channel);
        return answered("post", () -> guildLanguage(ch), () -> postIn(ch, user, text, thread));
    }

    private LocalPost postIn(String ch, String user, String text, String thread) {
        String who = LocalNames.user(user);
        String body = LocalInput.text(text);
        boolean direct = LocalNames.isDirect(ch);
        if (direct && !ch.equals(LocalNames.directChannelOf(who))) {
            throw new LocalInputException("console.error.channel.private", ch, ch.substring(1), who);
        }
        Long root = thread == null || thread.isBlank() ? null : rootOf(ch, thread.strip());
        if (LocalInput.isCommand(body, direct)) {
            return runCommand(ch, root, who, body, direct);
        }
        Instant now = platform.now();
        LocalMessage posted = store.insert(ch, root, Kind.MESSAGE, who, body, null, now);
        try {
            inbound()
                    .onEvent(new ChatEvent.MessagePosted(
                            channelRef(ch),
                            userRef(who),
                            posted.id(),
                            root == null ? null : root.toString(),
                            body,
                            Mentions.in(body),
                            now));
        } catch (RuntimeException e) {
            throw forgotten(posted, e);
        }
        return new LocalPost(posted.id(), posted.thread());
    }

    /**
     * A person changes the text of a message they posted. Core hears of it first and the console's copy changes only
     * once core took it, so a failure changes neither; should the console's own update then fail, core's handling of
     * the same edit again (the person's retry) is harmless.
     *
     * @throws LocalInputException for a text the console cannot take or a message that is not theirs to edit
     * @throws NoSuchMessageException for an unknown id
     * @throws LocalFailure when core or the database failed; nothing was changed
     */
    public LocalMessage edit(String id, String text) {
        return answered("edit", () -> guildLanguageOfMessage(id), () -> editChecked(id, text));
    }

    private LocalMessage editChecked(String id, String text) {
        String body = LocalInput.text(text);
        LocalMessage message = existing(id);
        String refusal = switch (message.kind()) {
            case BOT -> "console.error.bot.edit";
            case COMMAND -> "console.error.command.edit";
            case MESSAGE -> null;
        };
        if (refusal != null) {
            throw new LocalInputException(refusal);
        }
        Instant now = platform.now();
        inbound()
                .onEvent(new ChatEvent.MessageEdited(
                        channelRef(message.channel()), message.id(), body, Mentions.in(body), now));
        if (!store.updateText(Long.parseLong(message.id()), body, now)) {
            throw notFound(id);
        }
        return existing(id);
    }

    /**
     * A person deletes a message they posted (or a command they typed). As for {@link #edit}, core forgets it first and
     * the console's copy goes only after that, so a failure leaves the message where it was, in core and on the page.
     *
     * @throws LocalInputException for a message of the bot's
     * @throws NoSuchMessageException for an unknown id
     * @throws LocalFailure when core or the database failed; nothing was deleted
     */
    public void delete(String id) {
        answered("delete", () -> guildLanguageOfMessage(id), () -> {
            deleteChecked(id);
            return null;
        });
    }

    private void deleteChecked(String id) {
        LocalMessage message = existing(id);
        if (message.kind() == Kind.BOT) {
            throw new LocalInputException("console.error.bot.delete");
        }
        if (message.kind() == Kind.MESSAGE) {
            inbound().onEvent(new ChatEvent.MessageDeleted(channelRef(message.channel()), message.id()));
        }
        if (!store.delete(Long.parseLong(message.id()))) {
            throw notFound(id);
        }
    }

    /**
     * {@code request}'s answer, or how it failed: a refusal in the guild's {@code language}, and a failure on
     * Shoptalk's side as the console's apology in that language ({@link #failed}). The language is read only on
     * failure, from the request's channel, which still holds the message: every change is made only after core took it.
     */
    private static <T> T answered(String what, Supplier<Optional<Language>> language, Supplier<T> request) {
        try {
            return request.get();
        } catch (LocalRefusal e) {
            throw e.inGuildOf(language.get());
        } catch (RuntimeException e) {
            throw failed(what, e, language.get());
        }
    }

    /** {@code e}, a failure on Shoptalk's side, as the console's apology in the guild's {@code language}. */
    private static LocalFailure failed(String what, RuntimeException e, Optional<Language> language) {
        LOG.error("A console {} failed: {}", what, Failures.describe(e));
        return new LocalFailure(e, language);
    }

    /**
     * A channel's messages in the order they were posted, private ones included: for tests and tools in this
     * process. What people are shown comes from {@link #seen}.
     */
    public List<LocalMessage> list(String channel) {
        return store.list(LocalNames.channel(channel));
    }

    /**
     * What one person ({@code viewer}) sees in a channel, or with no viewer what everybody sees. A private chat
     * ("@alice") is seen by its owner only; a message meant for one person (a typed command, a reply only they
     * should see) by that person only, so without a viewer there is none of either. The console has no login:
     * this keeps one person's view from showing another's, not a secret from someone who names themselves.
     */
    public List<LocalMessage> seen(String channel, Optional<String> viewer) {
        String ch = LocalNames.channel(channel);
        Optional<String> who = viewer.map(LocalNames::user);
        if (LocalNames.isDirect(ch)
                && !who.map(LocalNames::directChannelOf).filter(ch::equals).isPresent()) {
            return List.of();
        }
        return store.list(ch).stream()
                .filter(m -> m.visibleTo() == null
                        || who.filter(m.visibleTo()::equals).isPresent())
                .toList();
    }

    /** Every channel that has at least one message, private chats included, by name. */
    public List<String> channels() {
        return store.channels();
    }

    /** The channels {@code viewer} can open, by name: everyone's, and their own private chat when there is one. */
    public List<String> channels(Optional<String> viewer) {
        Optional<String> own = viewer.map(LocalNames::user).map(LocalNames::directChannelOf);
        return store.channels().stream()
                .filter(c -> !LocalNames.isDirect(c) || own.filter(c::equals).isPresent())
                .toList();
    }

    /**
     * The language of the guild that {@code channel} (a console channel name, "general" or "@alice") belongs to; empty
     * for a name the console cannot take, a channel of no guild, or when it cannot be read (the database away): then
     * the browser's language is used. For texts about a request that names a channel; never throws.
     */
    public Optional<Language> guildLanguage(String channel) {
        String ch;
        try {
            ch = LocalNames.channel(channel);
            return database.withHandle(h -> guilds.findByChannel(h, channelRef(ch)))
                    .map(Guild::language);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** As {@link #guildLanguage(String)}, for the channel of message {@code id}; empty for an unknown id. */
    public Optional<Language> guildLanguageOfMessage(String id) {
        try {
            return LocalInput.id(id).flatMap(store::find).flatMap(m -> guildLanguage(m.channel()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public LocalMessage message(String id) {
        return existing(id);
    }

    /** {@code typed} goes to core as typed: core drops the slash command in front. */
    private LocalPost runCommand(String ch, Long root, String who, String typed, boolean direct) {
        LocalMessage typedMessage = store.insert(ch, root, Kind.COMMAND, who, typed, who, platform.now());
        // A command in someone's private chat has no channel, as in Slack's and Teams' direct messages.
        CommandRequest request = new CommandRequest(userRef(who), direct ? null : channelRef(ch), typed);
        try {
            CommandReply reply;
            try {
                reply = inbound().command(request);
            } catch (RuntimeException e) {
                // As Slack and Teams do: a failure inside core becomes a polite private reply in the chat, in the
                // guild's language, rather than an error page in English.
                LOG.error("A console command failed in core: {}", e.toString());
                reply = inbound().trouble(request);
            }
            boolean onlyForAuthor = direct || reply.visibility() == CommandReply.Visibility.PRIVATE;
            platform.reply(ch, root, reply.message(), onlyForAuthor ? who : null);
        } catch (RuntimeException e) {
            // Not even the apology could be kept (the database away): no command left standing without its reply.
            throw forgotten(typedMessage, e);
        }
        return new LocalPost(typedMessage.id(), typedMessage.thread());
    }

    /**
     * {@code failure}, after taking back {@code stored}, the person's message that core did not take: the console then
     * shows nothing that Shoptalk did not keep, and the person's retry posts it whole.
     */
    private RuntimeException forgotten(LocalMessage stored, RuntimeException failure) {
        try {
            store.delete(Long.parseLong(stored.id()));
        } catch (RuntimeException alsoFailed) {
            failure.addSuppressed(alsoFailed);
        }
        return failure;
    }

    /** The top-level message of the thread that {@code id} is in; a reply's id leads to its thread. */
    private long rootOf(String channel, String id) {
        LocalMessage message = LocalInput.id(id)
                .flatMap(store::find)
                .filter(m -> m.channel().equals(channel))
                .orElseThrow(() -> new NoSuchMessageException("console.error.no.thread", id, channel));
        return Long.parseLong(message.thread());
    }

    private LocalMessage existing(String id) {
        return LocalInput.id(id).flatMap(store::find).orElseThrow(() -> notFound(id));
    }

    private static NoSuchMessageException notFound(String id) {
        return new NoSuchMessageException("console.error.no.message", id);
    }

    private static ChannelRef channelRef(String channel) {
        return new ChannelRef(Tenant.LOCAL, channel);
    }

    private static UserRef userRef(String user) {
        return new UserRef(Tenant.LOCAL, user);
    }

    private Shoptalk inbound() {
        return Objects.requireNonNull(shoptalk.get(), "core's inbound side is not set yet");
    }
}

package org.shoptalk.core.round;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatform;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.Platforms;
import org.shoptalk.core.chat.PostLookup;
import org.shoptalk.core.chat.Posted;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.guild.Role;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.i18n.Texts;
import org.shoptalk.core.prompt.Prompt;
import org.shoptalk.core.prompt.PromptRotation;
import org.shoptalk.core.prompt.Theme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens rounds and posts their prompt as a new top-level message in every channel of the guild.
 * The round row is committed before anything is posted, under a dedupe key, so a moment that fires
 * twice (a retry, another cluster member) is posted once. Thread-safe.
 */
public final class RoundService {
    private static final Logger LOG = LoggerFactory.getLogger(RoundService.class);

    private final Database db;
    private final Platforms platforms;
    private final GuildStore guilds;
    private final RoundStore rounds;
    private final PromptRotation rotation;
    private final Duration roundOpen;
    private final Clock clock;
    private final Consumer<Round> onOpened;

    public RoundService(Database db, Platforms platforms, GuildStore guilds, RoundStore rounds, PromptRotation rotation,
                        Duration roundOpen, Clock clock, Consumer<Round> onOpened) {
        this.db = db;
        this.platforms = platforms;
        this.guilds = guilds;
        this.rounds = rounds;
        this.rotation = rotation;
        this.roundOpen = roundOpen;
        this.clock = clock;
        this.onOpened = onOpened;
    }

    /** What to ask: a chosen prompt, or the rotation's next one in a theme (or any theme when null). */
    public record Ask(Prompt prompt, Theme theme) {
        public static Ask rotate(Theme theme) {
            return new Ask(null, theme);
        }
    }

    /**
     * Opens the round and posts it. Empty when a round with this dedupe key was opened before,
     * or when the guild has no channel to post in.
     */
    public Optional<Round> openAndPost(Guild guild, Long scheduleId, String dedupeKey, Ask ask) {
        return openAndPost(guild, scheduleId, dedupeKey, ask, false);
    }

    /**
     * As {@link #openAndPost(Guild, Long, String, Ask)}; {@code recovering} says this run continues one whose
     * instance died while running it (Quartz recovery). Posts that run claimed and never finished belong to
     * nobody alive, so they are finished here: recorded when the platform shows the message landed, posted
     * otherwise. Only a recovering run may do this: any other claim may be a live instance mid-post.
     */
    public Optional<Round> openAndPost(Guild guild, Long scheduleId, String dedupeKey, Ask ask, boolean recovering) {
        Instant now = clock.instant();
        Optional<Opened> opened;
        try {
            opened = open(guild, scheduleId, dedupeKey, ask, now);
        } catch (AlreadyOpened e) {
            // A run that opened this round may have died before posting everywhere (Quartz recovers its
            // job elsewhere): finish the channels nobody claimed yet. Claims keep this to one post per channel.
            db.withHandle(h -> rounds.findByDedupeKey(h, dedupeKey)).ifPresent(round -> {
                if (recovering) {
                    takeOverInterrupted(guild, round);
                    // The dead run may have stopped before planning the round's reminder; planning is idempotent.
                    onOpened.accept(round);
                }
                post(guild, round, db.withHandle(h -> rounds.posts(h, round.id())).stream()
                        .filter(p -> p.state() == RoundPost.State.PENDING).map(RoundPost::channel).toList());
            });
            return Optional.empty();
        }
        opened.ifPresent(o -> {
            post(guild, o.round(), o.channels());
            onOpened.accept(o.round());
        });
        return opened.map(Opened::round);
    }

    /** Finishes the posts a dead run had claimed: recorded if the message is on the platform, else claimable again. */
    private void takeOverInterrupted(Guild guild, Round round) {
        List<RoundPost> interrupted = db.withHandle(h -> rounds.posts(h, round.id())).stream()
                .filter(p -> p.state() == RoundPost.State.POSTING).toList();
        for (RoundPost post : interrupted) {
            ChannelRef channel = post.channel();
            Optional<Posted> landed = Optional.empty();
            try {
                if (platforms.forTenant(channel.tenant()) instanceof PostLookup lookup) {
                    landed = lookup.findTopLevel(channel, roundMessage(round), round.openedAt());
                }
            } catch (ChatPlatformException e) {
                LOG.warn("round {} of guild {}: could not check channel {} for an interrupted post, posting it again: {}",
                        round.id(), guild.id(), channel.id(), e.getMessage());
            }
            if (landed.isPresent()) {
                Posted found = landed.get();
                db.useTransaction(h -> rounds.markPosted(h, round.id(), channel, found.threadId(), found.permalink(),
                        clock.instant()));
                LOG.info("round {} of guild {}: the post in channel {} interrupted by a stopped instance had landed",
                        round.id(), guild.id(), channel.id());
            } else if (db.withHandle(h -> rounds.release(h, round.id(), channel))) {
                LOG.info("round {} of guild {}: posting again in channel {}, interrupted by a stopped instance",
                        round.id(), guild.id(), channel.id());
            }
        }
    }

    private Optional<Opened> open(Guild guild, Long scheduleId, String dedupeKey, Ask ask, Instant now) {
        return db.inTransaction(h -> {
            List<ChannelRef> channels = guilds.channels(h, guild);
            if (channels.isEmpty()) {
                return Optional.<Opened>empty();
            }
            Prompt prompt = ask.prompt() != null ? ask.prompt() : rotation.next(h, guild, ask.theme(), now);
            Optional<Round> round = rounds.open(h, guild.id(), scheduleId, dedupeKey, prompt, guild.language(), now,
                    now.plus(roundOpen));
            if (round.isEmpty()) {
                // Another run opened it; roll back our rotation bookkeeping with the rest.
                throw new AlreadyOpened();
            }
            if (ask.prompt() != null) {
                rotation.recordChosen(h, guild, prompt, now);
            }
            channels.forEach(c -> rounds.addPending(h, round.get().id(), c));
            return Optional.of(new Opened(round.get(), channels));
        });
    }

    private void post(Guild guild, Round round, List<ChannelRef> channels) {
        ChatMessage message = roundMessage(round);
        for (ChannelRef channel : channels) {
            if (!db.withHandle(h -> rounds.claim(h, round.id(), channel))) {
                continue;
            }
            try {
                ChatPlatform platform = platforms.forTenant(channel.tenant());
                Posted posted = platform.postTopLevel(channel, message);
                db.useTransaction(h -> rounds.markPosted(h, round.id(), channel, posted.threadId(), posted.permalink(),
                        clock.instant()));
            } catch (ChatPlatformException e) {
                db.useTransaction(h -> rounds.markFailed(h, round.id(), channel));
                LOG.warn("round {} of guild {} not posted in channel {}: {}", round.id(), guild.id(), channel.id(), e.getMessage());
                if (e.permanent()) {
                    tellLeadsChannelUnreachable(guild, channel);
                }
            }
        }
    }

    private void tellLeadsChannelUnreachable(Guild guild, ChannelRef channel) {
        List<UserRef> leads = db.withHandle(h -> guilds.withRole(h, guild, Role.LEAD));
        ChatMessage note = ChatMessage.text(Texts.get().t(guild.language(), "round.channel.unreachable", channel.id(), guild.name()));
        for (UserRef lead : leads) {
            try {
                platforms.forTenant(lead.tenant()).sendPrivate(lead, note);
            } catch (ChatPlatformException e) {
                LOG.warn("could not tell a lead of guild {} about an unreachable channel: {}", guild.id(), e.getMessage());
            }
        }
    }

    /** The prompt as it appears in the channel. */
    public static ChatMessage roundMessage(Round round) {
        Language lang = round.language();
        Texts t = Texts.get();
        return ChatMessage.builder()
                .header(t.t(lang, "round.header", round.theme().label(lang)))
                .text(round.promptText())
                .context(t.t(lang, "round.why", round.promptWhy()))
                .context(t.t(lang, "round.hint"))
                .build();
    }

    private record Opened(Round round, List<ChannelRef> channels) {
    }

    /** Signals inside the transaction that the round existed already, so everything rolls back. */
    private static final class AlreadyOpened extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AlreadyOpened() {
            super(null, null, false, false);
        }
    }
}

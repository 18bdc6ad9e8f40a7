package org.shoptalk.core.round;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.Platforms;
import org.shoptalk.core.chat.Posted;
import org.shoptalk.core.chat.RateLimitedException;
import org.shoptalk.core.chat.RateLimits;
import org.shoptalk.core.chat.UnknownOutcomeException;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.guild.Leads;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.i18n.Texts;
import org.shoptalk.core.prompt.Prompt;
import org.shoptalk.core.prompt.PromptRotation;
import org.shoptalk.core.prompt.Theme;
import org.shoptalk.core.task.InterruptedPosts;
import org.shoptalk.core.task.Outcome;
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
    private final RoundListener listener;
    private final RateLimits limits;
    private final Leads leads;
    private final InterruptedPosts interruptedPosts;

    public RoundService(
            Database db,
            Platforms platforms,
            GuildStore guilds,
            RoundStore rounds,
            PromptRotation rotation,
            Duration roundOpen,
            Clock clock,
            RateLimits limits,
            Leads leads,
            RoundListener listener) {
        this.limits = limits;
        this.leads = leads;
        this.db = db;
        this.platforms = platforms;
        this.guilds = guilds;
        this.rounds = rounds;
        this.rotation = rotation;
        this.roundOpen = roundOpen;
        this.clock = clock;
        this.listener = listener;
        this.interruptedPosts = new InterruptedPosts(platforms, limits, clock);
    }

    /** What to ask: a chosen prompt, or the rotation's next one in a theme (or any theme when null). */
    public record Ask(Prompt prompt, Theme theme) {
        public static Ask rotate(Theme theme) {
            return new Ask(null, theme);
        }
    }

    /**
     * What one call did: the round it opened (empty when this dedupe key had opened one before, or the guild has
     * no channel), in how many of the channels it tried the prompt landed, and what is left ({@link Outcome#DONE}
     * when every channel is posted or given up).
     */
    public record Posting(Optional<Round> opened, int posted, int tried, Outcome outcome) {}

    /** Opens the round and posts it: for a round asked for now, not planned. */
    public Posting openAndPost(Guild guild, Long scheduleId, String dedupeKey, Ask ask) {
        return openAndPost(guild, scheduleId, dedupeKey, ask, false);
    }

    /**
     * Opens the round and posts it; a second call with the same dedupe key posts only in the channels nobody has
     * claimed yet. {@code takeOver} says no earlier run of this dedupe key is still running (a retry, or Quartz
     * recovering a run whose instance died): posts that run claimed and never finished belong to nobody alive, so
     * they are finished here, recorded when the platform shows the message landed and posted otherwise. Any other
     * claim may be a live instance mid-post and is left alone.
     */
    public Posting openAndPost(Guild guild, Long scheduleId, String dedupeKey, Ask ask, boolean takeOver) {
        Instant now = clock.instant();
        Optional<Opened> opened;
        try {
            opened = open(guild, scheduleId, dedupeKey, ask, now);
        } catch (AlreadyOpened e) {
            Optional<Round> existing = db.withHandle(h -> rounds.findByDedupeKey(h, dedupeKey));
            if (existing.isEmpty()) {
                return new Posting(Optional.empty(), 0, 0, Outcome.DONE);
            }
            return finish(guild, existing.get(), takeOver);
        }
        if (opened.isEmpty()) {
            return new Posting(Optional.empty(), 0, 0, Outcome.DONE);
        }
        Posting posting = post(
                guild,
                opened.get().round(),
                opened.get().channels(),
                opened.get().claimed());
        listener.opened(guild, opened.get().round());
        return new Posting(Optional.of(opened.get().round()), posting.posted(), posting.tried(), posting.outcome());
    }

    /**
     * Posts an opened round where it is not posted yet: in the channels still pending and, with {@code takeOver}
     * (no earlier run of it is still running), those an earlier run claimed and never finished. Returns what landed
     * now; {@link Posting#opened()} is empty.
     */
    public Posting finish(Guild guild, Round round, boolean takeOver) {
        Outcome unchecked = Outcome.DONE;
        if (takeOver) {
            unchecked = takeOverInterrupted(guild, round);
            // The earlier run may have stopped before what follows its opening was set going; that is idempotent.
            listener.opened(guild, round);
        }
        Posting rest = post(
                guild,
                round,
                db.withHandle(h -> rounds.posts(h, round.id())).stream()
                        .filter(p -> p.state() == RoundPost.State.PENDING)
                        .map(RoundPost::channel)
                        .toList(),
                Set.of());
        return new Posting(
                Optional.empty(), rest.posted(), rest.tried(), rest.outcome().and(unchecked));
    }

    /**
     * The last attempt at this round's posts failed too: every channel still without the prompt is marked failed,
     * and the guild's leads are told where and why. Nothing happens when no round has this dedupe key.
     */
    public void giveUp(Guild guild, String dedupeKey, String reason) {
        db.withHandle(h -> rounds.findByDedupeKey(h, dedupeKey)).ifPresent(r -> giveUp(guild, r, reason));
    }

    /** As {@link #giveUp(Guild, String, String)}, for a round at hand. */
    public void giveUp(Guild guild, Round round, String reason) {
        List<ChannelRef> left = db.inTransaction(h -> {
            List<ChannelRef> unfinished = rounds.posts(h, round.id()).stream()
                    .filter(p -> p.state() == RoundPost.State.PENDING || p.state() == RoundPost.State.POSTING)
                    .map(RoundPost::channel)
                    .toList();
            unfinished.forEach(c -> rounds.markFailed(h, round.id(), c));
            return unfinished;
        });
        if (!left.isEmpty()) {
            String channels =
                    String.join(", ", left.stream().map(ChannelRef::id).toList());
            leads.tell(
                    guild,
                    Texts.get()
                            .tFor(
                                    guild.language(),
                                    platforms.invocation(guild.tenant()),
                                    "round.failed",
                                    channels,
                                    reason));
        }
    }

    /**
     * Finishes the posts an earlier run claimed and never finished: recorded if the message is on the platform,
     * claimable again if the platform shows it is not. When the platform cannot be asked right now (a rate limit, an
     * outage), the claim stays and the run asks to come back: posting without knowing could post twice.
     */
    private Outcome takeOverInterrupted(Guild guild, Round round) {
        List<RoundPost> interrupted = db.withHandle(h -> rounds.posts(h, round.id())).stream()
                .filter(p -> p.state() == RoundPost.State.POSTING)
                .toList();
        String subject = "round " + round.id() + " of guild " + guild.id();
        Outcome outcome = Outcome.DONE;
        for (RoundPost post : interrupted) {
            ChannelRef channel = post.channel();
            outcome = outcome.and(interruptedPosts
                    .check(subject, channel, round.openedAt(), platform -> roundMessage(round))
                    .settle(found -> recordLanded(guild, round, channel, found), () -> release(guild, round, channel)));
        }
        return outcome;
    }

    private void recordLanded(Guild guild, Round round, ChannelRef channel, Posted found) {
        db.useTransaction(
                h -> rounds.markPosted(h, round.id(), channel, found.threadId(), found.permalink(), clock.instant()));
        LOG.info(
                "round {} of guild {}: the interrupted post in channel {} had landed",
                round.id(),
                guild.id(),
                channel.id());
    }

    private void release(Guild guild, Round round, ChannelRef channel) {
        if (db.withHandle(h -> rounds.release(h, round.id(), channel))) {
            LOG.info(
                    "round {} of guild {}: posting again in channel {}, interrupted before it landed",
                    round.id(),
                    guild.id(),
                    channel.id());
        }
    }

    private Optional<Opened> open(Guild guild, Long scheduleId, String dedupeKey, Ask ask, Instant now) {
        return db.inTransaction(h -> {
            List<ChannelRef> channels = guilds.channels(h, guild);
            if (channels.isEmpty()) {
                return Optional.<Opened>empty();
            }
            Prompt prompt = ask.prompt() != null ? ask.prompt() : rotation.next(h, guild, ask.theme(), now);
            Optional<Round> round = rounds.open(
                    h, guild.id(), scheduleId, dedupeKey, prompt, guild.language(), now, now.plus(roundOpen));
            if (round.isEmpty()) {
                // Another run opened it; roll back our rotation bookkeeping with the rest.
                throw new AlreadyOpened();
            }
            listener.opening(h, guild, round.get());
            if (ask.prompt() != null) {
                rotation.recordChosen(h, guild, prompt, now);
            }
            // Where no rate limit holds the channel this run posts at once, so it claims the post as it adds it: a
            // statement and a commit fewer per channel than claiming it on its own just before posting (issue 13). A
            // run that stops before posting leaves the claim to a take-over, which looks on the platform first.
            List<ChannelRef> claimed = new ArrayList<>();
            for (ChannelRef c : channels) {
                if (limits.heldUntil(c, now).isPresent()) {
                    rounds.addPending(h, round.get().id(), c);
                } else {
                    rounds.addClaimed(h, round.get().id(), c);
                    claimed.add(c);
                }
            }
            return Optional.of(new Opened(round.get(), channels, Set.copyOf(claimed)));
        });
    }

    /**
     * Posts in each channel this run can claim. A rate limit (or a bucket still held by one) leaves the channel
     * pending and asks to wait, without sleeping; a failure that may pass leaves it pending for a retry; a write
     * whose outcome is unknown stays claimed, so the retry looks before posting again; a permanent failure marks it
     * failed and tells the leads.
     *
     * @param claimed the channels among {@code channels} whose post this run claimed already, as it opened the round
     */
    private Posting post(Guild guild, Round round, List<ChannelRef> channels, Set<ChannelRef> claimed) {
        ChatMessage message = roundMessage(round);
        Outcome outcome = Outcome.DONE;
        int posted = 0;
        for (ChannelRef channel : channels) {
            Optional<Instant> held = limits.heldUntil(channel, clock.instant());
            if (held.isPresent()) {
                // A limit that came up while posting in the channels before: the next run posts here.
                if (claimed.contains(channel)) {
                    db.withHandle(h -> rounds.release(h, round.id(), channel));
                }
                outcome = outcome.and(Outcome.waitUntil(held.get()));
                continue;
            }
            if (!claimed.contains(channel) && !db.withHandle(h -> rounds.claim(h, round.id(), channel))) {
                continue;
            }
            try {
                Posted p = platforms.forTenant(channel.tenant()).postTopLevel(channel, message);
                // One statement: auto-commit stores it as durably as a transaction would, in one round trip less.
                db.withHandle(h -> {
                    rounds.markPosted(h, round.id(), channel, p.threadId(), p.permalink(), clock.instant());
                    return null;
                });
                posted++;
            } catch (RateLimitedException e) {
                db.withHandle(h -> rounds.release(h, round.id(), channel));
                outcome = outcome.and(Outcome.waitUntil(limits.hold(channel, e, clock.instant())));
            } catch (UnknownOutcomeException e) {
                LOG.warn(
                        "round {} of guild {}: the post in channel {} may have landed; the retry looks first: {}",
                        round.id(),
                        guild.id(),
                        channel.id(),
                        e.getMessage());
                outcome = outcome.and(Outcome.retry("unknown outcome"));
            } catch (ChatPlatformException e) {
                LOG.warn(
                        "round {} of guild {} not posted in channel {}: {}",
                        round.id(),
                        guild.id(),
                        channel.id(),
                        e.getMessage());
                if (e.permanent()) {
                    db.useTransaction(h -> rounds.markFailed(h, round.id(), channel));
                    leads.tell(
                            guild,
                            Texts.get()
                                    .tFor(
                                            guild.language(),
                                            platforms.invocation(guild.tenant()),
                                            "round.channel.unreachable",
                                            channel.id(),
                                            guild.name()));
                } else {
                    db.withHandle(h -> rounds.release(h, round.id(), channel));
                    outcome = outcome.and(Outcome.retry("platform error"));
                }
            } catch (RuntimeException e) {
                // Not the platform saying no: our side (a token that no longer decrypts, a database hiccup).
                LOG.error(
                        "round {} of guild {}: posting in channel {} failed", round.id(), guild.id(), channel.id(), e);
                db.withHandle(h -> rounds.release(h, round.id(), channel));
                outcome = outcome.and(Outcome.retry(e.getClass().getSimpleName()));
            }
        }
        return new Posting(Optional.of(round), posted, channels.size(), outcome);
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

    private record Opened(Round round, List<ChannelRef> channels, Set<ChannelRef> claimed) {}

    /** Signals inside the transaction that the round existed already, so everything rolls back. */
    private static final class AlreadyOpened extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AlreadyOpened() {
            super(null, null, false, false);
        }
    }
}

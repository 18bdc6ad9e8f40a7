package org.shoptalk.core.digest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatPlatform;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.Platforms;
import org.shoptalk.core.chat.RateLimitedException;
import org.shoptalk.core.chat.RateLimits;
import org.shoptalk.core.chat.UnknownOutcomeException;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.Handle;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.guild.Leads;
import org.shoptalk.core.i18n.Texts;
import org.shoptalk.core.task.InterruptedPosts;
import org.shoptalk.core.task.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds a guild's digest of the last week and posts it in the guild's channels. Thread-safe. */
public final class DigestService {
    private static final Logger LOG = LoggerFactory.getLogger(DigestService.class);

    private final Database db;
    private final Platforms platforms;
    private final GuildStore guilds;
    private final DigestBuilder builder;
    private final Clock clock;
    private final RateLimits limits;
    private final Leads leads;
    private final InterruptedPosts interrupted;
    private final DigestPostStore posts = new DigestPostStore();
    private volatile DigestLinks links = DigestLinks.NONE;

    public DigestService(
            Database db,
            Platforms platforms,
            GuildStore guilds,
            DigestBuilder builder,
            Clock clock,
            RateLimits limits,
            Leads leads) {
        this.limits = limits;
        this.leads = leads;
        this.db = db;
        this.platforms = platforms;
        this.guilds = guilds;
        this.builder = builder;
        this.clock = clock;
        this.interrupted = new InterruptedPosts(platforms, limits, clock);
    }

    /** From now on, posted digests link to their web page through {@code links}. */
    public void useLinks(DigestLinks links) {
        this.links = Objects.requireNonNull(links);
    }

    /** The digest of the week up to now, as it would be posted. */
    public Digest current(Guild guild) {
        Instant to = clock.instant();
        return db.withHandle(h -> builder.build(h, guild, weekBefore(guild, to), to, platforms::displayName));
    }

    /** What became of a digest in one channel. */
    public sealed interface Delivery {
        /** Hands this to the visitor's method for its case: the exhaustive dispatch over {@link Delivery} (docs/code-layout.md). */
        <R> R accept(Visitor<R> v);

        /** One method per outcome, so a new outcome fails to compile until every report says it. */
        interface Visitor<R> {
            R posted(Delivery.Posted x);

            R postedShort(Delivery.PostedShort x);

            R refused(Delivery.Refused x);

            R delayed(Delivery.Delayed x);

            R unconfirmed(Delivery.Unconfirmed x);
        }

        ChannelRef channel();

        /** The digest is there. */
        record Posted(ChannelRef channel) implements Delivery {
            @Override
            public <R> R accept(Visitor<R> v) {
                return v.posted(this);
            }
        }

        /** The platform refused the full digest ({@code code}); the short version with the link is there instead. */
        record PostedShort(ChannelRef channel, String code) implements Delivery {
            @Override
            public <R> R accept(Visitor<R> v) {
                return v.postedShort(this);
            }
        }

        /** The platform refused it for good, for {@code reason}; nothing is there. */
        record Refused(ChannelRef channel, ChatPlatformException.Reason reason, String code) implements Delivery {
            @Override
            public <R> R accept(Visitor<R> v) {
                return v.refused(this);
            }
        }

        /** The platform asked to wait or failed for now; nothing is there yet. */
        record Delayed(ChannelRef channel) implements Delivery {
            @Override
            public <R> R accept(Visitor<R> v) {
                return v.delayed(this);
            }
        }

        /** The platform did not confirm the post: it may be there. */
        record Unconfirmed(ChannelRef channel) implements Delivery {
            @Override
            public <R> R accept(Visitor<R> v) {
                return v.unconfirmed(this);
            }
        }
    }

    /** What became of a digest asked for now, channel by channel. */
    public record Sent(List<Delivery> deliveries) {
        public Sent {
            deliveries = List.copyOf(deliveries);
        }

        /** Channels where the full digest landed. */
        public int posted() {
            return (int) deliveries.stream()
                    .filter(d -> d instanceof Delivery.Posted)
                    .count();
        }

        public int channels() {
            return deliveries.size();
        }

        /** The channels where the full digest did not land, with what happened there. */
        public List<Delivery> problems() {
            return deliveries.stream()
                    .filter(d -> !(d instanceof Delivery.Posted))
                    .toList();
        }
    }

    /** Posts the digest of the week up to now in every channel of the guild, asked for now by {@code askedBy}. */
    public Sent postNow(Guild guild, UserRef askedBy) {
        Instant to = clock.instant();
        List<ChannelRef> channels = db.withHandle(h -> guilds.channels(h, guild));
        Digest digest = db.withHandle(h -> builder.build(h, guild, weekBefore(guild, to), to, platforms::displayName));
        Optional<String> page = page(guild, to);
        List<Delivery> deliveries = new ArrayList<>();
        for (ChannelRef channel : channels) {
            deliveries.add(deliver(guild, channel, digest, page));
        }
        Sent sent = new Sent(deliveries);
        if (!sent.problems().isEmpty()) {
            leads.tell(
                    guild,
                    DigestReport.forLeads(
                            guild.language(),
                            platforms.invocation(guild.tenant()),
                            "digest.lead.asked",
                            sent.problems()),
                    askedBy);
        }
        return sent;
    }

    /** Posts the digest in one channel: the full one, or the short version where the platform refuses that. */
    private Delivery deliver(Guild guild, ChannelRef channel, Digest digest, Optional<String> page) {
        ChatPlatform platform;
        try {
            platform = platforms.forTenant(channel.tenant());
            platform.postTopLevel(channel, DigestRenderer.render(digest, page, platform));
            return new Delivery.Posted(channel);
        } catch (UnknownOutcomeException e) {
            LOG.warn("digest of guild {} in channel {} may have landed: {}", guild.id(), channel.id(), e.getMessage());
            return new Delivery.Unconfirmed(channel);
        } catch (ChatPlatformException e) {
            LOG.warn("digest of guild {} not posted in channel {}: {}", guild.id(), channel.id(), e.getMessage());
            if (!e.permanent()) {
                return new Delivery.Delayed(channel);
            }
            if (!e.messageRefused()) {
                return new Delivery.Refused(channel, e.reason(), e.code());
            }
            return postShort(guild, channel, digest, page, e);
        }
    }

    private Delivery postShort(
            Guild guild, ChannelRef channel, Digest digest, Optional<String> page, ChatPlatformException refusal) {
        try {
            platforms.forTenant(channel.tenant()).postTopLevel(channel, DigestRenderer.brief(digest, page));
            return new Delivery.PostedShort(channel, refusal.code());
        } catch (UnknownOutcomeException e) {
            LOG.warn(
                    "short digest of guild {} in channel {} may have landed: {}",
                    guild.id(),
                    channel.id(),
                    e.getMessage());
            return new Delivery.Unconfirmed(channel);
        } catch (ChatPlatformException e) {
            LOG.warn("short digest of guild {} not posted in channel {}: {}", guild.id(), channel.id(), e.getMessage());
            return e.permanent()
                    ? new Delivery.Refused(channel, refusal.reason(), refusal.code())
                    : new Delivery.Delayed(channel);
        }
    }

    /**
     * Posts a scheduled digest. The period and the channels are recorded first under the dedupe key and each channel
     * is claimed before posting, so a second call with the same key (a retry, another cluster member, the recovery
     * of a crashed run) posts only where nothing landed yet. {@code takeOver} says no earlier run of this key is
     * still running: in each channel it claimed and never finished (it died mid-post, or the platform failed after
     * sending) the platform is asked first, where it can look ({@link PostLookup}), and the digest is posted again
     * only where it did not land. A rate limit leaves a channel pending and asks to wait; a failure that may pass
     * leaves it pending for a retry; a permanent one marks it failed.
     */
    public Outcome post(Guild guild, String dedupeKey, boolean takeOver) {
        Instant now = clock.instant();
        Instant[] period = db.inTransaction(h -> {
            if (posts.record(h, guild.id(), dedupeKey, new DigestPostStore.Period(weekBefore(guild, now), now), now)) {
                for (ChannelRef c : guilds.channels(h, guild)) {
                    posts.addPending(h, guild.id(), dedupeKey, c);
                }
            }
            DigestPostStore.Period p = posts.period(h, guild.id(), dedupeKey).orElseThrow();
            return new Instant[] {p.from(), p.to()};
        });
        List<ChannelRef> claimed = takeOver ? channels(guild, h -> posts.claimed(h, guild.id(), dedupeKey)) : List.of();
        List<ChannelRef> pending = channels(guild, h -> posts.pending(h, guild.id(), dedupeKey));
        if (claimed.isEmpty() && pending.isEmpty()) {
            return Outcome.DONE;
        }
        Digest digest = db.withHandle(h -> builder.build(h, guild, period[0], period[1], platforms::displayName));
        Optional<String> page = page(guild, period[1]);
        Outcome outcome = Outcome.DONE;
        if (!claimed.isEmpty()) {
            for (ChannelRef channel : claimed) {
                outcome = outcome.and(settleInterrupted(guild, dedupeKey, channel, digest, page, period[1]));
            }
            // Where the digest had not landed, the channel is pending again.
            pending = channels(guild, h -> posts.pending(h, guild.id(), dedupeKey));
        }
        List<Delivery> problems = new ArrayList<>();
        for (ChannelRef channel : pending) {
            Optional<Instant> held = limits.heldUntil(channel, clock.instant());
            if (held.isPresent()) {
                outcome = outcome.and(Outcome.waitUntil(held.get()));
            } else if (setState(guild, dedupeKey, channel, "PENDING", "POSTING")) {
                outcome = outcome.and(postClaimed(guild, dedupeKey, channel, digest, page, problems));
            }
        }
        if (!problems.isEmpty()) {
            leads.tell(
                    guild,
                    DigestReport.forLeads(
                            guild.language(), platforms.invocation(guild.tenant()), "digest.lead.scheduled", problems),
                    null);
        }
        return outcome;
    }

    private List<ChannelRef> channels(Guild guild, Function<Handle, List<String>> ids) {
        return db.withHandle(h -> ids.apply(h).stream()
                .map(id -> new ChannelRef(guild.tenant(), id))
                .toList());
    }

    /**
     * A channel an earlier run claimed and did not finish: done if the platform shows the digest there (posted at or
     * after the period's end, when the digest was first recorded), pending again if it does not or cannot look.
     * A rate limit or failure while looking leaves the claim for the next run to look again.
     */
    private Outcome settleInterrupted(
            Guild guild, String dedupeKey, ChannelRef channel, Digest digest, Optional<String> page, Instant since) {
        return interrupted
                .check("digest of guild " + guild.id(), channel, since, p -> DigestRenderer.render(digest, page, p))
                .settle(
                        posted -> {
                            LOG.info(
                                    "digest of guild {} had landed in channel {} before its run stopped",
                                    guild.id(),
                                    channel.id());
                            setState(guild, dedupeKey, channel, "POSTING", "DONE");
                        },
                        () -> setState(guild, dedupeKey, channel, "POSTING", "PENDING"));
    }

    /** Posts in a claimed channel; a permanent refusal is added to {@code problems}, which the leads are told. */
    private Outcome postClaimed(
            Guild guild,
            String dedupeKey,
            ChannelRef channel,
            Digest digest,
            Optional<String> page,
            List<Delivery> problems) {
        try {
            ChatPlatform platform = platforms.forTenant(channel.tenant());
            platform.postTopLevel(channel, DigestRenderer.render(digest, page, platform));
            setState(guild, dedupeKey, channel, "POSTING", "DONE");
            return Outcome.DONE;
        } catch (RateLimitedException e) {
            setState(guild, dedupeKey, channel, "POSTING", "PENDING");
            return Outcome.waitUntil(limits.hold(channel, e, clock.instant()));
        } catch (UnknownOutcomeException e) {
            // Left claimed: the retry takes over and asks the platform before posting again (one that cannot look
            // gets it again, the lesser harm than a week without a digest).
            LOG.warn("digest of guild {} in channel {} may have landed: {}", guild.id(), channel.id(), e.getMessage());
            return Outcome.retry("unknown outcome");
        } catch (ChatPlatformException e) {
            LOG.warn("digest of guild {} not posted in channel {}: {}", guild.id(), channel.id(), e.getMessage());
            if (!e.permanent()) {
                setState(guild, dedupeKey, channel, "POSTING", "PENDING");
                return Outcome.retry("platform error");
            }
            // A refused message is not retried (it would be refused again): the short version goes out instead.
            Delivery delivery = e.messageRefused()
                    ? postShort(guild, channel, digest, page, e)
                    : new Delivery.Refused(channel, e.reason(), e.code());
            String state = delivery.accept(new Delivery.Visitor<>() {
                @Override
                public String posted(Delivery.Posted x) {
                    return "DONE";
                }

                @Override
                public String postedShort(Delivery.PostedShort x) {
                    return "DONE";
                }

                @Override
                public String refused(Delivery.Refused x) {
                    return "FAILED";
                }

                @Override
                public String delayed(Delivery.Delayed x) {
                    return "PENDING";
                }

                @Override
                public String unconfirmed(Delivery.Unconfirmed x) {
                    return "DONE";
                }
            });
            setState(guild, dedupeKey, channel, "POSTING", state);
            if ("PENDING".equals(state)) {
                return Outcome.retry("platform error");
            }
            problems.add(delivery);
            return Outcome.DONE;
        } catch (RuntimeException e) {
            LOG.error("digest of guild {}: posting in channel {} failed", guild.id(), channel.id(), e);
            setState(guild, dedupeKey, channel, "POSTING", "PENDING");
            return Outcome.retry(e.getClass().getSimpleName());
        }
    }

    /** The last attempt failed too: channels still without the digest are marked failed and the leads told. */
    public void giveUp(Guild guild, String dedupeKey, String reason) {
        List<String> left = db.inTransaction(h -> {
            List<String> unfinished = posts.unfinished(h, guild.id(), dedupeKey);
            posts.failUnfinished(h, guild.id(), dedupeKey);
            return unfinished;
        });
        if (!left.isEmpty()) {
            leads.tell(
                    guild,
                    Texts.get()
                            .tFor(
                                    guild.language(),
                                    platforms.invocation(guild.tenant()),
                                    "digest.failed",
                                    String.join(", ", left),
                                    reason),
                    null);
        }
    }

    private boolean setState(Guild guild, String dedupeKey, ChannelRef channel, String from, String to) {
        return db.withHandle(h -> posts.setState(h, guild.id(), dedupeKey, channel.id(), from, to));
    }

    /** The start of the week a digest ending at {@code to} covers: the same local time a calendar week earlier. */
    private static Instant weekBefore(Guild guild, Instant to) {
        return DigestHistory.periodStart(to, 1, guild.zone());
    }

    // A failing link must not cost the guild its digest: it is posted without the link.
    private Optional<String> page(Guild guild, Instant periodEnd) {
        try {
            return links.pageFor(guild, periodEnd);
        } catch (RuntimeException e) {
            LOG.warn(
                    "digest of guild {} posted without its web link: {}",
                    guild.id(),
                    e.getClass().getName());
            return Optional.empty();
        }
    }
}

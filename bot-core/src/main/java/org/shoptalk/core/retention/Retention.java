package org.shoptalk.core.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatform;
import org.shoptalk.core.chat.Platforms;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.Handle;
import org.shoptalk.core.dialogue.ConversationStore;
import org.shoptalk.core.dialogue.GoalStore;
import org.shoptalk.core.dialogue.PairingStore;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.i18n.Texts;
import org.shoptalk.core.intervisie.Intervisies;
import org.shoptalk.core.round.AnswerStore;
import org.shoptalk.core.round.RoundStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A guild's retention (issue 15, section 4; docs/retention.md), run once a day from the daily
 * housekeeping. For each guild, {@code cutoff} is now minus the guild's retention in months, in the guild's time zone.
 * <ol>
 *   <li>Nothing is removed before the guild was told: when some record is older than {@code cutoff} plus
 *       {@link #NOTICE_LEAD}, Shoptalk posts a notice in every guild channel (to every member privately when the
 *       guild has no channel) and records when.</li>
 *   <li>From {@link #NOTICE_LEAD} after that notice on, every run removes, in one transaction, what is older than
 *       the cutoff: answers (named and anonymous), rounds with their thread bookkeeping, goal-coach conversations,
 *       goals whose look-back is past, professional-friend pairs, finished intervisie sessions; and marks the guild
 *       purged up to the cutoff, so digest pages for those weeks say so. Exports are made from what is stored, so
 *       they hold nothing removed.</li>
 *   <li>A changed period withdraws the notice ({@link GuildStore#setRetention}), so a shorter one is announced again.</li>
 * </ol>
 * Each statement lives in the store that owns its table. A guild that fails is logged (without content) and tried
 * again the next day; the others go on. Thread-safe.
 */
public final class Retention {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    /** A week: long enough for people who look in once a week (the digest's rhythm) to see the notice in time. */
    public static final Duration NOTICE_LEAD = Duration.ofDays(7);

    private final Database db;
    private final Platforms platforms;
    private final GuildStore guilds;
    private final AnswerStore answers;
    private final RoundStore rounds;
    private final ConversationStore conversations;
    private final GoalStore goals;
    private final PairingStore pairs;
    private final Clock clock;

    public Retention(Database db, Platforms platforms, GuildStore guilds, Clock clock) {
        this.db = db;
        this.platforms = platforms;
        this.guilds = guilds;
        this.answers = new AnswerStore();
        this.rounds = new RoundStore();
        this.conversations = new ConversationStore();
        this.goals = new GoalStore();
        this.pairs = new PairingStore();
        this.clock = clock;
    }

    /** What one guild's run did. */
    public sealed interface Outcome {
        /** Nothing is old enough to be removed within {@link #NOTICE_LEAD}. */
        record NothingDue() implements Outcome {}

        /** The notice was posted now; removal starts {@link #NOTICE_LEAD} later. */
        record Noticed(Instant purgeFrom) implements Outcome {}

        /** Noticed earlier; removal starts at {@code purgeFrom}. */
        record Waiting(Instant purgeFrom) implements Outcome {}

        /** The notice reached no one (every post failed); it is tried again tomorrow. */
        record NotDelivered() implements Outcome {}

        /** Records older than {@code cutoff} were removed: counts per kind. */
        record Purged(Instant cutoff, int answers, int rounds, int conversations, int goals, int pairs, int intervisies)
                implements Outcome {}
    }

    /** Runs every guild; a guild that fails does not stop the others. */
    public void run() {
        Instant now = clock.instant();
        for (Guild g : db.withHandle(guilds::all)) {
            try {
                Outcome o = run(g, now);
                if (o instanceof Outcome.Purged p) {
                    LOG.info(
                            "retention: guild {} purged before {}: {} answers, {} rounds, {} conversations, {} goals,"
                                    + " {} pairs, {} intervisies",
                            g.id(),
                            p.cutoff(),
                            p.answers(),
                            p.rounds(),
                            p.conversations(),
                            p.goals(),
                            p.pairs(),
                            p.intervisies());
                }
            } catch (RuntimeException e) {
                LOG.warn(
                        "retention: guild {} failed, tried again tomorrow: {}",
                        g.id(),
                        e.getClass().getName());
            }
        }
    }

    /** One guild's run at {@code now}. */
    public Outcome run(Guild guild, Instant now) {
        Instant cutoff = cutoff(guild, now);
        Optional<Instant> noticed = db.withHandle(h -> guilds.retentionNoticedAt(h, guild.id()));
        if (noticed.isPresent()) {
            Instant purgeFrom = noticed.get().plus(NOTICE_LEAD);
            if (now.isBefore(purgeFrom)) {
                return new Outcome.Waiting(purgeFrom);
            }
            return db.inTransaction(h -> purge(h, guild.id(), cutoff));
        }
        Instant horizon = cutoff.plus(NOTICE_LEAD);
        boolean due = db.withHandle(
                h -> oldest(h, guild.id()).filter(o -> o.isBefore(horizon)).isPresent());
        if (!due) {
            return new Outcome.NothingDue();
        }
        return notice(guild, now, horizon);
    }

    /** Everything before this instant is removed: {@code now} minus the guild's months, in its time zone. */
    public static Instant cutoff(Guild guild, Instant now) {
        return now.atZone(guild.zone())
                .minusMonths(guild.keeping().retentionMonths())
                .toInstant();
    }

    private Outcome.Purged purge(Handle h, long guildId, Instant cutoff) {
        int answerCount = answers.purgeOlderThan(h, guildId, cutoff);
        int roundCount = rounds.purgeOlderThan(h, guildId, cutoff);
        int conversationCount = conversations.purgeOlderThan(h, guildId, cutoff);
        int goalCount = goals.purgeOlderThan(h, guildId, cutoff);
        int pairCount = pairs.purgeOlderThan(h, guildId, cutoff);
        int intervisieCount = Intervisies.purgeOlderThan(h, guildId, cutoff);
        guilds.markPurgedBefore(h, guildId, cutoff);
        return new Outcome.Purged(
                cutoff, answerCount, roundCount, conversationCount, goalCount, pairCount, intervisieCount);
    }

    private Optional<Instant> oldest(Handle h, long guildId) {
        return Stream.of(
                        answers.oldest(h, guildId),
                        rounds.oldest(h, guildId),
                        conversations.oldest(h, guildId),
                        goals.oldest(h, guildId),
                        pairs.oldest(h, guildId),
                        Intervisies.oldest(h, guildId))
                .flatMap(Optional::stream)
                .min(Instant::compareTo);
    }

    /**
     * Records the notice first, then posts it, so a retry never posts it twice; when no one could be reached the
     * record is withdrawn and tomorrow's run tries again.
     */
    private Outcome notice(Guild guild, Instant now, Instant horizon) {
        Instant purgeFrom = now.plus(NOTICE_LEAD);
        // Looked up before the notice is recorded: a tenant whose platform is not running gets no record, so no purge.
        ChatPlatform platform = platforms.forTenant(guild.tenant());
        ChatMessage message = ChatMessage.text(Texts.get()
                .tFor(
                        guild.language(),
                        platform.invocation(),
                        "retention.notice",
                        guild.keeping().retentionMonths(),
                        purgeFrom.atZone(guild.zone()).toLocalDate(),
                        horizon.atZone(guild.zone()).toLocalDate()));
        List<ChannelRef> channels = db.withHandle(h -> guilds.channels(h, guild));
        List<Runnable> sends = new ArrayList<>();
        if (channels.isEmpty()) {
            for (UserRef member : db.withHandle(h -> guilds.members(h, guild))) {
                sends.add(() -> platform.sendPrivate(member, message));
            }
        } else {
            for (ChannelRef channel : channels) {
                sends.add(() -> platform.postTopLevel(channel, message));
            }
        }
        db.useTransaction(h -> guilds.setRetentionNoticedAt(h, guild.id(), now));
        int reached = 0;
        for (Runnable send : sends) {
            try {
                send.run();
                reached++;
            } catch (RuntimeException e) {
                LOG.warn(
                        "retention: notice for guild {} not delivered: {}",
                        guild.id(),
                        e.getClass().getName());
            }
        }
        if (reached == 0) {
            db.useTransaction(h -> guilds.setRetentionNoticedAt(h, guild.id(), null));
            return new Outcome.NotDelivered();
        }
        return new Outcome.Noticed(purgeFrom);
    }
}

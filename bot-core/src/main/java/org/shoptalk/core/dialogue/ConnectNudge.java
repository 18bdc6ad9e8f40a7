package org.shoptalk.core.dialogue;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.Excerpt;
import org.shoptalk.core.chat.Platforms;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.i18n.Texts;
import org.shoptalk.core.round.Answer;
import org.shoptalk.core.round.AnswerStore;
import org.shoptalk.core.round.AnswerText;
import org.shoptalk.core.round.Attribution;
import org.shoptalk.core.round.Round;
import org.shoptalk.core.round.RoundPost;
import org.shoptalk.core.round.RoundStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Connect the answers": when a thread holds answers of at least two people and nobody responded to
 * anyone, the bot quotes two of them side by side and invites everyone to respond to each other.
 * At most one nudge per round; it quotes only people who answered, and names nobody else. Thread-safe.
 */
public final class ConnectNudge {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectNudge.class);
    private static final int EXCERPT = 140;

    /** What a check decided: nudged, nothing to do ever again, or look again later. */
    public enum Outcome {
        NUDGED,
        DONE,
        LATER
    }

    private final Database db;
    private final Platforms platforms;
    private final GuildStore guilds;
    private final RoundStore rounds;
    private final AnswerStore answers;
    private final Pseudonyms pseudonyms;
    private final Clock clock;
    private final ConnectNudgeStore nudges = new ConnectNudgeStore();

    public ConnectNudge(
            Database db,
            Platforms platforms,
            GuildStore guilds,
            RoundStore rounds,
            AnswerStore answers,
            Pseudonyms pseudonyms,
            Clock clock) {
        this.db = db;
        this.pseudonyms = pseudonyms;
        this.platforms = platforms;
        this.guilds = guilds;
        this.rounds = rounds;
        this.answers = answers;
        this.clock = clock;
    }

    public Outcome check(long roundId) {
        Instant now = clock.instant();
        record Plan(Guild guild, RoundPost post, Answer first, Answer second, Round round) {}
        // What the transaction decided: post the plan, or (no plan) end the task with the outcome.
        record Decision(Outcome outcome, Plan plan) {}
        Decision decision = db.inTransaction(h -> {
            Optional<Round> round = rounds.find(h, roundId);
            Optional<Guild> guild = round.flatMap(r -> guilds.findForTask(h, r.guildId()));
            if (guild.isEmpty() || !guild.get().dialogue().connectEnabled()) {
                return new Decision(Outcome.DONE, null);
            }
            List<Answer> all = answers.forRound(h, roundId);
            if (all.stream().anyMatch(a -> a.respondsTo() != null)) {
                return new Decision(Outcome.DONE, null);
            }
            for (RoundPost post : rounds.posts(h, roundId)) {
                List<Answer> inThread = firstPerPerson(
                        all.stream()
                                .filter(a -> a.channel().equals(post.channel()))
                                .toList(),
                        roundId);
                if (post.state() == RoundPost.State.POSTED && inThread.size() >= 2) {
                    if (!nudges.claim(h, roundId, now)) {
                        return new Decision(Outcome.DONE, null);
                    }
                    return new Decision(
                            null, new Plan(guild.get(), post, inThread.get(0), inThread.get(1), round.get()));
                }
            }
            return new Decision(now.isBefore(round.get().closesAt()) ? Outcome.LATER : Outcome.DONE, null);
        });
        if (decision.plan() == null) {
            return decision.outcome();
        }
        Plan plan = decision.plan();
        try {
            platforms
                    .forTenant(plan.guild().tenant())
                    .postInThread(
                            new org.shoptalk.core.chat.ThreadRef(
                                    plan.post().channel(), plan.post().threadId()),
                            message(plan.guild(), plan.round(), plan.first(), plan.second(), platforms::displayName));
        } catch (ChatPlatformException e) {
            LOG.warn("connect nudge for round {} not posted: {}", roundId, e.getMessage());
        }
        return Outcome.NUDGED;
    }

    /**
     * Each person's first answer, in thread order: the pair to connect comes from two different people. An
     * anonymous answer by someone who also answered under their name is left out, so nobody is invited to
     * respond to themselves.
     */
    private List<Answer> firstPerPerson(List<Answer> answers, long roundId) {
        Map<UserRef, Answer> first = new LinkedHashMap<>();
        answers.forEach(a -> first.putIfAbsent(a.author(), a));
        Set<String> namedWritersPseudonyms = new HashSet<>();
        first.keySet().stream()
                .filter(u -> !Attribution.isPseudonym(u))
                .forEach(u -> namedWritersPseudonyms.addAll(pseudonyms.candidates(u, roundId)));
        return first.values().stream()
                .filter(a -> !a.anonymous()
                        || !namedWritersPseudonyms.contains(a.author().id()))
                .toList();
    }

    private static ChatMessage message(Guild guild, Round round, Answer a, Answer b, Function<UserRef, String> names) {
        Texts t = Texts.get();
        var lang = round.language();
        Attribution attribution =
                new Attribution(guild.zone(), lang, names, guild.keeping().anonymityThreshold());
        return ChatMessage.builder()
                .text(t.t(lang, "connect.intro"))
                .quote(Excerpt.line(AnswerText.shown(a, lang), EXCERPT), attribution.author(a))
                .quote(Excerpt.line(AnswerText.shown(b, lang), EXCERPT), attribution.author(b))
                .text(t.t(lang, "connect.invite"))
                .build();
    }
}

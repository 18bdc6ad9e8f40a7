package org.shoptalk.core.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.shoptalk.core.chat.QuotedText;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Handle;
import org.shoptalk.core.dialogue.Goal;
import org.shoptalk.core.dialogue.GoalStore;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.intervisie.Intervisies;
import org.shoptalk.core.round.Answer;
import org.shoptalk.core.round.AnswerStore;
import org.shoptalk.core.round.AnswerText;
import org.shoptalk.core.round.Attribution;
import org.shoptalk.core.round.Round;
import org.shoptalk.core.round.RoundPost;
import org.shoptalk.core.round.RoundStore;
import org.shoptalk.core.schedule.Schedule;
import org.shoptalk.core.schedule.ScheduleStore;

/**
 * Reads a guild's rounds and answers of a period into a {@link Digest}; people are named by {@link Attribution},
 * the rule the digest page and the exports follow too. Thread-safe.
 */
public final class DigestBuilder {
    private final RoundStore rounds;
    private final AnswerStore answers;
    private final ScheduleStore schedules;

    private final GoalStore goals;
    private final org.shoptalk.core.dialogue.PairingStore pairings = new org.shoptalk.core.dialogue.PairingStore();

    public DigestBuilder(RoundStore rounds, AnswerStore answers, ScheduleStore schedules, GoalStore goals) {
        this.rounds = rounds;
        this.answers = answers;
        this.schedules = schedules;
        this.goals = goals;
    }

    public Digest build(Handle h, Guild guild, Instant from, Instant to, Function<UserRef, String> names) {
        List<Digest.RoundSummary> summaries = new ArrayList<>();
        Set<UserRef> participants = new HashSet<>();
        List<Digest.Lively> lively = new ArrayList<>();
        List<Digest.AnswerLine> openQuestions = new ArrayList<>();
        int responses = 0;
        Attribution attribution = new Attribution(guild, names);
        for (Round round : rounds.openedBetween(h, guild.id(), from, to)) {
            List<String> links = rounds.posts(h, round.id()).stream()
                    .filter(p -> p.state() == RoundPost.State.POSTED)
                    .map(RoundPost::permalink)
                    .filter(Objects::nonNull)
                    .toList();
            List<Digest.AnswerLine> lines = new ArrayList<>();
            List<Answer> all = answers.forRound(h, round.id());
            List<Attribution.Byline> bylines = attribution.round(all);
            int roundResponses = 0;
            for (int i = 0; i < all.size(); i++) {
                Answer a = all.get(i);
                participants.add(a.author());
                if (a.respondsTo() != null) {
                    roundResponses++;
                }
                Attribution.Byline by = bylines.get(i);
                Digest.AnswerLine line = new Digest.AnswerLine(
                        by.authorName(),
                        QuotedText.withoutMentions(
                                AnswerText.shown(a, guild.language()),
                                id -> names.apply(new UserRef(guild.tenant(), id))),
                        by.respondsToName(),
                        by.edited());
                lines.add(line);
                if (a.text().contains("?") && !answeredLater(all, i)) {
                    openQuestions.add(line);
                }
            }
            responses += roundResponses;
            if (roundResponses > 0) {
                lively.add(new Digest.Lively(round.promptText(), roundResponses));
            }
            summaries.add(new Digest.RoundSummary(round, links, lines, highlights(all)));
        }
        lively.sort(Comparator.comparingInt(Digest.Lively::responses).reversed());
        LocalDate today = to.atZone(guild.zone()).toLocalDate();
        List<String> newGoals = goals.createdBetween(h, guild.id(), from, to).stream()
                .map(Goal::statement)
                .toList();
        List<String> reviews = goals.forGuild(h, guild).stream()
                .filter(g -> !g.reviewOn().isBefore(today))
                .map(g -> g.reviewOn() + ": " + g.statement())
                .toList();
        int pairs = pairings.metBetween(h, guild.id(), from, to);
        Digest.Dialogue dialogue = new Digest.Dialogue(
                lively.stream().limit(3).toList(),
                openQuestions,
                newGoals,
                reviews,
                pairs,
                Intervisies.finished(h, guild.id(), from, to));
        return new Digest(
                guild, from, to, summaries, participants.size(), responses, upcoming(h, guild, to, 3), dialogue);
    }

    /**
     * The answers most worth quoting first: the liveliest exchange (the answer whose writer drew the most responses,
     * those responses, and the writer's own replies to them), in thread order, then every other answer in thread order.
     */
    static List<Integer> highlights(List<Answer> all) {
        int seed = -1;
        int most = 0;
        for (int i = 0; i < all.size(); i++) {
            UserRef author = all.get(i).author();
            int drawn = 0;
            for (int j = i + 1; j < all.size(); j++) {
                if (author.equals(all.get(j).respondsTo())) {
                    drawn++;
                }
            }
            if (drawn > most) {
                most = drawn;
                seed = i;
            }
        }
        List<Integer> first = new ArrayList<>();
        if (seed >= 0) {
            UserRef author = all.get(seed).author();
            Set<UserRef> responders = new HashSet<>();
            first.add(seed);
            for (int j = seed + 1; j < all.size(); j++) {
                Answer a = all.get(j);
                if (author.equals(a.respondsTo())) {
                    responders.add(a.author());
                    first.add(j);
                } else if (author.equals(a.author()) && responders.contains(a.respondsTo())) {
                    first.add(j);
                }
            }
        }
        List<Integer> order = new ArrayList<>(first);
        for (int i = 0; i < all.size(); i++) {
            if (!first.contains(i)) {
                order.add(i);
            }
        }
        return order;
    }

    /** Whether someone responded to this answer's author later in the thread (by mention or right after it). */
    private static boolean answeredLater(List<Answer> all, int index) {
        Answer question = all.get(index);
        for (int j = index + 1; j < all.size(); j++) {
            Answer later = all.get(j);
            if (question.author().equals(later.respondsTo())) {
                return true;
            }
        }
        return false;
    }

    /** The next moments planned across the guild's schedules, soonest first. */
    public List<ZonedDateTime> upcoming(Handle h, Guild guild, Instant after, int count) {
        var skips = schedules.skips(h, guild.id(), after.atZone(guild.zone()).toLocalDate());
        List<ZonedDateTime> all = new ArrayList<>();
        for (Schedule s : schedules.forGuild(h, guild)) {
            all.addAll(s.upcoming(after, guild.zone(), skips, count));
        }
        return all.stream()
                .sorted(Comparator.comparing(ZonedDateTime::toInstant))
                .limit(count)
                .map(t -> t.withZoneSameInstant(guild.zone()))
                .toList();
    }
}

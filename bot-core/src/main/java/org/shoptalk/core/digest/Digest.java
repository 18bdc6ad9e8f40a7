package org.shoptalk.core.digest;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.intervisie.Intervisies;
import org.shoptalk.core.round.Round;

/**
 * A guild's digest for a period: what was asked, what people said, how much they responded to each
 * other, and what comes next. Counts never name people who did not take part.
 */
public record Digest(
        Guild guild,
        Instant from,
        Instant to,
        List<RoundSummary> rounds,
        int participants,
        int responsesBetweenPeople,
        List<ZonedDateTime> upcoming,
        Dialogue dialogue) {

    public Digest {
        rounds = List.copyOf(rounds);
        upcoming = List.copyOf(upcoming);
    }

    /**
     * Where the dialogue went: the threads with the most responses between people, questions people
     * asked that nobody answered yet, goals set and accountability moments ahead, and how many
     * professional-friend pairs said they met (never who; docs/rhythm.md), and for each intervisie that finished, how
     * many took part and, only where the case-bringer chose to share, the takeaways its authors agreed to show,
     * unattributed (its other content stays in its thread, issue 15).
     */
    public record Dialogue(
            List<Lively> lively,
            List<AnswerLine> openQuestions,
            List<String> newGoals,
            List<String> upcomingReviews,
            int pairsMet,
            List<Intervisies.Finished> intervisies) {
        public Dialogue {
            lively = List.copyOf(lively);
            openQuestions = List.copyOf(openQuestions);
            newGoals = List.copyOf(newGoals);
            upcomingReviews = List.copyOf(upcomingReviews);
            intervisies = List.copyOf(intervisies);
        }

        /** A period without intervisie. */
        public Dialogue(
                List<Lively> lively,
                List<AnswerLine> openQuestions,
                List<String> newGoals,
                List<String> upcomingReviews,
                int pairsMet) {
            this(lively, openQuestions, newGoals, upcomingReviews, pairsMet, List.of());
        }

        public boolean isEmpty() {
            return lively.isEmpty()
                    && openQuestions.isEmpty()
                    && newGoals.isEmpty()
                    && upcomingReviews.isEmpty()
                    && pairsMet == 0
                    && intervisies.isEmpty();
        }
    }

    /** A thread and how many answers in it responded to a colleague. */
    public record Lively(String prompt, int responses) {}

    /**
     * A round with links to its threads and its answers in thread order. {@code highlights} are indexes into
     * {@code answers}, the ones most worth quoting first: the liveliest exchange of the round, then the others.
     */
    public record RoundSummary(
            Round round, List<String> threadLinks, List<AnswerLine> answers, List<Integer> highlights) {
        public RoundSummary {
            threadLinks = List.copyOf(threadLinks);
            answers = List.copyOf(answers);
            highlights = List.copyOf(highlights);
        }

        /** Answers quoted in thread order, as many as the digest has room for. */
        public RoundSummary(Round round, List<String> threadLinks, List<AnswerLine> answers) {
            this(
                    round,
                    threadLinks,
                    answers,
                    java.util.stream.IntStream.range(0, answers.size()).boxed().toList());
        }
    }

    /** How many answers the period holds in all: what the web page shows in full. */
    public int answerCount() {
        return rounds.stream().mapToInt(r -> r.answers().size()).sum();
    }

    /** One answer as readers see it; {@code respondsToName} is null for an answer that stands on its own. */
    public record AnswerLine(String authorName, String text, String respondsToName, boolean edited) {}
}

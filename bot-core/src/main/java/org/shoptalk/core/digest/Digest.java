package org.shoptalk.core.digest;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.round.Round;

/**
 * A guild's digest for a period: what was asked, what people said, how much they responded to each
 * other, and what comes next. Counts never name people who did not take part.
 */
public record Digest(Guild guild, Instant from, Instant to, List<RoundSummary> rounds, int participants,
                     int responsesBetweenPeople, List<ZonedDateTime> upcoming) {

    public Digest {
        rounds = List.copyOf(rounds);
        upcoming = List.copyOf(upcoming);
    }

    /** A round with links to its threads and its answers in thread order. */
    public record RoundSummary(Round round, List<String> threadLinks, List<AnswerLine> answers) {
        public RoundSummary {
            threadLinks = List.copyOf(threadLinks);
            answers = List.copyOf(answers);
        }
    }

    /** One answer as readers see it; {@code respondsToName} is null for an answer that stands on its own. */
    public record AnswerLine(String authorName, String text, String respondsToName, boolean edited) {
    }
}

package org.shoptalk.core.record;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.prompt.Dimension;

/**
 * One person's reflection record for the days {@code from} to {@code to} (both included, in {@code zone}), read per
 * dimension when {@code only} is set (docs/record.md). Built by {@link Records}; immutable.
 */
public record PersonalRecord(
        Language language,
        ZoneId zone,
        LocalDate from,
        LocalDate to,
        Dimension only,
        List<AnswerEntry> answers,
        List<GoalEntry> goals,
        List<SessionEntry> sessions) {

    public PersonalRecord {
        answers = List.copyOf(answers);
        goals = List.copyOf(goals);
        sessions = List.copyOf(sessions);
    }

    /** An answer to a reflection moment; {@code anonymous} ones are shown here, to their author, and nowhere else. */
    public record AnswerEntry(
            long roundId,
            Instant at,
            String guild,
            String question,
            String text,
            Set<Dimension> dimensions,
            boolean anonymous) {
        public AnswerEntry {
            dimensions = Set.copyOf(dimensions);
        }
    }

    /** A goal the person set, and each accountability moment that followed with the person's answer (null: none). */
    public record GoalEntry(
            long id, Instant setAt, String statement, String forWhom, LocalDate reviewOn, List<Review> reviews) {
        public GoalEntry {
            reviews = List.copyOf(reviews);
        }
    }

    public record Review(Instant at, String myAnswer) {}

    /**
     * An intervisie the person took part in. {@code minutes} is what they reported ({@code record time}), null when
     * they reported nothing: an asynchronous session has no meeting length to measure.
     */
    public record SessionEntry(
            long id,
            Instant startedAt,
            String method,
            boolean bringer,
            boolean finished,
            Integer minutes,
            Set<Dimension> dimensions,
            List<String> takeaways) {
        public SessionEntry {
            dimensions = Set.copyOf(dimensions);
            takeaways = List.copyOf(takeaways);
        }
    }

    /** The reported intervisie time in minutes. */
    public int minutes() {
        return sessions.stream()
                .filter(s -> s.minutes() != null)
                .mapToInt(SessionEntry::minutes)
                .sum();
    }

    /** Sessions without a reported time. */
    public long unreported() {
        return sessions.stream().filter(s -> s.minutes() == null).count();
    }

    /** How many moments were answered per dimension (one answer may count for two dimensions); every dimension present. */
    public Map<Dimension, Integer> answeredPerDimension() {
        Map<Dimension, Integer> out = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            out.put(d, (int) answers.stream()
                    .filter(a -> a.dimensions().contains(d))
                    .map(AnswerEntry::roundId)
                    .distinct()
                    .count());
        }
        return out;
    }
}

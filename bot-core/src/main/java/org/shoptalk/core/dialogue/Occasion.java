package org.shoptalk.core.dialogue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.shoptalk.core.schedule.DateRange;

/**
 * Moments that matter: natural occasions for reflection, each a short series of questions spread over a
 * few working days (offsets in working days from the start). The questions come from the built-in library.
 */
public enum Occasion {
    KICKOFF("kickoff"),
    CLOSE("close"),
    REVIEW("review"),
    RECERT("recert"),
    ROLE("role");

    /** How far past the start a working day is looked for before giving up (a break may cover a long stretch). */
    static final int MAX_SEARCH_DAYS = 366;

    /** One question of the occasion, {@code dayOffset} working days after its first working day. */
    public record Step(int dayOffset, String promptId) {}

    private final String key;

    Occasion(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The questions, in order; a switch rather than a field keeps the enum immutable. */
    public List<Step> steps() {
        return switch (this) {
            case KICKOFF -> List.of(new Step(0, "goals-01"), new Step(2, "means-05"), new Step(5, "dialogue-01"));
            case CLOSE ->
                List.of(new Step(0, "accountability-04"), new Step(2, "craft-07"), new Step(5, "declutter-04"));
            case REVIEW ->
                List.of(new Step(0, "explore-08"), new Step(2, "choose-02"), new Step(4, "accountability-10"));
            case RECERT -> List.of(new Step(0, "craft-03"), new Step(3, "declutter-08"), new Step(6, "declutter-12"));
            case ROLE -> List.of(new Step(0, "choose-08"), new Step(3, "choose-03"), new Step(6, "explore-02"));
        };
    }

    /**
     * The dates of the steps, one per step in order, never on a Saturday or Sunday nor inside one of the guild's
     * breaks (issue 12): the first is the first working day on or after {@code start}, and each offset counts
     * working days from there, so the questions keep their spacing and order around a weekend or a break.
     *
     * @return empty when no working day is found within {@value #MAX_SEARCH_DAYS} days of the start
     */
    public Optional<List<LocalDate>> dates(LocalDate start, Collection<DateRange> breaks) {
        List<Step> steps = steps();
        List<LocalDate> working = new ArrayList<>();
        int needed = steps.stream().mapToInt(Step::dayOffset).max().orElse(0) + 1;
        for (LocalDate d = start; working.size() < needed; d = d.plusDays(1)) {
            if (d.isAfter(start.plusDays(MAX_SEARCH_DAYS))) {
                return Optional.empty();
            }
            if (isWorkingDay(d, breaks)) {
                working.add(d);
            }
        }
        return Optional.of(steps.stream().map(s -> working.get(s.dayOffset())).toList());
    }

    private static boolean isWorkingDay(LocalDate d, Collection<DateRange> breaks) {
        DayOfWeek day = d.getDayOfWeek();
        return day != DayOfWeek.SATURDAY
                && day != DayOfWeek.SUNDAY
                && breaks.stream().noneMatch(b -> b.contains(d));
    }

    public static Optional<Occasion> parse(String word) {
        return Arrays.stream(values()).filter(o -> o.key.equalsIgnoreCase(word)).findFirst();
    }

    public static String keys() {
        return String.join("|", Arrays.stream(values()).map(Occasion::key).toList());
    }
}

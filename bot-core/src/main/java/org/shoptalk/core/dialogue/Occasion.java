package org.shoptalk.core.dialogue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Moments that matter: natural occasions for reflection, each a short series of questions spread over a
 * few days (offsets in days from the start). The questions come from the built-in library.
 */
public enum Occasion {
    KICKOFF("kickoff"),
    CLOSE("close"),
    REVIEW("review"),
    RECERT("recert"),
    ROLE("role");

    /** One question of the occasion, {@code dayOffset} days after its start. */
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

    public static Optional<Occasion> parse(String word) {
        return Arrays.stream(values()).filter(o -> o.key.equalsIgnoreCase(word)).findFirst();
    }

    public static String keys() {
        return String.join("|", Arrays.stream(values()).map(Occasion::key).toList());
    }
}

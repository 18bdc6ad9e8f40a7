package org.shoptalk.core.intervisie;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.shoptalk.core.i18n.Language;

/**
 * One phase of a method: what kind of round it is, who speaks in it, how long it stays open, and its name and
 * one line on what belongs in it, in each language.
 *
 * @param window how long the phase stays open unless the case-bringer moves on; whole hours, 1 to 168
 */
public record Phase(
        Kind kind, Speaker speaker, Duration window, Map<Language, String> names, Map<Language, String> lines) {

    /** The kinds of phase issue 15 names; a method is a sequence of them. */
    public enum Kind {
        CASE,
        QUESTIONS,
        ROUND,
        RESPONSE,
        ADVICE,
        TAKEAWAY
    }

    /** Who speaks in the phase; the others read along. */
    public enum Speaker {
        /** Only the case-bringer (telling the case, responding). */
        BRINGER,
        /** Everyone but the case-bringer, who only listens (the gossip round). */
        GROUP,
        /** Everyone. */
        ALL;

        boolean speaks(boolean isBringer) {
            return switch (this) {
                case BRINGER -> isBringer;
                case GROUP -> !isBringer;
                case ALL -> true;
            };
        }
    }

    public Phase {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(window, "window");
        names = Map.copyOf(names);
        lines = Map.copyOf(lines);
    }

    public String name(Language language) {
        return names.get(language);
    }

    public String line(Language language) {
        return lines.get(language);
    }
}

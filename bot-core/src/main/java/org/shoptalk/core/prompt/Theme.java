package org.shoptalk.core.prompt;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.i18n.Texts;

/**
 * Prompt themes, following the directions for working on professional identity and normative professionalisation.
 * Each has a stable {@link #key()} (storage, prompt files, exports for scripts) and, per language, the word people
 * type and read ({@link #word(Language)}: {@code dialogue} / {@code dialoog}) and a label ({@link #label(Language)}),
 * both from the catalog ({@code theme.<key>.word}, {@code theme.<key>.label}). Any language's word is accepted
 * everywhere, so an English word keeps working in a Dutch guild (issue 12). Immutable.
 */
public enum Theme {
    EXPLORE("explore"),
    DECLUTTER("declutter"),
    CHOOSE("choose"),
    CRAFT("craft"),
    GOALS("goals"),
    MEANS("means"),
    ACCOUNTABILITY("accountability"),
    DIALOGUE("dialogue");

    private final String key;

    Theme(String key) {
        this.key = key;
    }

    /** The stable name in storage and resource files, e.g. {@code explore}; also the English word. */
    public String key() {
        return key;
    }

    /** The word to type and show in {@code language}, e.g. {@code verkennen}: lower case, one word. */
    public String word(Language language) {
        return Texts.get().t(language, "theme." + key + ".word");
    }

    /** The theme's title in {@code language}, e.g. "Verkennen en erkennen". */
    public String label(Language language) {
        return Texts.get().t(language, "theme." + key + ".label");
    }

    /** The theme a typed word names, in any language, ignoring case; empty for anything else. */
    public static Optional<Theme> parse(String word) {
        if (word == null) {
            return Optional.empty();
        }
        String w = word.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(t -> t.key.equals(w)
                        || Arrays.stream(Language.values())
                                .anyMatch(l -> t.word(l).equals(w)))
                .findFirst();
    }

    /** Every theme's word in {@code language}, comma-separated, for help and errors. */
    public static String words(Language language) {
        return Arrays.stream(values()).map(t -> t.word(language)).collect(Collectors.joining(", "));
    }
}

package org.shoptalk.core.prompt;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.shoptalk.core.i18n.Language;

/**
 * The dimensions of professional practice a reflection can touch, as re-registration schemes ask them to be
 * documented (issue 15, section 2): technical or instrumental (methods, skills, tools), normative (values, goals,
 * accountability) and personal (one's own identity, patterns, wellbeing). Built-in prompts and intervisie methods
 * carry their tags in their data files; a guild's own prompt, which has none, takes {@link #forTheme}.
 */
public enum Dimension {
    TECHNICAL("technical", "technical", "instrumental", "technisch", "instrumenteel"),
    NORMATIVE("normative", "normative", "normatief"),
    PERSONAL("personal", "personal", "persoonlijk");

    private final String key;
    // A comma-joined string rather than a Set: enum fields must be immutable types (Error Prone).
    private final String words;

    Dimension(String key, String... words) {
        this.key = key;
        this.words = "," + String.join(",", words) + ",";
    }

    /** The word used in data files, e.g. {@code normative}. */
    public String key() {
        return key;
    }

    /** The catalog key of the label, e.g. {@code dimension.normative}. */
    public String labelKey() {
        return "dimension." + key;
    }

    /** The dimension a word names, in English or Dutch ({@code technisch}, {@code normatief}, {@code persoonlijk}). */
    public static Optional<Dimension> parse(String word) {
        if (word == null) {
            return Optional.empty();
        }
        String w = word.toLowerCase(Locale.ROOT);
        for (Dimension d : values()) {
            if (!w.contains(",") && d.words.contains("," + w + ",")) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The data-file word only ({@code technical}, {@code normative}, {@code personal}): data files are checked strictly. */
    public static Optional<Dimension> ofKey(String key) {
        for (Dimension d : values()) {
            if (d.key.equals(key)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /**
     * The dimension a prompt without tags touches, judged by its theme: the identity directions are personal, the
     * craft is technical, goals, means and accountability are normative, dialogue is personal.
     */
    public static Set<Dimension> forTheme(Theme theme) {
        return switch (theme) {
            case EXPLORE, DECLUTTER, CHOOSE, DIALOGUE -> EnumSet.of(PERSONAL);
            case CRAFT -> EnumSet.of(TECHNICAL);
            case GOALS, MEANS, ACCOUNTABILITY -> EnumSet.of(NORMATIVE);
        };
    }

    /** The example words shown in usage lines, per language. */
    public static String words(Language language) {
        return language == Language.NL ? "technisch|normatief|persoonlijk" : "technical|normative|personal";
    }
}

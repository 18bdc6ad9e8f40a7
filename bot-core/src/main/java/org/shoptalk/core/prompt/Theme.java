package org.shoptalk.core.prompt;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Prompt themes, following the directions for working on professional identity and normative professionalisation. */
public enum Theme {
    EXPLORE("explore", "Explore and acknowledge", "Verkennen en erkennen"),
    DECLUTTER("declutter", "Maintain and declutter", "Onderhouden en opruimen"),
    CHOOSE("choose", "Choose and turn", "Kiezen en kantelen"),
    CRAFT("craft", "Good work and the craft", "Goed werk en het vak"),
    GOALS("goals", "Goals as results", "Doelen als resultaten"),
    MEANS("means", "Means and frames", "Middelen en kaders"),
    ACCOUNTABILITY("accountability", "Accountability", "Verantwoording"),
    DIALOGUE("dialogue", "Dialogue", "Dialoog");

    private final String key;
    private final String labelEn;
    private final String labelNl;

    Theme(String key, String labelEn, String labelNl) {
        this.key = key;
        this.labelEn = labelEn;
        this.labelNl = labelNl;
    }

    /** The word used in commands and resource files, e.g. {@code explore}. */
    public String key() {
        return key;
    }

    public String label(org.shoptalk.core.i18n.Language language) {
        return language == org.shoptalk.core.i18n.Language.NL ? labelNl : labelEn;
    }

    public static Optional<Theme> parse(String word) {
        if (word == null) {
            return Optional.empty();
        }
        String w = word.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.key.equals(w)).findFirst();
    }
}

package org.shoptalk.core.prompt;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.shoptalk.core.i18n.Language;

/**
 * A reflection prompt in both languages with a one-line note on why it is asked.
 * Built-in prompts have ids like {@code explore-03}; a guild's own prompts have ids like {@code g12-4}
 * and may carry only the language they were written in (the other side then repeats it).
 * A {@code sensitive} prompt touches personal ground (pitfalls, tensions, a job that no longer fits),
 * so callers can treat it with extra care, e.g. never nudge people to answer it.
 * {@code dimensions} (one to three) are what the personal record sorts answers by (docs/record.md).
 */
public record Prompt(
        String id,
        Theme theme,
        String textEn,
        String textNl,
        String whyEn,
        String whyNl,
        boolean sensitive,
        Set<Dimension> dimensions) {
    public Prompt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(textEn, "textEn");
        Objects.requireNonNull(textNl, "textNl");
        Objects.requireNonNull(whyEn, "whyEn");
        Objects.requireNonNull(whyNl, "whyNl");
        dimensions = dimensions == null || dimensions.isEmpty()
                ? Dimension.forTheme(theme)
                : Set.copyOf(EnumSet.copyOf(dimensions));
    }

    /** A prompt whose dimensions follow from its theme ({@link Dimension#forTheme}). */
    public Prompt(String id, Theme theme, String textEn, String textNl, String whyEn, String whyNl, boolean sensitive) {
        this(id, theme, textEn, textNl, whyEn, whyNl, sensitive, null);
    }

    /** A prompt that touches no sensitive matters. */
    public Prompt(String id, Theme theme, String textEn, String textNl, String whyEn, String whyNl) {
        this(id, theme, textEn, textNl, whyEn, whyNl, false);
    }

    public String text(Language language) {
        return language == Language.NL ? textNl : textEn;
    }

    public String why(Language language) {
        return language == Language.NL ? whyNl : whyEn;
    }
}

package org.shoptalk.core.intervisie;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.prompt.Dimension;

/**
 * An intervisie method: a sequence of phases that starts with telling the case, has a round of clarifying questions
 * right after it, and ends with each participant's takeaway (issue 15, section 1). Immutable.
 *
 * @param words the words people type to pick the method, per language, lower case
 * @param dimensions the dimensions of practice the method touches, for the personal record (docs/record.md)
 */
public record Method(
        String id,
        Map<Language, List<String>> words,
        Map<Language, String> names,
        Map<Language, String> summaries,
        List<Phase> phases,
        Set<Dimension> dimensions) {

    public Method {
        Objects.requireNonNull(id, "id");
        dimensions = Set.copyOf(dimensions);
        words = Map.copyOf(words);
        names = Map.copyOf(names);
        summaries = Map.copyOf(summaries);
        phases = List.copyOf(phases);
    }

    public String name(Language language) {
        return names.get(language);
    }

    public String summary(Language language) {
        return summaries.get(language);
    }

    public Phase phase(int index) {
        return phases.get(index);
    }

    public boolean isLast(int index) {
        return index == phases.size() - 1;
    }
}

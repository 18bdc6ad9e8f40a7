package org.shoptalk.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every text a walk-through saw the bot send or render, each with where it was seen, checked for English with
 * {@link DutchCheck} (issue 12, "Done means": a Dutch guild sees no English apart from people's names and the command
 * words it typed). People's names are taken out before the check; command words pass where a command is shown. Not
 * thread-safe: one test collects, then checks.
 */
public final class SeenTexts {
    private record Seen(String where, String text) {}

    private final List<Seen> seen = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    /** Names of people (and of the guild) that may show in texts: words in them are not checked. */
    public SeenTexts ignoringNames(String... names) {
        this.names.addAll(List.of(names));
        // The longest first, so "Lena Lead" goes before a "Lena" would split it.
        this.names.sort(Comparator.comparingInt(String::length).reversed());
        return this;
    }

    /** Records one text; blank ones are left out. */
    public void add(String where, String text) {
        if (text != null && !text.isBlank()) {
            seen.add(new Seen(where, text));
        }
    }

    public int size() {
        return seen.size();
    }

    /** All texts seen, one per line, for a test that looks for one. */
    public String all() {
        StringBuilder out = new StringBuilder();
        seen.forEach(s -> out.append(s.text()).append('\n'));
        return out.toString();
    }

    /** Each text that carries English, with where it was seen and the English words in it. */
    public Map<String, List<String>> english() {
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (Seen s : seen) {
            String text = s.text();
            for (String name : names) {
                text = text.replace(name, " ");
            }
            List<String> words = DutchCheck.english(text);
            if (!words.isEmpty()) {
                found.put(s.where() + ": " + s.text(), words);
            }
        }
        return found;
    }

    /** Fails with every text that carries English; also when nothing was seen, which would prove nothing. */
    public void assertNoEnglish() {
        assertThat(seen).as("texts seen").isNotEmpty();
        assertThat(english())
                .as("texts of a Dutch guild with English words in them")
                .isEmpty();
    }
}

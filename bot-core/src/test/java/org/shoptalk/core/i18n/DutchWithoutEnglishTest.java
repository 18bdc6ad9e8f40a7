package org.shoptalk.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.prompt.Theme;
import org.shoptalk.core.testing.DutchCheck;

/**
 * Issue 12, "Dutch everywhere": a Dutch guild reads no English apart from people's names, not even in a usage line or
 * an instruction to type a command: every command word has a Dutch form ({@code gilde}, {@code plan}, {@code
 * overzicht}...). Every Dutch text of the catalog is checked, rendered with its plurals, together with the Dutch
 * prompts, intervisie methods and theme words.
 */
class DutchWithoutEnglishTest {
    private static final String INVOCATION = DutchCheck.INVOCATION;

    private final Texts texts = Texts.get();

    @Test
    void no_dutch_text_of_the_catalog_carries_english_words() {
        Map<String, Set<String>> found = new TreeMap<>();
        for (String key : texts.keys(Language.NL)) {
            Set<String> english = new LinkedHashSet<>();
            for (int count : new int[] {1, 2}) {
                english.addAll(english(rendered(key, count), key.startsWith("usage.")));
            }
            if (!english.isEmpty()) {
                found.put(key, english);
            }
        }
        assertThat(found).as("Dutch texts with English words").isEmpty();
    }

    /**
     * The web pages' words are in the catalog this test reads (issue 14 moved the digest page's labels there from the
     * app), so an English word in a Dutch page label fails the build like any other text.
     */
    @Test
    void the_web_pages_words_are_among_the_texts_checked() {
        assertThat(texts.keys(Language.NL))
                .contains(
                        "page.digest.title",
                        "page.digest.why",
                        "page.digest.thread",
                        "page.digest.chart.people.title",
                        "page.digest.link.note",
                        "page.error.forbidden");
        assertThat(english(rendered("page.digest.title", 1), false)).isEmpty();
        assertThat(english("Week van 7 sep: 2 people took part", false)).containsExactly("people", "took");
    }

    @Test
    void dutch_prompts_intervisie_methods_and_theme_words_carry_no_english_words() throws IOException {
        Map<String, List<String>> found = new TreeMap<>();
        JsonNode library = json("/org/shoptalk/core/prompt/library.json");
        for (JsonNode prompt : library) {
            for (String field : List.of("nl", "whyNl")) {
                check(
                        found,
                        prompt.path("id").asText() + "." + field,
                        prompt.path(field).asText(),
                        false);
            }
        }
        collectDutch(json("/org/shoptalk/core/intervisie/methods.json"), "methods", found);
        for (Theme theme : Theme.values()) {
            check(found, "theme " + theme.key(), theme.word(Language.NL) + " " + theme.label(Language.NL), false);
        }
        assertThat(library.size()).isGreaterThan(20);
        assertThat(found).as("Dutch content with English words").isEmpty();
    }

    /**
     * The checker itself: it must catch what issue 12 found, English command words in a Dutch usage line or instruction
     * included (each has a Dutch form), and let them through only where a reply repeats in quotes what was typed.
     */
    @Test
    void the_check_finds_english_in_dutch_prose_and_english_command_words_where_a_command_is_shown() {
        assertThat(english("Deze link opent geen digest.", false)).containsExactly("digest");
        assertThat(english("Zeg on of off, niet \"x\".", false)).containsExactly("on", "off");
        assertThat(english("gebruik every 2 weeks.", false)).containsExactly("every", "weeks");
        assertThat(english("Typ ⌘ gilde meedoen in dat kanaal.", false)).isEmpty();
        assertThat(english("Typ ⌘ guild join in dat kanaal.", false)).containsExactly("guild", "join");
        assertThat(english("Het overzicht: ⌘ overzicht op vr 16:00 (Europe/Amsterdam).", false))
                .isEmpty();
        assertThat(english("plan DAGEN UU:MM [elke N weken]", true)).isEmpty();
        assertThat(english("schedule DAGEN UU:MM [elke N weken]", true)).containsExactly("schedule");
        assertThat(english("schedule DAYS HH:MM [every N weeks]", true))
                .containsExactly("schedule", "days", "every", "weeks");
        assertThat(english("Volgende: Mon 30 Nov 09:30.", false)).containsExactly("mon");
        assertThat(english("Typ /shoptalk gilde meedoen in dat kanaal.\nOf @Shoptalk plan ma 09:30", false))
                .isEmpty();
        assertThat(DutchCheck.english("\"guild dance\" ken ik niet."))
                .as("a typed command, repeated")
                .isEmpty();
        assertThat(DutchCheck.english("Typ /shoptalk schedules.")).containsExactly("schedules");
    }

    /**
     * A text with {@code number} for every placeholder: rendered with 1 and with 2, both plural forms are read as a
     * person sees them.
     */
    private String rendered(String key, int number) {
        int count = Texts.argumentNames(texts.pattern(Language.NL, key)).size();
        Object[] args = new Object[count];
        Arrays.fill(args, number);
        return texts.tFor(Language.NL, INVOCATION, key, args);
    }

    /** The word lists and the check are shared with the walk-throughs of each surface: {@link DutchCheck}. */
    private static List<String> english(String text, boolean command) {
        return DutchCheck.english(text, command);
    }

    private static void check(Map<String, List<String>> found, String where, String text, boolean command) {
        List<String> english = english(text, command);
        if (!english.isEmpty()) {
            found.put(where, english);
        }
    }

    private static void collectDutch(JsonNode node, String path, Map<String, List<String>> found) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("nl")) {
                    if (e.getValue().isTextual()) {
                        check(found, path + ".nl", e.getValue().asText(), false);
                    } else {
                        e.getValue().forEach(v -> check(found, path + ".nl", v.asText(), false));
                    }
                } else {
                    collectDutch(e.getValue(), path + "." + e.getKey(), found);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectDutch(node.get(i), path + "[" + i + "]", found);
            }
        }
    }

    private static JsonNode json(String resource) throws IOException {
        try (InputStream in = DutchWithoutEnglishTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }
}

package org.shoptalk.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class PromptLibraryTest {
    private final PromptLibrary library = PromptLibrary.builtIn();

    @Test
    void built_in_library_offers_at_least_88_prompts_and_11_per_theme() {
        assertThat(library.all()).hasSizeGreaterThanOrEqualTo(88);
        for (Theme theme : Theme.values()) {
            assertThat(library.byTheme(theme))
                    .as("prompts for theme %s", theme.key())
                    .hasSizeGreaterThanOrEqualTo(11);
        }
    }

    @Test
    void ids_are_unique_and_start_with_their_theme() {
        List<String> ids = library.all().stream().map(Prompt::id).toList();
        assertThat(ids).doesNotHaveDuplicates();
        for (Prompt p : library.all()) {
            assertThat(p.id())
                    .as("id of a %s prompt", p.theme().key())
                    .matches(p.theme().key() + "-\\d{2}");
        }
    }

    @Test
    void every_prompt_speaks_both_languages_with_a_why_note_each() {
        for (Prompt p : library.all()) {
            assertThat(List.of(p.textEn(), p.textNl(), p.whyEn(), p.whyNl()))
                    .as(p.id())
                    .allSatisfy(s -> assertThat(s).isNotBlank());
            assertThat(p.textNl())
                    .as("Dutch text of %s is a translation, not a copy", p.id())
                    .isNotEqualTo(p.textEn());
            assertThat(p.whyNl())
                    .as("Dutch why note of %s is a translation, not a copy", p.id())
                    .isNotEqualTo(p.whyEn());
        }
    }

    @Test
    void every_prompt_is_a_question_short_enough_for_a_chat_thread() {
        for (Prompt p : library.all()) {
            for (String text : List.of(p.textEn(), p.textNl())) {
                assertThat(text).as(p.id()).endsWith("?").hasSizeLessThanOrEqualTo(200);
            }
            for (String why : List.of(p.whyEn(), p.whyNl())) {
                assertThat(why).as("why note of %s", p.id()).hasSizeLessThanOrEqualTo(140);
            }
        }
    }

    @Test
    void no_prompt_asks_for_a_status_report() {
        // The bot kindles reflection; it is not a standup bot.
        List<String> standupPhrases = List.of("yesterday", "today", "blocker", "gisteren", "vandaag");
        for (Prompt p : library.all()) {
            String both = (p.textEn() + " " + p.textNl()).toLowerCase(Locale.ROOT);
            assertThat(standupPhrases).as(p.id()).noneMatch(both::contains);
        }
    }

    @Test
    void sensitive_prompts_are_marked_and_ordinary_ones_are_not() {
        assertThat(library.byId("choose-05"))
                .get()
                .extracting(Prompt::sensitive)
                .isEqualTo(true);
        assertThat(library.byId("craft-01")).get().extracting(Prompt::sensitive).isEqualTo(false);
    }

    @Test
    void prompts_are_found_by_id_and_by_theme_in_file_order() {
        assertThat(library.byId("goals-01")).get().extracting(Prompt::theme).isEqualTo(Theme.GOALS);
        assertThat(library.byId("goals-99")).isEmpty();
        assertThat(library.byId(null)).isEmpty();
        List<String> dialogue =
                library.byTheme(Theme.DIALOGUE).stream().map(Prompt::id).toList();
        assertThat(dialogue).startsWith("dialogue-01", "dialogue-02").isSorted();
        assertThat(library.all().get(0).id()).isEqualTo("explore-01");
    }

    @Test
    void library_cannot_be_changed_by_its_callers() {
        assertThatThrownBy(() -> library.all().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> library.byTheme(Theme.MEANS).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void built_in_library_is_loaded_once() {
        assertThat(PromptLibrary.builtIn()).isSameAs(library);
    }

    @Test
    void well_formed_entries_parse_with_sensitive_defaulting_to_false() throws IOException {
        PromptLibrary parsed = parse(entry("explore-01", "explore", "Why?", "Waarom?") + ","
                + "{\"id\":\"craft-02\",\"theme\":\"craft\",\"dimensions\":[\"technical\"],\"en\":\"How?\",\"nl\":\"Hoe?\","
                + "\"whyEn\":\"because\",\"whyNl\":\"omdat\",\"sensitive\":true}");
        assertThat(parsed.all())
                .extracting(Prompt::id, Prompt::sensitive)
                .containsExactly(Tuple.tuple("explore-01", false), Tuple.tuple("craft-02", true));
    }

    @Test
    void duplicate_id_is_refused_naming_the_entry() {
        String json = entry("explore-01", "explore", "A?", "B?") + "," + entry("explore-01", "explore", "C?", "D?");
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry 2 (explore-01)")
                .hasMessageContaining("duplicate id")
                .hasMessageContaining("entry 1");
    }

    @Test
    void unknown_theme_is_refused_naming_the_entry_and_the_known_themes() {
        assertThatThrownBy(() -> parse(entry("gossip-01", "gossip", "A?", "B?")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry 1 (gossip-01)")
                .hasMessageContaining("unknown theme \"gossip\"")
                .hasMessageContaining("explore, declutter, choose");
    }

    @Test
    void missing_dutch_text_is_refused_naming_the_entry() {
        String json = entry("goals-01", "goals", "A?", "B?") + ","
                + "{\"id\":\"goals-02\",\"theme\":\"goals\",\"en\":\"For whom?\",\"whyEn\":\"x\",\"whyNl\":\"y\"}";
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry 2 (goals-02)")
                .hasMessageContaining("\"nl\"");
    }

    @Test
    void blank_english_text_is_refused() {
        assertThatThrownBy(() -> parse(entry("goals-01", "goals", "  ", "Voor wie?")))
                .hasMessageContaining("goals-01")
                .hasMessageContaining("\"en\"");
    }

    @Test
    void missing_why_note_is_refused() {
        String json = "{\"id\":\"means-01\",\"theme\":\"means\",\"en\":\"A?\",\"nl\":\"B?\",\"whyEn\":\"x\"}";
        assertThatThrownBy(() -> parse(json)).hasMessageContaining("means-01").hasMessageContaining("\"whyNl\"");
    }

    @Test
    void id_that_does_not_match_its_theme_is_refused() {
        assertThatThrownBy(() -> parse(entry("explore-01", "craft", "A?", "B?")))
                .hasMessageContaining("entry 1 (explore-01)")
                .hasMessageContaining("craft-NN");
        assertThatThrownBy(() -> parse(entry("craft-1", "craft", "A?", "B?")))
                .hasMessageContaining("entry 1 (craft-1)")
                .hasMessageContaining("craft-01");
    }

    @Test
    void misspelled_field_is_refused_rather_than_ignored() {
        String json =
                "{\"id\":\"means-01\",\"theme\":\"means\",\"en\":\"A?\",\"nl\":\"B?\",\"whyEn\":\"x\",\"whyNl\":\"y\",\"sensitve\":true}";
        assertThatThrownBy(() -> parse(json)).hasMessageContaining("means-01").hasMessageContaining("\"sensitve\"");
    }

    @Test
    void broken_json_is_refused_with_its_location() {
        assertThatThrownBy(() -> PromptLibrary.parse(utf8("[{\"id\": }]")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid JSON")
                .hasMessageContaining("line 1");
    }

    @Test
    void every_built_in_prompt_is_tagged_and_every_dimension_is_used() {
        assertThat(library.all()).allSatisfy(p -> assertThat(p.dimensions()).isNotEmpty());
        for (Dimension d : Dimension.values()) {
            assertThat(library.all()).anySatisfy(p -> assertThat(p.dimensions()).contains(d));
        }
    }

    @Test
    void a_missing_unknown_or_repeated_dimension_is_refused_naming_the_entry() {
        String untagged =
                "{\"id\":\"means-01\",\"theme\":\"means\",\"en\":\"A?\",\"nl\":\"B?\",\"whyEn\":\"x\",\"whyNl\":\"y\"}";
        assertThatThrownBy(() -> parse(untagged))
                .hasMessageContaining("means-01")
                .hasMessageContaining("dimensions");
        String unknown = untagged.replace("\"theme\":\"means\",", "\"theme\":\"means\",\"dimensions\":[\"moral\"],");
        assertThatThrownBy(() -> parse(unknown))
                .hasMessageContaining("means-01")
                .hasMessageContaining("\"moral\"");
        String twice = untagged.replace(
                "\"theme\":\"means\",", "\"theme\":\"means\",\"dimensions\":[\"normative\",\"normative\"],");
        assertThatThrownBy(() -> parse(twice)).hasMessageContaining("listed twice");
    }

    @Test
    void library_built_from_a_list_refuses_duplicate_ids() {
        Prompt a = new Prompt("g1-1", Theme.CRAFT, "A?", "B?", "x", "y");
        assertThatThrownBy(() -> PromptLibrary.of(List.of(a, a))).hasMessageContaining("g1-1");
        assertThat(PromptLibrary.of(List.of(a)).byTheme(Theme.CRAFT)).containsExactly(a);
        assertThat(PromptLibrary.of(List.of(a)).byTheme(Theme.GOALS)).isEmpty();
    }

    private static String entry(String id, String theme, String en, String nl) {
        return String.format(
                "{\"id\":\"%s\",\"theme\":\"%s\",\"dimensions\":[\"personal\"],\"en\":\"%s\",\"nl\":\"%s\","
                        + "\"whyEn\":\"why\",\"whyNl\":\"waarom\"}",
                id, theme, en, nl);
    }

    private static PromptLibrary parse(String entries) throws IOException {
        return PromptLibrary.parse(utf8("[" + entries + "]"));
    }

    private static ByteArrayInputStream utf8(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}

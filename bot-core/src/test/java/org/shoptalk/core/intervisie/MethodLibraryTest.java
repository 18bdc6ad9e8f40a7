package org.shoptalk.core.intervisie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.i18n.Language;

class MethodLibraryTest {
    private static String method(String id, String word, String... phases) {
        return "{\"id\": \"" + id + "\", \"dimensions\": [\"personal\"], \"words\": {\"en\": [\"" + word
                + "\"], \"nl\": [\"" + word + "\"]},"
                + " \"name\": {\"en\": \"Name\", \"nl\": \"Naam\"}, \"summary\": {\"en\": \"S\", \"nl\": \"S\"},"
                + " \"phases\": [" + String.join(",", phases) + "]}";
    }

    private static String phase(String kind, String speaker, int hours) {
        return "{\"kind\": \"" + kind + "\", \"speaker\": \"" + speaker + "\", \"hours\": " + hours
                + ", \"name\": {\"en\": \"N\", \"nl\": \"N\"}, \"line\": {\"en\": \"L\", \"nl\": \"L\"}}";
    }

    private static MethodLibrary parse(String json) throws IOException {
        return MethodLibrary.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String CASE = phase("case", "bringer", 24);
    private static final String QUESTIONS = phase("questions", "all", 24);
    private static final String TAKEAWAY = phase("takeaway", "all", 24);

    @Test
    void the_built_in_methods_are_incident_gossip_and_free_in_both_languages() {
        MethodLibrary lib = MethodLibrary.builtIn();
        assertThat(lib.all()).extracting(Method::id).containsExactly("incident", "gossip", "free");
        assertThat(lib.byWord("roddel", Language.NL)).map(Method::id).hasValue("gossip");
        assertThat(lib.byWord("GOSSIP", Language.NL)).map(Method::id).hasValue("gossip");
        assertThat(lib.byWord("vrij", Language.EN)).map(Method::id).hasValue("free");
        for (Method m : lib.all()) {
            assertThat(m.phases()).allMatch(p -> p.window().equals(Duration.ofDays(1)));
        }
    }

    @Test
    void a_guild_method_is_added_as_data() throws IOException {
        MethodLibrary own = parse("[" + method("fishbowl", "fishbowl", CASE, QUESTIONS, TAKEAWAY) + "]");
        MethodLibrary all = MethodLibrary.builtIn().with(own);
        assertThat(all.byWord("fishbowl", Language.EN))
                .map(m -> m.phases().size())
                .hasValue(3);
        assertThat(all.all()).hasSize(4);
    }

    @Test
    void a_method_that_does_not_start_with_the_case_is_refused_by_name() {
        assertThatThrownBy(() -> parse("[" + method("odd", "odd", QUESTIONS, CASE, TAKEAWAY) + "]"))
                .hasMessageContaining("Intervisie method 1 (odd)")
                .hasMessageContaining("first phase must be the case");
    }

    @Test
    void a_method_without_a_question_round_or_takeaways_is_refused() {
        assertThatThrownBy(() -> parse("[" + method("odd", "odd", CASE, TAKEAWAY) + "]"))
                .hasMessageContaining("second phase must be the questions round");
        assertThatThrownBy(() -> parse("[" + method("odd", "odd", CASE, QUESTIONS) + "]"))
                .hasMessageContaining("last phase must be the takeaways");
    }

    @Test
    void windows_unknown_fields_and_missing_languages_are_refused() {
        assertThatThrownBy(() -> parse("[" + method("odd", "odd", CASE, phase("questions", "all", 0), TAKEAWAY) + "]"))
                .hasMessageContaining("phase 2: hours must be a whole number from 1 to 168");
        assertThatThrownBy(() -> parse("[" + method("odd", "odd", CASE, phase("chat", "all", 2), TAKEAWAY) + "]"))
                .hasMessageContaining("kind must be one of");
        assertThatThrownBy(() -> parse("["
                        + method("odd", "odd", CASE, QUESTIONS, TAKEAWAY).replace("\"id\"", "\"x\": 1, \"id\"") + "]"))
                .hasMessageContaining("unknown field \"x\"");
        assertThatThrownBy(() -> parse(
                        "[" + method("odd", "odd", CASE, QUESTIONS, TAKEAWAY).replace(", \"nl\": \"Naam\"", "") + "]"))
                .hasMessageContaining("name must give exactly the languages en and nl");
    }

    @Test
    void two_methods_cannot_share_a_word_and_no_method_is_called_join() {
        assertThatThrownBy(() -> parse("[" + method("aa", "same", CASE, QUESTIONS, TAKEAWAY) + ","
                        + method("bb", "same", CASE, QUESTIONS, TAKEAWAY) + "]"))
                .hasMessageContaining("both called \"same\"");
        assertThatThrownBy(() -> parse("[" + method("aa", "meedoen", CASE, QUESTIONS, TAKEAWAY) + "]"))
                .hasMessageContaining("is not a usable word");
    }

    @Test
    void the_advice_heuristic_reads_both_languages_and_leaves_plain_questions_alone() {
        PhaseCues cues = PhaseCues.builtIn();
        assertThat(cues.soundsLikeAdvice("You should call her first.")).isTrue();
        assertThat(cues.soundsLikeAdvice("Heb je al geprobeerd om het te vragen?"))
                .isTrue();
        assertThat(cues.soundsLikeAdvice("What did she say next?")).isFalse();
        assertThat(cues.soundsLikeAdvice("Wat wilde je op dat moment?")).isFalse();
    }
}

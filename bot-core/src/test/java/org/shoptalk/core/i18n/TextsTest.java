package org.shoptalk.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.icu.text.MessageFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.testing.TextKeys;

/** A Dutch guild and an English guild hear the same things: no text is missing or drops a detail in one language. */
class TextsTest {
    private static final Pattern KEY_IN_CODE = Pattern.compile(
            "\"((?:console\\.error|error|help|guild|schedules?|digest|round|reminders?|prompts?|moment|forget|button)\\.[a-z.]*[a-z])\"");
    private final Texts texts = Texts.get();

    @Test
    void dutch_and_english_have_exactly_the_same_keys() {
        assertThat(new TreeSet<>(texts.keys(Language.NL))).isEqualTo(new TreeSet<>(texts.keys(Language.EN)));
    }

    @Test
    void every_text_has_the_same_placeholders_in_both_languages() {
        Map<String, Set<String>> en = placeholders(Language.EN);
        Map<String, Set<String>> nl = placeholders(Language.NL);

        assertThat(nl).isEqualTo(en);
    }

    @Test
    void placeholders_are_numbered_from_zero_without_gaps() {
        placeholders(Language.EN).forEach((key, found) -> {
            Set<String> numbered = new TreeSet<>(found);
            numbered.remove("cmd");
            for (int i = 0; i < numbered.size(); i++) {
                assertThat(numbered).as("placeholders of %s", key).contains(String.valueOf(i));
            }
        });
    }

    /** ICU reads the catalog: a stray brace or an apostrophe before one would garble a text. */
    @Test
    void every_pattern_parses_and_no_text_is_empty() {
        for (Language language : Language.values()) {
            for (String key : texts.keys(language)) {
                String pattern = texts.pattern(language, key);
                assertThatCode(() -> new MessageFormat(pattern, language.locale()))
                        .as("%s in %s", key, language)
                        .doesNotThrowAnyException();
                assertThat(texts.tFor(language, "/shoptalk", key))
                        .as("%s in %s", key, language)
                        .isNotBlank();
            }
        }
    }

    @Test
    void counts_follow_each_languages_plural_rules() {
        assertThat(texts.t(Language.EN, "forget.item.answers", 1)).startsWith("1 answer you wrote");
        assertThat(texts.t(Language.EN, "forget.item.answers", 2)).startsWith("2 answers you wrote");
        assertThat(texts.t(Language.NL, "forget.item.answers", 1)).startsWith("1 antwoord dat je");
        assertThat(texts.t(Language.NL, "forget.item.answers", 0)).startsWith("0 antwoorden die je");
        assertThat(texts.t(Language.EN, "digest.lively", "Why?", 1)).endsWith("(1 response)");
        assertThat(texts.t(Language.NL, "schedule.every.weeks", 1)).isEqualTo("elke week");
        assertThat(texts.t(Language.NL, "schedule.every.weeks", 3)).isEqualTo("elke 3 weken");
    }

    @Test
    void apostrophes_stay_and_ids_are_written_without_grouping() {
        assertThat(texts.t(Language.NL, "form.title")).isEqualTo("Reflectiemoment");
        assertThat(texts.tFor(Language.EN, "/shoptalk", "schedule.paused", 12345L))
                .isEqualTo("Moment #12345 is paused until you resume it (/shoptalk resume 12345).");
        assertThat(texts.tFor(Language.NL, "@Shoptalk", "guild.created", "Ambacht", "UTC", "nl"))
                .doesNotContain("{")
                .contains("Collega's doen mee met @Shoptalk gilde meedoen");
    }

    @Test
    void a_text_that_names_a_command_needs_the_platforms_invocation() {
        assertThatThrownBy(() -> texts.t(Language.EN, "error.try.help")).isInstanceOf(IllegalArgumentException.class);
    }

    /** A key the code asks for but no bundle has would fail at the moment someone needs the text. */
    @Test
    void every_text_key_named_in_core_exists() throws IOException {
        Set<String> named = TextKeys.namedIn(Path.of("src/main/java/org/shoptalk/core"), KEY_IN_CODE);
        assertThat(named).hasSizeGreaterThan(50);
        assertThat(texts.keys(Language.EN)).containsAll(named);
    }

    private Map<String, Set<String>> placeholders(Language language) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (String key : texts.keys(language)) {
            out.put(key, new TreeSet<>(Texts.argumentNames(texts.pattern(language, key))));
        }
        return out;
    }

    /** A page that knows no guild speaks the browser's language (issue 12); anything unreadable is English. */
    @Test
    void a_browsers_accept_language_picks_dutch_or_english() {
        assertThat(Language.fromAcceptLanguage("nl-NL,nl;q=0.9,en-US;q=0.8,en;q=0.7"))
                .isEqualTo(Language.NL);
        assertThat(Language.fromAcceptLanguage("nl-BE")).isEqualTo(Language.NL);
        assertThat(Language.fromAcceptLanguage("de-DE,en;q=0.5,nl;q=0.4")).isEqualTo(Language.EN);
        assertThat(Language.fromAcceptLanguage("de-DE,nl;q=0.4")).isEqualTo(Language.NL);
        assertThat(Language.fromAcceptLanguage("fr")).isEqualTo(Language.EN);
        assertThat(Language.fromAcceptLanguage(null)).isEqualTo(Language.EN);
        assertThat(Language.fromAcceptLanguage(";;q=x")).isEqualTo(Language.EN);
    }

    /** Every theme has its word and label in both languages; the word parses back to its theme. */
    @Test
    void every_theme_has_a_word_and_a_label_in_both_languages() {
        for (org.shoptalk.core.prompt.Theme theme : org.shoptalk.core.prompt.Theme.values()) {
            for (Language language : Language.values()) {
                assertThat(org.shoptalk.core.prompt.Theme.parse(theme.word(language)))
                        .contains(theme);
                assertThat(theme.word(language)).matches("[a-z]+");
                assertThat(theme.label(language)).isNotBlank();
            }
        }
    }
}

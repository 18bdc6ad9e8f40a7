package org.shoptalk.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A Dutch guild and an English guild hear the same things: no text is missing or drops a detail in one language. */
class TextsTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");
    private static final Pattern KEY_IN_CODE = Pattern.compile(
            "\"((?:error|help|guild|schedules?|digest|round|reminders?|prompts?|moment|forget|button)\\.[a-z.]*[a-z])\"");
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
            for (int i = 0; i < found.size(); i++) {
                assertThat(found).as("placeholders of %s", key).contains("{" + i + "}");
            }
        });
    }

    @Test
    void no_text_is_empty() {
        for (Language language : Language.values()) {
            for (String key : texts.keys(language)) {
                assertThat(texts.t(language, key)).as("%s in %s", key, language).isNotBlank();
            }
        }
    }

    /** A key the code asks for but no bundle has would fail at the moment someone needs the text. */
    @Test
    void every_text_key_named_in_core_exists() throws IOException {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/shoptalk/core"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_IN_CODE.matcher(Files.readString(file));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        assertThat(named).hasSizeGreaterThan(50);
        assertThat(texts.keys(Language.EN)).containsAll(named);
    }

    private Map<String, Set<String>> placeholders(Language language) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (String key : texts.keys(language)) {
            Set<String> found = new TreeSet<>();
            Matcher m = PLACEHOLDER.matcher(texts.t(language, key));
            while (m.find()) {
                found.add(m.group());
            }
            out.put(key, found);
        }
        return out;
    }
}

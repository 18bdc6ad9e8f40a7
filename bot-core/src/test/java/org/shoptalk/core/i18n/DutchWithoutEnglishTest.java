package org.shoptalk.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.prompt.Theme;

/**
 * Issue 12, "Dutch everywhere": a Dutch guild reads no English apart from people's names and the command words that
 * have no Dutch form ({@code guild}, {@code schedule}, {@code digest}...), and those only where a command is shown:
 * after the invocation, after "typ"/"gebruik", in quotes, or in a usage line. Every Dutch text of the catalog is
 * checked, rendered with its plurals, together with the Dutch prompts, intervisie methods and theme words.
 */
class DutchWithoutEnglishTest {
    private static final String INVOCATION = "⌘";

    /** Command words with no Dutch form: allowed only where a command is shown. */
    private static final Set<String> COMMAND_WORDS = Set.of(
            "guild",
            "create",
            "join",
            "leave",
            "lead",
            "add",
            "channel",
            "remove",
            "schedule",
            "schedules",
            "at",
            "unschedule",
            "skip",
            "digest",
            "prompts",
            "prompt",
            "goal",
            "goals",
            "pairs",
            "occasion",
            "kickoff",
            "close",
            "review",
            "recert",
            "role",
            "connect",
            "series",
            "form");

    /** English words that are not also Dutch words, the English keywords that have a Dutch form, and product words. */
    private static final Set<String> ENGLISH = Set.of(
            // function words
            "the",
            "and",
            "or",
            "to",
            "a",
            "an",
            "you",
            "your",
            "yours",
            "this",
            "that",
            "these",
            "those",
            "with",
            "for",
            "from",
            "not",
            "no",
            "yes",
            "on",
            "off",
            "are",
            "be",
            "will",
            "would",
            "can",
            "could",
            "should",
            "it",
            "its",
            "there",
            "their",
            "they",
            "them",
            "what",
            "which",
            "who",
            "when",
            "where",
            "why",
            "how",
            "please",
            "here",
            "by",
            "if",
            "but",
            "into",
            "about",
            "after",
            "before",
            "until",
            "every",
            "each",
            "never",
            "always",
            "again",
            "something",
            "went",
            "wrong",
            "try",
            "our",
            "my",
            "has",
            "have",
            // keywords with a Dutch form (Keywords)
            "help",
            "pause",
            "resume",
            "weeks",
            "hours",
            "hour",
            "days",
            "day",
            "theme",
            "themes",
            "language",
            "tz",
            "zone",
            "reminders",
            "reminder",
            "forget",
            "delete",
            "anyway",
            // product and chat words
            "thread",
            "threads",
            "answer",
            "answers",
            "question",
            "questions",
            "guild",
            "guilds",
            "digest",
            "digests",
            "schedule",
            "schedules",
            "unschedule",
            "skip",
            "prompt",
            "prompts",
            "goal",
            "goals",
            "pairs",
            "occasion",
            "series",
            "connect",
            "create",
            "join",
            "leave",
            "lead",
            "leads",
            "channel",
            "channels",
            "add",
            "remove",
            "form",
            "kickoff",
            "close",
            "review",
            "recert",
            "role",
            "at",
            "page",
            "request",
            "bad",
            "error",
            "expired",
            "colleague",
            "colleagues",
            "member",
            "members",
            "settings",
            "button",
            "moments",
            "weekly",
            "time",
            "times",
            "exports",
            "export.md",
            // the web pages' words (page.*)
            "reflection",
            "show",
            "up",
            "period",
            "responding",
            "responded",
            "edited",
            "people",
            "person",
            "took",
            "numbers",
            "everything",
            "anyone",
            "read",
            "deleted",
            "gone",
            "too");

    /** Where a command is shown: after the invocation, "typ" or "gebruik", up to the end of the clause. */
    private static final Pattern COMMAND = Pattern.compile("(?:" + INVOCATION
            + "|\\b[Tt]yp(?: je precies:)?|\\b[Gg]ebruik:?)\\s+(.*?)(?=[.;!?)](?:\\s|$)| te | om | in | en | als |$)");

    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");
    /** Ids, zones, addresses, query strings and file names: not words. */
    private static final Pattern NOT_A_WORD = Pattern.compile("\\S*[=/_?@#&]\\S*|\\S+\\.[a-z]+\\b");

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

    /** The checker itself: it must catch what issue 12 found, and let command words through where commands are. */
    @Test
    void the_check_finds_english_in_dutch_prose_but_not_command_words_where_a_command_is_shown() {
        assertThat(english("Deze link opent geen digest.", false)).containsExactly("digest");
        assertThat(english("Zeg on of off, niet \"x\".", false)).containsExactly("on", "off");
        assertThat(english("gebruik every 2 weeks.", false)).containsExactly("every", "weeks");
        assertThat(english("Typ ⌘ guild join in dat kanaal.", false)).isEmpty();
        assertThat(english("Het overzicht: ⌘ digest at vr 16:00 (Europe/Amsterdam).", false))
                .isEmpty();
        assertThat(english("schedule DAGEN UU:MM [elke N weken]", true)).isEmpty();
        assertThat(english("schedule DAYS HH:MM [every N weeks]", true)).containsExactly("days", "every", "weeks");
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

    private static List<String> english(String text, boolean command) {
        List<String> found = new ArrayList<>();
        String prose = command ? "" : text;
        List<String> commands = new ArrayList<>();
        if (command) {
            commands.add(text);
        } else {
            Matcher quoted = QUOTED.matcher(prose);
            while (quoted.find()) {
                commands.add(quoted.group());
            }
            prose = QUOTED.matcher(prose).replaceAll(" ");
            Matcher m = COMMAND.matcher(prose);
            StringBuilder rest = new StringBuilder();
            while (m.find()) {
                commands.add(m.group(1));
                m.appendReplacement(rest, " ");
            }
            m.appendTail(rest);
            prose = rest.toString();
        }
        for (String word : words(prose)) {
            if (ENGLISH.contains(word)) {
                found.add(word);
            }
        }
        for (String part : commands) {
            for (String word : words(part)) {
                if (ENGLISH.contains(word) && !COMMAND_WORDS.contains(word)) {
                    found.add(word);
                }
            }
        }
        return found;
    }

    private static List<String> words(String text) {
        String plain = NOT_A_WORD.matcher(text).replaceAll(" ");
        return Arrays.stream(plain.split("[^\\p{L}'-]+"))
                .map(w -> w.replaceAll("^['-]+|['-]+$", "").toLowerCase(Locale.ROOT))
                .filter(w -> !w.isEmpty())
                .toList();
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

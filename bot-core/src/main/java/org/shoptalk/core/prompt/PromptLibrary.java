package org.shoptalk.core.prompt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ordered, immutable set of prompts; thread-safe.
 * The built-in library is a starting point that guilds pick series from, so it is checked strictly
 * when loaded: a broken entry stops the bot at start rather than surfacing as an odd post weeks later.
 */
public final class PromptLibrary {
    static final String RESOURCE = "library.json";

    private static final Pattern BUILT_IN_ID = Pattern.compile("([a-z]+)-(\\d{2})");
    private static final Set<String> FIELDS =
            Set.of("id", "theme", "dimensions", "en", "nl", "whyEn", "whyNl", "sensitive");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static volatile PromptLibrary builtIn;

    private final List<Prompt> all;
    private final Map<String, Prompt> byId;
    private final Map<Theme, List<Prompt>> byTheme;

    private PromptLibrary(List<Prompt> prompts) {
        this.all = List.copyOf(prompts);
        Map<String, Prompt> ids = new HashMap<>();
        Map<Theme, List<Prompt>> themes = new EnumMap<>(Theme.class);
        for (Prompt p : all) {
            Prompt earlier = ids.putIfAbsent(p.id(), p);
            if (earlier != null) {
                throw new IllegalArgumentException(
                        "Prompt \"" + p.id() + "\" appears twice; every prompt id must be unique.");
            }
            themes.computeIfAbsent(p.theme(), t -> new ArrayList<>()).add(p);
        }
        this.byId = Map.copyOf(ids);
        Map<Theme, List<Prompt>> frozen = new EnumMap<>(Theme.class);
        themes.forEach((theme, list) -> frozen.put(theme, List.copyOf(list)));
        this.byTheme = frozen;
    }

    /**
     * The library shipped with the bot, read on first use and then kept.
     * Not a static holder class: a broken resource should surface as its own clear message on every call,
     * not as an ExceptionInInitializerError followed by NoClassDefFoundErrors.
     */
    public static PromptLibrary builtIn() {
        PromptLibrary library = builtIn;
        if (library == null) {
            synchronized (PromptLibrary.class) {
                library = builtIn;
                if (library == null) {
                    library = loadBuiltIn();
                    builtIn = library;
                }
            }
        }
        return library;
    }

    /** A library of the given prompts in the given order; ids must be unique. */
    public static PromptLibrary of(List<Prompt> prompts) {
        Objects.requireNonNull(prompts, "prompts");
        return new PromptLibrary(prompts);
    }

    public List<Prompt> all() {
        return all;
    }

    public Optional<Prompt> byId(String id) {
        return Optional.ofNullable(id).map(byId::get);
    }

    public List<Prompt> byTheme(Theme theme) {
        return byTheme.getOrDefault(Objects.requireNonNull(theme, "theme"), List.of());
    }

    /**
     * Reads a library in the built-in format: a JSON array of entries with id ({@code <theme>-NN}), theme,
     * dimensions (a list of technical, normative, personal), en, nl, whyEn, whyNl and an optional boolean sensitive.
     *
     * @throws IllegalArgumentException naming the offending entry when the content is wrong
     */
    static PromptLibrary parse(InputStream in) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Prompt library is not valid JSON: " + e.getOriginalMessage() + locationOf(e), e);
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("Prompt library must be a JSON array of prompt entries.");
        }
        List<Prompt> prompts = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int number = 0;
        for (JsonNode entry : root) {
            number++;
            Prompt prompt = readEntry(entry, number);
            Integer first = seen.putIfAbsent(prompt.id(), number);
            if (first != null) {
                throw new IllegalArgumentException(where(number, prompt.id()) + "duplicate id, already used by entry "
                        + first + ". Give each prompt its own number.");
            }
            prompts.add(prompt);
        }
        return new PromptLibrary(prompts);
    }

    private static Prompt readEntry(JsonNode entry, int number) {
        if (!entry.isObject()) {
            throw new IllegalArgumentException(where(number, null) + "must be a JSON object.");
        }
        String id = entry.path("id").isTextual() ? entry.get("id").asText().strip() : null;
        for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException(where(number, id) + "unknown field \"" + name
                        + "\"; expected id, theme, dimensions, en, nl, whyEn, whyNl and optionally sensitive.");
            }
        }
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException(where(number, null) + "missing id; expected e.g. \"explore-01\".");
        }
        String themeKey = text(entry, "theme", number, id);
        Theme theme = Theme.parse(themeKey)
                .orElseThrow(() -> new IllegalArgumentException(where(number, id) + "unknown theme \"" + themeKey
                        + "\"; expected one of " + themeKeys() + "."));
        Matcher m = BUILT_IN_ID.matcher(id);
        if (!m.matches() || !m.group(1).equals(theme.key())) {
            throw new IllegalArgumentException(where(number, id) + "id must be \"" + theme.key()
                    + "-NN\" (the theme key and a two-digit number), e.g. \"" + theme.key() + "-01\".");
        }
        JsonNode sensitive = entry.path("sensitive");
        if (!sensitive.isMissingNode() && !sensitive.isBoolean()) {
            throw new IllegalArgumentException(where(number, id) + "sensitive must be true or false.");
        }
        return new Prompt(
                id,
                theme,
                text(entry, "en", number, id),
                text(entry, "nl", number, id),
                text(entry, "whyEn", number, id),
                text(entry, "whyNl", number, id),
                sensitive.asBoolean(false),
                dimensions(entry.get("dimensions"), where(number, id)));
    }

    /**
     * The {@code dimensions} of a built-in entry or method: a list of one to three distinct words of
     * {@link Dimension#ofKey}, required, so no prompt of the library is left untagged by accident.
     */
    public static Set<Dimension> dimensions(JsonNode node, String where) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException(
                    where + "dimensions must list one or more of technical, normative, personal.");
        }
        Set<Dimension> out = EnumSet.noneOf(Dimension.class);
        for (JsonNode d : node) {
            String word = d.isTextual() ? d.asText() : String.valueOf(d);
            Dimension dimension = Dimension.ofKey(word)
                    .orElseThrow(() -> new IllegalArgumentException(
                            where + "unknown dimension \"" + word + "\"; expected technical, normative or personal."));
            if (!out.add(dimension)) {
                throw new IllegalArgumentException(where + "dimension \"" + word + "\" is listed twice.");
            }
        }
        return out;
    }

    private static String text(JsonNode entry, String field, int number, String id) {
        JsonNode value = entry.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where(number, id) + "missing or blank \"" + field + "\".");
        }
        return value.asText().strip();
    }

    private static String where(int number, String id) {
        return "Prompt library entry " + number + (id == null ? "" : " (" + id + ")") + ": ";
    }

    private static String themeKeys() {
        List<String> keys = new ArrayList<>();
        for (Theme t : Theme.values()) {
            keys.add(t.key());
        }
        return String.join(", ", keys);
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
    }

    private static PromptLibrary loadBuiltIn() {
        try (InputStream in = PromptLibrary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "Built-in prompt library " + RESOURCE + " is missing from the classpath.");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the built-in prompt library", e);
        }
    }
}

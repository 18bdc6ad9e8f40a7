package org.shoptalk.core.intervisie;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.shoptalk.core.i18n.Language;

/**
 * The intervisie methods a guild can pick from: data, not code. The built-in set is {@code methods.json} next to
 * this class (both languages in one file, like the prompt library); {@link #parse} reads any file of that shape, and
 * {@link #with} adds a guild's own methods to a set, so a new method needs no code. Files are checked strictly when
 * loaded: a broken entry stops the bot at start with a message naming the method and field, rather than surfacing as
 * an odd thread weeks later. Immutable and thread-safe.
 *
 * <p>Shape of one method: {@code id} (lower-case letters), {@code dimensions} (one to three of technical,
 * normative, personal), {@code words} ({@code en} and {@code nl} lists of the
 * words people type to pick it), {@code name} and {@code summary} (one line each, per language) and {@code phases}:
 * 2 to 10 entries of {@code kind} (case, questions, round, response, advice, takeaway), {@code speaker} (bringer,
 * group, all), {@code hours} (1 to 168) and {@code name} and {@code line} per language. The first phase tells the
 * case (the case-bringer speaks), the second is the question round, the last the takeaways (issue 15).
 */
public final class MethodLibrary {
    static final String RESOURCE = "methods.json";
    /** Words that follow "intervisie" as actions, so no method may be called by them. */
    static final Set<String> RESERVED = Set.of(
            "join",
            "meedoen",
            "leave",
            "verlaten",
            "next",
            "volgende",
            "share",
            "delen",
            "keep",
            "houden",
            "help",
            "methods",
            "methodes",
            "method",
            "methode");

    private static final Pattern ID = Pattern.compile("[a-z]{2,20}");
    private static final Pattern WORD = Pattern.compile("[a-z][a-z-]{1,29}");
    private static final Set<String> METHOD_FIELDS = Set.of("id", "dimensions", "words", "name", "summary", "phases");
    private static final Set<String> PHASE_FIELDS = Set.of("kind", "speaker", "hours", "name", "line");
    private static final int MAX_PHASES = 10;
    private static final int MAX_HOURS = 168;
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static volatile MethodLibrary builtIn;

    private final List<Method> all;
    private final Map<Language, Map<String, Method>> byWord;

    private MethodLibrary(List<Method> methods) {
        this.all = List.copyOf(methods);
        Map<Language, Map<String, Method>> words = new EnumMap<>(Language.class);
        Set<String> ids = new java.util.HashSet<>();
        for (Method m : all) {
            if (!ids.add(m.id())) {
                throw new MethodFileException(MethodFileException.Where.FILE, "method.error.twice", m.id());
            }
            for (Language lang : Language.values()) {
                Map<String, Method> forLang = words.computeIfAbsent(lang, l -> new HashMap<>());
                for (String w : m.words().get(lang)) {
                    Method earlier = forLang.putIfAbsent(w, m);
                    if (earlier != null) {
                        throw new MethodFileException(
                                MethodFileException.Where.FILE,
                                "method.error.same.word",
                                earlier.id(),
                                m.id(),
                                w,
                                lang.code());
                    }
                }
            }
        }
        Map<Language, Map<String, Method>> frozen = new EnumMap<>(Language.class);
        words.forEach((lang, map) -> frozen.put(lang, Map.copyOf(map)));
        this.byWord = frozen;
    }

    /** The methods shipped with the bot, read on first use and then kept. */
    public static MethodLibrary builtIn() {
        MethodLibrary library = builtIn;
        if (library == null) {
            synchronized (MethodLibrary.class) {
                library = builtIn;
                if (library == null) {
                    library = load();
                    builtIn = library;
                }
            }
        }
        return library;
    }

    /** This set and the methods of {@code more}, in that order; ids and words must stay unique. */
    public MethodLibrary with(MethodLibrary more) {
        List<Method> both = new ArrayList<>(all);
        both.addAll(more.all);
        return new MethodLibrary(both);
    }

    public List<Method> all() {
        return all;
    }

    public Optional<Method> byId(String id) {
        return all.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The method a person means by {@code word}: its words in the guild's language first, then in the other. */
    public Optional<Method> byWord(String word, Language language) {
        String w = word.toLowerCase(Locale.ROOT);
        Optional<Method> mine = Optional.ofNullable(byWord.get(language).get(w));
        if (mine.isPresent()) {
            return mine;
        }
        for (Language other : Language.values()) {
            Method m = byWord.get(other).get(w);
            if (m != null) {
                return Optional.of(m);
            }
        }
        return byId(w);
    }

    /**
     * Reads methods in the shape described above.
     *
     * @throws MethodFileException naming the method, phase and field when the content is wrong
     */
    public static MethodLibrary parse(InputStream in) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new MethodFileException(
                    MethodFileException.Where.FILE,
                    "method.error.json",
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr());
        }
        // One method pasted on its own reads as a file of one.
        if (root != null && root.isObject()) {
            root = JSON.createArrayNode().add(root);
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new MethodFileException(MethodFileException.Where.FILE, "method.error.array");
        }
        List<Method> methods = new ArrayList<>();
        int number = 0;
        for (JsonNode entry : root) {
            number++;
            methods.add(method(entry, number));
        }
        return new MethodLibrary(methods);
    }

    private static Method method(JsonNode entry, int number) {
        String id = entry.path("id").isTextual() ? entry.get("id").asText() : null;
        MethodFileException.Where where = new MethodFileException.Where(number, id, 0);
        if (!entry.isObject()) {
            throw new MethodFileException(where, "method.error.object");
        }
        onlyFields(entry, METHOD_FIELDS, where);
        if (id == null || !ID.matcher(id).matches()) {
            throw new MethodFileException(where, "method.error.id", "id");
        }
        Map<Language, List<String>> words = new EnumMap<>(Language.class);
        for (Language lang : Language.values()) {
            JsonNode list = entry.path("words").path(lang.code());
            if (!list.isArray() || list.isEmpty()) {
                throw new MethodFileException(where, "method.error.words", "words." + lang.code());
            }
            List<String> ws = new ArrayList<>();
            for (JsonNode w : list) {
                String word = w.isTextual() ? w.asText() : "";
                if (!WORD.matcher(word).matches() || RESERVED.contains(word)) {
                    throw new MethodFileException(
                            where,
                            "method.error.word",
                            word,
                            "words." + lang.code(),
                            String.join(", ", new java.util.TreeSet<>(RESERVED)));
                }
                ws.add(word);
            }
            words.put(lang, ws);
        }
        if (entry.path("words").size() != Language.values().length) {
            throw new MethodFileException(where, "method.error.languages", "words");
        }
        JsonNode phasesNode = entry.path("phases");
        if (!phasesNode.isArray() || phasesNode.size() < 2 || phasesNode.size() > MAX_PHASES) {
            throw new MethodFileException(where, "method.error.phases", "phases", MAX_PHASES);
        }
        List<Phase> phases = new ArrayList<>();
        for (JsonNode p : phasesNode) {
            phases.add(phase(p, where.phase(phases.size() + 1)));
        }
        checkOrder(phases, where);
        checkDimensions(entry.get("dimensions"), where);
        return new Method(
                id,
                words,
                texts(entry.path("name"), where, "name"),
                texts(entry.path("summary"), where, "summary"),
                phases,
                org.shoptalk.core.prompt.PromptLibrary.dimensions(entry.get("dimensions"), ""));
    }

    private static void checkDimensions(JsonNode node, MethodFileException.Where where) {
        Set<String> seen = new java.util.HashSet<>();
        boolean ok = node != null && node.isArray() && !node.isEmpty();
        for (JsonNode d : ok ? node : JSON.createArrayNode()) {
            String word = d.isTextual() ? d.asText() : String.valueOf(d);
            ok &= org.shoptalk.core.prompt.Dimension.ofKey(word).isPresent() && seen.add(word);
        }
        if (!ok) {
            throw new MethodFileException(
                    where, "method.error.dimensions", "dimensions", "technical, normative, personal");
        }
    }

    private static Phase phase(JsonNode p, MethodFileException.Where where) {
        if (!p.isObject()) {
            throw new MethodFileException(where, "method.error.object");
        }
        onlyFields(p, PHASE_FIELDS, where);
        Phase.Kind kind = constant(Phase.Kind.class, p.path("kind"), where, "kind");
        Phase.Speaker speaker = constant(Phase.Speaker.class, p.path("speaker"), where, "speaker");
        JsonNode hours = p.path("hours");
        if (!hours.isInt() || hours.asInt() < 1 || hours.asInt() > MAX_HOURS) {
            throw new MethodFileException(where, "method.error.hours", "hours", MAX_HOURS);
        }
        return new Phase(
                kind,
                speaker,
                Duration.ofHours(hours.asInt()),
                texts(p.path("name"), where, "name"),
                texts(p.path("line"), where, "line"));
    }

    /** Case first (told by the case-bringer), questions second, takeaways last, and each of those only there. */
    private static void checkOrder(List<Phase> phases, MethodFileException.Where where) {
        Phase first = phases.get(0);
        if (first.kind() != Phase.Kind.CASE || first.speaker() != Phase.Speaker.BRINGER) {
            throw new MethodFileException(where.phase(1), "method.error.first", "kind", "speaker");
        }
        if (phases.get(1).kind() != Phase.Kind.QUESTIONS) {
            throw new MethodFileException(where.phase(2), "method.error.second", "kind");
        }
        if (phases.get(phases.size() - 1).kind() != Phase.Kind.TAKEAWAY) {
            throw new MethodFileException(where.phase(phases.size()), "method.error.last", "kind");
        }
        for (int i = 1; i < phases.size(); i++) {
            if (phases.get(i).kind() == Phase.Kind.CASE) {
                throw new MethodFileException(where.phase(i + 1), "method.error.case.only", "kind");
            }
        }
    }

    private static <E extends Enum<E>> E constant(
            Class<E> type, JsonNode node, MethodFileException.Where where, String field) {
        String value = node.isTextual() ? node.asText() : "";
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(value)) {
                return e;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            allowed.add(e.name().toLowerCase(Locale.ROOT));
        }
        throw new MethodFileException(where, "method.error.choice", field, String.join(", ", allowed), value);
    }

    private static Map<Language, String> texts(JsonNode node, MethodFileException.Where where, String field) {
        if (!node.isObject() || node.size() != Language.values().length) {
            throw new MethodFileException(where, "method.error.languages", field);
        }
        Map<Language, String> out = new EnumMap<>(Language.class);
        for (Language lang : Language.values()) {
            JsonNode v = node.get(lang.code());
            if (v == null || !v.isTextual() || v.asText().isBlank()) {
                throw new MethodFileException(where, "method.error.blank", field + "." + lang.code());
            }
            out.put(lang, v.asText().strip());
        }
        return out;
    }

    private static void onlyFields(JsonNode node, Set<String> fields, MethodFileException.Where where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new MethodFileException(
                        where, "method.error.unknown.field", name, String.join(", ", new java.util.TreeSet<>(fields)));
            }
        }
        for (String f : new java.util.TreeSet<>(fields)) {
            if (!node.has(f)) {
                throw new MethodFileException(where, "method.error.missing.field", f);
            }
        }
    }

    private static MethodLibrary load() {
        try (InputStream in = MethodLibrary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Built-in intervisie methods " + RESOURCE + " are missing.");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the built-in intervisie methods", e);
        }
    }
}

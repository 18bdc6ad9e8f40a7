package org.shoptalk.core.intervisie;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.shoptalk.core.i18n.Language;

/**
 * A small <em>heuristic</em> for "this message seems to belong to another phase": during the question round, a
 * message containing advice-like wording ("you should", "ik zou") is probably advice. It will miss advice phrased
 * as a question and flag a question that quotes advice; that is acceptable because the result is only a kind
 * pointer in the thread, never a deletion. The phrases are data, per language, in {@code cues.json}. Immutable and
 * thread-safe.
 */
final class PhaseCues {
    private static final String RESOURCE = "cues.json";
    private final Map<Language, List<String>> advice;

    private PhaseCues(Map<Language, List<String>> advice) {
        this.advice = advice;
    }

    static PhaseCues builtIn() {
        try (InputStream in = PhaseCues.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Intervisie cues " + RESOURCE + " are missing.");
            }
            JsonNode root = JsonMapper.builder().build().readTree(in);
            Map<Language, List<String>> advice = new EnumMap<>(Language.class);
            for (Language lang : Language.values()) {
                JsonNode list = root.path(lang.code()).path("advice");
                if (!list.isArray() || list.isEmpty()) {
                    throw new IllegalStateException("Intervisie cues: " + lang.code() + ".advice must be a list.");
                }
                List<String> phrases = new ArrayList<>();
                list.forEach(p -> phrases.add(p.asText().toLowerCase(Locale.ROOT)));
                advice.put(lang, List.copyOf(phrases));
            }
            return new PhaseCues(advice);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the intervisie cues", e);
        }
    }

    /** Whether the text reads like advice in either language (people mix them in a Dutch guild). */
    boolean soundsLikeAdvice(String text) {
        String t = " " + text.toLowerCase(Locale.ROOT).replace('\u2019', '\'') + " ";
        return advice.values().stream().flatMap(List::stream).anyMatch(t::contains);
    }
}

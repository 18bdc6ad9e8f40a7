package org.shoptalk.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Helm chart templates without helm: their actions, the values they use, and the YAML around them. */
final class HelmTemplates {
    static final Pattern ACTION = Pattern.compile("\\{\\{-?(.*?)-?}}", Pattern.DOTALL);
    static final Pattern VALUES_REFERENCE = Pattern.compile("\\.Values((?:\\.[A-Za-z_][A-Za-z0-9_]*)+)");
    private static final Set<String> BLOCKS = Set.of("if", "range", "with", "define", "block");
    private static final Set<String> BLOCKS_WITH_ELSE = Set.of("if", "range", "with");

    private HelmTemplates() {}

    /**
     * The template with every line that holds only actions removed and every other action turned into a
     * quoted scalar, so the rest parses as YAML: {@code port: {{ .Values.port }}} stays visible as the
     * string "{{ .Values.port }}".
     */
    static String skeleton(String template) {
        StringBuilder out = new StringBuilder();
        for (String line : template.split("\n", -1)) {
            if (line.contains("{{") && ACTION.matcher(line).replaceAll("").isBlank()) {
                continue;
            }
            out.append(ACTION.matcher(line)
                            .replaceAll(m ->
                                    Matcher.quoteReplacement("'{{" + m.group(1).replace("'", "''") + "}}'")))
                    .append('\n');
        }
        return out.toString();
    }

    /** What is wrong with the template's {{ }} pairs and if/range/with/define blocks, if anything. */
    static Optional<String> balanceProblem(String text) {
        int from = 0;
        int open = text.indexOf("{{");
        while (open >= 0) {
            if (text.substring(from, open).contains("}}")) {
                return Optional.of("\"}}\" without \"{{\" before offset " + open);
            }
            int close = text.indexOf("}}", open);
            int nextOpen = text.indexOf("{{", open + 2);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                return Optional.of("\"{{\" at offset " + open + " is not closed before the next one");
            }
            from = close + 2;
            open = nextOpen;
        }
        if (text.substring(from).contains("}}")) {
            return Optional.of("\"}}\" without \"{{\" after offset " + from);
        }
        Deque<String> blocks = new ArrayDeque<>();
        Matcher action = ACTION.matcher(text);
        while (action.find()) {
            String body = action.group(1).strip();
            String word = body.startsWith("/*") ? "" : body.split("[\\s(]", 2)[0];
            if (BLOCKS.contains(word)) {
                blocks.push(word);
            } else if (word.equals("else") && !BLOCKS_WITH_ELSE.contains(blocks.peek())) {
                return Optional.of("\"else\" outside if/range/with: " + body);
            } else if (word.equals("end") && blocks.poll() == null) {
                return Optional.of("\"end\" without an open block");
            }
        }
        return blocks.isEmpty() ? Optional.empty() : Optional.of("blocks never closed: " + blocks);
    }

    /** The node at a dotted .Values path ("config.database.url"), or null when values.yaml lacks it. */
    static JsonNode lookup(JsonNode values, String dottedPath) {
        JsonNode node = values;
        for (String key : dottedPath.split("\\.", -1)) {
            if (node == null || !node.isObject() || !node.has(key)) {
                return null;
            }
            node = node.get(key);
        }
        return node;
    }

    /** The path of the one .Values reference in an action such as "{{ .Values.config.port | quote }}". */
    static Optional<String> valuesPath(String action) {
        Matcher m = VALUES_REFERENCE.matcher(action);
        return m.find() ? Optional.of(m.group(1).substring(1)) : Optional.empty();
    }
}

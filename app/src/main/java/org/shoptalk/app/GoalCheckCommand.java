package org.shoptalk.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shoptalk.core.goal.GoalAnalysis;
import org.shoptalk.core.goal.GoalAnalyzer;
import org.shoptalk.core.goal.Marker;
import org.shoptalk.core.i18n.Language;

/**
 * {@code java -jar shoptalk.jar goal-check --lang nl|en "TEXT"}: prints the goal analysis of one statement as JSON.
 * Starts no server and no database, so anyone can try the rules on their own goals from a shell.
 */
final class GoalCheckCommand {
    static final String NAME = "goal-check";
    static final String USAGE = "usage: java -jar shoptalk.jar goal-check --lang nl|en \"TEXT\"";
    static final int OK = 0;
    static final int BAD_ARGUMENTS = 2;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String LANG = "--lang";

    private final GoalAnalyzer analyzer = new GoalAnalyzer();

    /**
     * Checks one goal and prints the verdict and follow-up questions.
     *
     * @param args the arguments after {@code goal-check}; words outside quotes are joined with single spaces
     * @return the exit code: {@link #OK}, or {@link #BAD_ARGUMENTS} after one line on {@code err}
     */
    int run(List<String> args, PrintStream out, PrintStream err) {
        Language lang = null;
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                out.println(USAGE);
                return OK;
            }
            if (arg.equals(LANG) || arg.startsWith(LANG + "=")) {
                if (lang != null) {
                    return bad(err, "--lang is given twice");
                }
                String code = arg.equals(LANG)
                        ? (i + 1 < args.size() ? args.get(++i) : "")
                        : arg.substring(LANG.length() + 1);
                Optional<Language> parsed = Language.parse(code);
                if (parsed.isEmpty()) {
                    return bad(err, code.isEmpty() ? "--lang needs nl or en" : "unknown language \"" + code + "\"");
                }
                lang = parsed.get();
            } else if (arg.startsWith("--")) {
                return bad(err, "unknown option " + arg);
            } else {
                words.add(arg);
            }
        }
        if (lang == null) {
            return bad(err, "--lang is missing");
        }
        if (words.isEmpty()) {
            return bad(err, "the goal text is missing");
        }
        out.println(toJson(analyzer.analyze(String.join(" ", words), lang)));
        return OK;
    }

    private static int bad(PrintStream err, String problem) {
        err.println(NAME + ": " + problem + "; " + USAGE);
        return BAD_ARGUMENTS;
    }

    /**
     * A fixed field order and plain kind names, so the output reads the same as docs/dialogue.md
     * ("Try it from the jar") describes it.
     */
    static String toJson(GoalAnalysis analysis) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("verdict", analysis.verdict().name());
        json.put("targetGroup", analysis.targetGroup());
        List<Map<String, String>> markers = new ArrayList<>();
        for (Marker m : analysis.markers()) {
            Map<String, String> marker = new LinkedHashMap<>();
            marker.put("kind", m.kind().name());
            marker.put("text", m.text());
            markers.add(marker);
        }
        json.put("markers", markers);
        json.put("followUps", analysis.followUps());
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the goal analysis as JSON", e);
        }
    }
}

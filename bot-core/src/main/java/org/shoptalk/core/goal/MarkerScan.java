package org.shoptalk.core.goal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import org.shoptalk.core.goal.Marker.Kind;

/** The markers found in one statement, with where they sit, so the verdict rules can look at word order. Immutable. */
final class MarkerScan {
    static final Set<Kind> CRITERIA =
            EnumSet.of(Kind.PERCENTAGE_OR_COUNT, Kind.TIME_LIMIT, Kind.DEADLINE, Kind.FREQUENCY, Kind.MEASURE);
    static final Set<Kind> MEANS = EnumSet.of(Kind.TRAINING, Kind.TOOL_OR_SYSTEM, Kind.IMPLEMENTATION, Kind.BUDGET_CUT);

    /** One match: the marker plus its place in the text. */
    record Found(Kind kind, String text, int start, int end) {
        Marker marker() {
            return new Marker(kind, text);
        }
    }

    private final String text;
    private final List<Found> found;

    private MarkerScan(String text, List<Found> found) {
        this.text = text;
        this.found = List.copyOf(found);
    }

    /**
     * Runs every rule in table order. A match that overlaps text an earlier rule already matched is dropped,
     * so each word counts once and the table order decides (a date beats a bare number, a system beats a group).
     */
    static MarkerScan of(String text, List<MarkerRule> rules) {
        boolean[] taken = new boolean[text.length()];
        List<Found> found = new ArrayList<>();
        for (MarkerRule rule : rules) {
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                if (m.end() > m.start() && isFree(taken, m.start(), m.end())) {
                    for (int i = m.start(); i < m.end(); i++) {
                        taken[i] = true;
                    }
                    found.add(new Found(rule.kind(), m.group().strip(), m.start(), m.end()));
                }
            }
        }
        found.sort(Comparator.comparingInt(Found::start));
        return new MarkerScan(text, found);
    }

    private static boolean isFree(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) {
            if (taken[i]) {
                return false;
            }
        }
        return true;
    }

    String text() {
        return text;
    }

    List<Found> all() {
        return found;
    }

    List<Marker> markers() {
        return found.stream().map(Found::marker).toList();
    }

    boolean has(Kind kind) {
        return first(kind) != null;
    }

    boolean hasAny(Set<Kind> kinds) {
        return firstOf(kinds) != null;
    }

    /** The first marker of this kind, or null. */
    Found first(Kind kind) {
        return firstAfter(kind, 0);
    }

    /** The first marker of this kind that starts at or after {@code position}, or null. */
    Found firstAfter(Kind kind, int position) {
        for (Found f : found) {
            if (f.kind() == kind && f.start() >= position) {
                return f;
            }
        }
        return null;
    }

    /** The first marker of any of these kinds, or null. */
    Found firstOf(Set<Kind> kinds) {
        for (Found f : found) {
            if (kinds.contains(f.kind())) {
                return f;
            }
        }
        return null;
    }

    /** The marker right after {@code f} in the text, or null. */
    Found next(Found f) {
        int i = found.indexOf(f);
        return i >= 0 && i + 1 < found.size() ? found.get(i + 1) : null;
    }
}

package org.shoptalk.core.goal;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line of a pattern table: text matching {@code pattern} is a marker of {@code kind}.
 * Patterns match whole words only and ignore case, so the tables can be written in plain lower case.
 */
record MarkerRule(Marker.Kind kind, Pattern pattern) {
    private static final String NOT_IN_A_WORD_BEFORE = "(?<![\\p{L}\\p{N}])";
    private static final String NOT_IN_A_WORD_AFTER = "(?![\\p{L}\\p{N}])";

    MarkerRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pattern, "pattern");
    }

    static MarkerRule rule(Marker.Kind kind, String regex) {
        return new MarkerRule(kind, wholeWords(regex));
    }

    /** Java's \b does not treat letters such as ë as word characters in every case; explicit look-arounds do. */
    static Pattern wholeWords(String regex) {
        return Pattern.compile(
                NOT_IN_A_WORD_BEFORE + "(?:" + regex + ")" + NOT_IN_A_WORD_AFTER,
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}

package org.shoptalk.core.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A command line split into words. Text in straight or curly double quotes is one word, since chat
 * clients like to turn "quotes" into “quotes”. Not thread-safe.
 */
final class Tokens {
    private final List<String> words;
    private int position;

    private Tokens(List<String> words) {
        this.words = words;
    }

    static Tokens of(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean hadQuote = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E') {
                quoted = !quoted;
                hadQuote = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                flush(words, current, hadQuote);
                hadQuote = false;
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new CommandException("error.quote");
        }
        flush(words, current, hadQuote);
        return new Tokens(words);
    }

    private static void flush(List<String> words, StringBuilder current, boolean keepEmpty) {
        if (current.length() > 0 || keepEmpty) {
            words.add(current.toString());
            current.setLength(0);
        }
    }

    boolean hasMore() {
        return position < words.size();
    }

    String peek() {
        return hasMore() ? words.get(position) : null;
    }

    /** The next word as a keyword: lower-cased, a Dutch keyword read as its English one; null at the end. */
    String peekKeyword() {
        String w = peek();
        return w == null ? null : Keywords.english(w.toLowerCase(Locale.ROOT));
    }

    String next() {
        return hasMore() ? words.get(position++) : null;
    }

    boolean accept(String keyword) {
        if (keyword.equals(peekKeyword())) {
            position++;
            return true;
        }
        return false;
    }

    List<String> rest() {
        List<String> rest = new ArrayList<>(words.subList(position, words.size()));
        position = words.size();
        return rest;
    }
}

package org.shoptalk.core.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A command line split into words. Text in straight or curly double quotes is one word, since chat
 * clients (phones above all) like to turn "quotes" into “quotes” or „quotes“. A quoted word is always a
 * value, never a keyword: {@code guild create "Tz" lang en} names a guild Tz. Not thread-safe.
 */
final class Tokens {
    private final List<String> words;
    private final List<Boolean> quoted;
    private int position;

    private Tokens(List<String> words, List<Boolean> quoted) {
        this.words = words;
        this.quoted = quoted;
    }

    static Tokens of(String line) {
        List<String> words = new ArrayList<>();
        List<Boolean> wasQuoted = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean hadQuote = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E') {
                quoted = !quoted;
                hadQuote = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                flush(words, wasQuoted, current, hadQuote);
                hadQuote = false;
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new CommandException("error.quote");
        }
        flush(words, wasQuoted, current, hadQuote);
        return new Tokens(words, wasQuoted);
    }

    private static void flush(List<String> words, List<Boolean> quoted, StringBuilder current, boolean hadQuote) {
        if (current.length() > 0 || hadQuote) {
            words.add(current.toString());
            quoted.add(hadQuote);
            current.setLength(0);
        }
    }

    boolean hasMore() {
        return position < words.size();
    }

    String peek() {
        return hasMore() ? words.get(position) : null;
    }

    /**
     * The next word as a keyword: lower-cased, a Dutch keyword read as its English one; null at the end or when it
     * was quoted (then it is a value).
     */
    String peekKeyword() {
        return hasMore() && !quoted.get(position) ? Keywords.english(peek().toLowerCase(Locale.ROOT)) : null;
    }

    /** The next word lower-cased, quoted or not (a command's verb, a Dutch one read as English), or null at the end. */
    String peekVerb() {
        String w = peek();
        return w == null ? null : Keywords.english(w.toLowerCase(Locale.ROOT));
    }

    /** How many words are left. */
    int remaining() {
        return words.size() - position;
    }

    /** The word {@code offset} places ahead as a keyword (see {@link #peekKeyword}), or null. */
    String keywordAt(int offset) {
        int i = position + offset;
        return i < words.size() && !quoted.get(i)
                ? Keywords.english(words.get(i).toLowerCase(Locale.ROOT))
                : null;
    }

    /** The word {@code offset} places ahead, as typed, or null. */
    String wordAt(int offset) {
        int i = position + offset;
        return i < words.size() ? words.get(i) : null;
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

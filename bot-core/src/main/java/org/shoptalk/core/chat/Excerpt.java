package org.shoptalk.core.chat;

/** Shortens people's words for places with little room (digests, nudges, reviews), marking the cut with "…". */
public final class Excerpt {
    private Excerpt() {}

    /** At most {@code max} characters, line breaks kept. */
    public static String cut(String text, int max) {
        String s = text == null ? "" : text;
        return s.length() <= max ? s : s.substring(0, max - 1).strip() + "…";
    }

    /** At most {@code max} characters on one line: runs of white space become one space. */
    public static String line(String text, int max) {
        return cut(text == null ? "" : text.replaceAll("\\s+", " ").strip(), max);
    }
}

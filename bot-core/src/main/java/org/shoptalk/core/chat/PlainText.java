package org.shoptalk.core.chat;

/**
 * What people type, made safe to store and show: control characters other than tab and line breaks are
 * dropped, or become a space where they separate words (PostgreSQL refuses a NUL in text, terminals and
 * pages misread the rest), and a lone surrogate becomes U+FFFD. Everything else, emoji and right-to-left text included, is kept as typed.
 */
public final class PlainText {
    private PlainText() {}

    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            String replacement = null;
            boolean drop = false;
            if (pair) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            } else if (Character.isSurrogate(c)) {
                replacement = "\uFFFD";
            } else if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                // A vertical tab or form feed still separates words.
                replacement = Character.isWhitespace(c) ? " " : null;
                drop = replacement == null;
            }
            if (replacement == null && !drop) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (replacement != null) {
                out.append(replacement);
            }
        }
        return out == null ? text : out.toString();
    }
}

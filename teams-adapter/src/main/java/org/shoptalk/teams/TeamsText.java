package org.shoptalk.teams;

import com.microsoft.bot.schema.Mention;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Message text as Teams delivers it: light HTML with {@code <at>Name</at>} mentions, each described
 * by a mention entity. Turns it into plain text with each mention replaced as the caller wants.
 * Stateless and thread-safe.
 */
final class TeamsText {
    private static final Pattern TAG = Pattern.compile("<[^<>]+>");
    private static final Pattern LINE_BREAK_TAG = Pattern.compile("(?i)<br\\s*/?>|</p>|</div>");

    private TeamsText() {}

    /**
     * Replaces every mention found in the text, in order of appearance, by what {@code replacement}
     * gives for it, and strips the remaining markup from the text around them.
     */
    static String render(String text, List<Mention> mentions, Function<Mention, String> replacement) {
        if (text == null) {
            return "";
        }
        List<Mention> left = new ArrayList<>();
        for (Mention m : mentions) {
            if (m.getText() != null && !m.getText().isEmpty()) {
                left.add(m);
            }
        }
        StringBuilder out = new StringBuilder();
        int pos = 0;
        while (true) {
            Mention next = null;
            int nextAt = -1;
            for (Mention m : left) {
                int at = text.indexOf(m.getText(), pos);
                if (at >= 0 && (nextAt < 0 || at < nextAt)) {
                    next = m;
                    nextAt = at;
                }
            }
            if (next == null) {
                break;
            }
            out.append(plain(text.substring(pos, nextAt))).append(replacement.apply(next));
            pos = nextAt + next.getText().length();
            left.remove(next);
        }
        out.append(plain(text.substring(pos)));
        return out.toString().strip();
    }

    /** Removes markup and decodes the entities Teams uses in message text. */
    static String plain(String html) {
        String text = LINE_BREAK_TAG.matcher(html).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        return text.replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    /** The display name inside a mention's {@code <at>...</at>} text. */
    static String mentionName(Mention mention) {
        String name = mention.getMentioned() != null ? mention.getMentioned().getName() : null;
        return name != null && !name.isBlank() ? name : plain(mention.getText());
    }
}

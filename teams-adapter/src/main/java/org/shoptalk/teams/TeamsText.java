package org.shoptalk.teams;

import com.microsoft.bot.schema.Mention;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.shoptalk.core.chat.TypedText;

/**
 * Message text as Teams delivers it: light HTML with {@code <at>Name</at>} mentions, each described
 * by a mention entity. Turns it into plain text with each mention replaced as the caller wants; only an entity makes a
 * mention, never text shaped like one.
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
            out.append(typed(text.substring(pos, nextAt))).append(replacement.apply(next));
            pos = nextAt + next.getText().length();
            left.remove(next);
        }
        out.append(typed(text.substring(pos)));
        return out.toString().strip();
    }

    /**
     * Text between mention entities is what the person typed: it may read {@code <@id>} but is never a mention, since
     * Teams says who is mentioned only in its entities (issue 11).
     */
    private static String typed(String html) {
        return TypedText.literal(plain(html));
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

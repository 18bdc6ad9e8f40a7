package org.shoptalk.core.chat;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People's words shown again elsewhere (a digest quoting an answer) must not notify anyone a second time: every
 * mention in core's neutral form, {@code <@id>} or {@code <@id|label>}, becomes the person's name as plain text.
 */
public final class QuotedText {
    private static final Pattern MENTION = Pattern.compile("<@([^<>|\\s]+)(?:\\|[^<>]*)?>");

    private QuotedText() {}

    /** The text with each mention replaced by "@" and the name {@code names} gives for the id. */
    public static String withoutMentions(String text, Function<String, String> names) {
        if (text == null || text.indexOf("<@") < 0) {
            return text;
        }
        Matcher m = MENTION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = names.apply(m.group(1));
            m.appendReplacement(
                    out, Matcher.quoteReplacement("@" + (name == null || name.isBlank() ? m.group(1) : name)));
        }
        m.appendTail(out);
        return out.toString();
    }
}

package org.shoptalk.slack;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.TypedText;
import org.shoptalk.core.chat.UserRef;

/**
 * Converts between Slack's mrkdwn text and the neutral text core stores. Incoming: Slack's own mention tokens become
 * {@code <@U123>}, channel and link tokens become readable text, and what people typed is decoded and passed through
 * {@link TypedText#literal}. Slack sends typed angle brackets as "&amp;lt;"/"&amp;gt;", so decoding them cannot make
 * a token, and the text between tokens cannot make a mention (issue 11). Emoji shortcodes in the words become emoji
 * ({@link SlackEmoji}); a link's address stays as sent. Outgoing: text is escaped for mrkdwn again,
 * keeping {@code <@U123>} mentions as Slack mentions.
 */
final class SlackText {
    private static final Pattern TOKEN = Pattern.compile("<([^<>]+)>");
    private static final Pattern USER_TOKEN = Pattern.compile("@([UW][A-Z0-9]+)(?:\\|.*)?", Pattern.DOTALL);
    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt);");
    private static final Pattern ESCAPED_MENTION = Pattern.compile("&lt;@([UW][A-Z0-9]+)&gt;");

    private SlackText() {}

    /** Slack text as received -> neutral text. */
    static String toNeutral(String slack) {
        if (slack == null) {
            return "";
        }
        Matcher m = TOKEN.matcher(slack);
        StringBuilder out = new StringBuilder();
        int typedFrom = 0;
        while (m.find()) {
            out.append(words(slack.substring(typedFrom, m.start()))).append(token(m.group(1)));
            typedFrom = m.end();
        }
        return out.append(words(slack.substring(typedFrom))).toString();
    }

    /** Words between tokens, or a token's label: typed characters, with Slack's emoji shortcodes as emoji. */
    private static String words(String escaped) {
        return SlackEmoji.shortcodes(typed(escaped));
    }

    /** Characters a person typed, which Slack escapes as &amp;, &lt; and &gt; (and nothing else). */
    private static String typed(String escaped) {
        return TypedText.literal(unescape(escaped));
    }

    /**
     * Slack escapes exactly three characters in message text (ampersand, less-than and greater-than, as the
     * entities {@literal amp}, {@literal lt} and {@literal gt}: "Escaping text", Slack's formatting reference) and
     * nothing else, so exactly those are decoded, in one pass: a typed "&amp;lt;" arrives double-escaped and stays
     * as typed, and so does any other entity a person typed.
     */
    static String unescape(String slack) {
        if (slack.indexOf('&') < 0) {
            return slack;
        }
        Matcher m = ENTITY.matcher(slack);
        StringBuilder out = new StringBuilder(slack.length());
        while (m.find()) {
            String decoded = switch (m.group(1)) {
                case "amp" -> "&";
                case "lt" -> "<";
                default -> ">";
            };
            m.appendReplacement(out, Matcher.quoteReplacement(decoded));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String token(String inner) {
        Matcher user = USER_TOKEN.matcher(inner);
        if (user.matches()) {
            // keep the id only: core addresses people by id, names change
            return TypedText.mention(user.group(1));
        }
        String target = inner;
        String label = null;
        int bar = inner.indexOf('|');
        if (bar >= 0) {
            target = inner.substring(0, bar);
            label = words(inner.substring(bar + 1));
        }
        if (target.startsWith("@")) {
            return typed("@" + (label != null && !label.isEmpty() ? label : target.substring(1)));
        }
        if (target.startsWith("#")) {
            return label != null && !label.isEmpty() ? "#" + label : typed("<" + target + ">");
        }
        if (target.startsWith("!")) {
            return label != null ? label : "@" + typed(target.substring(1).replace("subteam^", ""));
        }
        target = typed(target);
        return label == null || label.equals(target) ? target : label + " (" + target + ")";
    }

    /**
     * The people Slack itself mentions in a message's raw text ({@code <@U123>}, {@code <@U123|name>}), in order of
     * first mention. Read from the raw text, before anything typed is decoded, so typed characters never count.
     */
    static List<UserRef> mentions(Tenant tenant, String slack) {
        Set<String> ids = new LinkedHashSet<>();
        if (slack != null) {
            Matcher m = TOKEN.matcher(slack);
            while (m.find()) {
                Matcher user = USER_TOKEN.matcher(m.group(1));
                if (user.matches()) {
                    ids.add(user.group(1));
                }
            }
        }
        List<UserRef> refs = new ArrayList<>();
        ids.forEach(id -> refs.add(new UserRef(tenant, id)));
        return refs;
    }

    /** Neutral text -> mrkdwn safe to post: escapes &lt; &gt; &amp; except in user mentions. */
    static String toMrkdwn(String neutral) {
        return ESCAPED_MENTION.matcher(escape(neutral)).replaceAll("<@$1>");
    }

    /** Neutral text -> text Slack shows as written: every &amp;, &lt; and &gt; escaped, so nothing becomes a token. */
    static String escape(String neutral) {
        return neutral.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

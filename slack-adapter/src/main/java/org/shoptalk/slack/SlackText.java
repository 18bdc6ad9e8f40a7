package org.shoptalk.slack;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.UserRef;

/**
 * Converts between Slack's mrkdwn text and the neutral text core stores. Incoming: mentions become
 * {@code <@U123>}, channel and link tokens become readable text, HTML entities are decoded. Outgoing:
 * text is escaped for mrkdwn again, keeping {@code <@U123>} mentions as Slack mentions.
 */
final class SlackText {
    private static final Pattern TOKEN = Pattern.compile("<([^<>]+)>");
    private static final Pattern MENTION = Pattern.compile("<@([UW][A-Z0-9]+)>");
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
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(token(m.group(1))));
        }
        m.appendTail(out);
        return unescape(out.toString());
    }

    /**
     * Slack escapes exactly three characters in message text ({@code &amp;}, {@code &lt;}, {@code &gt;}: "Escaping
     * text", Slack's formatting reference) and nothing else, so exactly those are decoded, in one pass: a typed
     * {@code &lt;} arrives as {@code &amp;lt;} and stays {@code &lt;}, and a typed {@code &quot;} stays as typed.
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
        String target = inner;
        String label = null;
        int bar = inner.indexOf('|');
        if (bar >= 0) {
            target = inner.substring(0, bar);
            label = inner.substring(bar + 1);
        }
        if (target.startsWith("@")) {
            // keep the id only: core addresses people by id, names change
            return "<" + target + ">";
        }
        if (target.startsWith("#")) {
            return label != null && !label.isEmpty() ? "#" + label : "<" + target + ">";
        }
        if (target.startsWith("!")) {
            return label != null ? label : "@" + target.substring(1).replace("subteam^", "");
        }
        return label == null || label.equals(target) ? target : label + " (" + target + ")";
    }

    /** The people mentioned in neutral text, in order of first mention. */
    static List<UserRef> mentions(Tenant tenant, String neutral) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(neutral);
        while (m.find()) {
            ids.add(m.group(1));
        }
        List<UserRef> refs = new ArrayList<>();
        ids.forEach(id -> refs.add(new UserRef(tenant, id)));
        return refs;
    }

    /** Neutral text -> mrkdwn safe to post: escapes &lt; &gt; &amp; except in user mentions. */
    static String toMrkdwn(String neutral) {
        String escaped = neutral.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return ESCAPED_MENTION.matcher(escaped).replaceAll("<@$1>");
    }
}

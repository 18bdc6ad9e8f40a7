package org.shoptalk.teams;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.Mention;
import com.microsoft.bot.schema.TextFormatTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.shoptalk.core.chat.TypedText;

/**
 * Message text as Teams delivers it, turned into the plain text core stores, every typed character kept.
 *
 * <p>Teams sends either plain text ({@code textFormat: plain}, which may hold literal {@code <} and {@code >}: "if a
 * < b", "{@code <thinking out loud>}") or light HTML: {@code <p>}, {@code <div>}, {@code <br>}, {@code <span>},
 * {@code <at>Name</at>} for mentions (each described by a mention entity) and {@code <img alt="😀">} for emoji, with
 * entities such as the named "amp" and the numeric 8217, usually alongside a {@code text/html} attachment. Markup is
 * removed only where the activity really is HTML ({@link #isHtml}); then jsoup parses it and decodes every entity,
 * paragraphs and {@code <br>} become line breaks, and a tag HTML does not know is kept as the text it was. Plain
 * text is kept exactly. Only an entity makes a mention, never text shaped like one. Stateless and thread-safe.
 */
final class TeamsText {
    /** The tags Teams itself writes into message text; one of them makes the text HTML. */
    private static final Pattern TEAMS_TAG =
            Pattern.compile("(?i)<(?:/?(?:p|div|at|span)\\b[^<>]*|br\\s*/?|img\\b[^<>]*)>");

    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "li", "ul", "ol", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr");
    // Private-use characters stand in for mentions while the HTML is parsed: they survive parsing untouched.
    private static final char MARK_START = '\uE000';
    private static final char MARK_END = '\uE001';

    private TeamsText() {}

    /**
     * Whether the activity's text is HTML: its {@code textFormat} says so ({@code xml}; Teams also writes
     * {@code html}), it carries a {@code text/html} attachment, or the text holds a tag Teams writes.
     */
    static boolean isHtml(Activity activity) {
        if (activity.getTextFormat() == TextFormatTypes.XML) {
            return true;
        }
        if (activity.getAttachments() != null) {
            for (Attachment a : activity.getAttachments()) {
                if (a != null
                        && a.getContentType() != null
                        && a.getContentType().toLowerCase(Locale.ROOT).startsWith("text/html")) {
                    return true;
                }
            }
        }
        return activity.getText() != null
                && TEAMS_TAG.matcher(activity.getText()).find();
    }

    /**
     * Replaces every mention found in the text, in order of appearance, by what {@code replacement} gives for it;
     * when {@code html}, the markup around them becomes plain text. Leading and trailing white space is dropped.
     */
    static String render(String text, boolean html, List<Mention> mentions, Function<Mention, String> replacement) {
        if (text == null) {
            return "";
        }
        List<Mention> left = new ArrayList<>();
        for (Mention m : mentions) {
            if (m.getText() != null && !m.getText().isEmpty()) {
                left.add(m);
            }
        }
        List<String> replacements = new ArrayList<>();
        StringBuilder marked = new StringBuilder();
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
            marked.append(text, pos, nextAt)
                    .append(MARK_START)
                    .append(replacements.size())
                    .append(MARK_END);
            replacements.add(replacement.apply(next));
            pos = nextAt + next.getText().length();
            left.remove(next);
        }
        marked.append(text.substring(pos));
        String plain = html ? plain(marked.toString()) : marked.toString();
        // Text between mention entities is what the person typed: it may read <@id> but is never a mention, since
        // Teams says who is mentioned only in its entities (issue 11).
        StringBuilder out = new StringBuilder(plain.length());
        StringBuilder typed = new StringBuilder();
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            int end = c == MARK_START ? plain.indexOf(MARK_END, i) : -1;
            if (end > i + 1 && plain.substring(i + 1, end).chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(plain.substring(i + 1, end));
                if (index < replacements.size()) {
                    out.append(TypedText.literal(typed.toString())).append(replacements.get(index));
                    typed.setLength(0);
                    i = end;
                    continue;
                }
            }
            typed.append(c);
        }
        out.append(TypedText.literal(typed.toString()));
        return out.toString().strip();
    }

    /**
     * Teams HTML as plain text: entities decoded (named and numeric), {@code <p>}, {@code <div>} and {@code <br>}
     * as line breaks, an emoji image as its {@code alt} text, a mention without an entity as {@code @Name}, and an
     * element HTML does not know as the tag text it was written as.
     */
    static String plain(String html) {
        Parser parser = Parser.htmlParser().settings(ParseSettings.preserveCase);
        Element body = parser.parseInput("<body>" + html + "</body>", "").body();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode t) {
                            String text = t.getWholeText();
                            // Line breaks between tags only lay out the HTML source ("</p>\r\n<p>"): not text.
                            if (!(text.isBlank() && text.indexOf('\n') >= 0)) {
                                out.append(text.replace('\u00A0', ' '));
                            }
                        } else if (node instanceof Element e && depth > 0) {
                            String name = e.normalName();
                            if (name.equals("br")) {
                                out.append('\n');
                            } else if (name.equals("img") && !picture(e)) {
                                out.append(e.attr("alt"));
                            } else if (name.equals("at")) {
                                out.append('@');
                            } else if (BLOCKS.contains(name)) {
                                newLine(out);
                            } else if (!Tag.isKnownTag(name)) {
                                out.append('<').append(e.tagName());
                                for (Attribute a : e.attributes()) {
                                    out.append(' ').append(a.getKey());
                                    if (!a.getValue().isEmpty()) {
                                        out.append("=\"").append(a.getValue()).append('"');
                                    }
                                }
                                out.append('>');
                            }
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element e && depth > 0 && BLOCKS.contains(e.normalName())) {
                            newLine(out);
                        }
                    }
                },
                body);
        return out.toString().replace("\r\n", "\n").replaceAll("[ \t]+\n", "\n").replaceAll("\n{3,}", "\n\n");
    }

    private static void newLine(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    /**
     * How many pictures the HTML holds that are not emoji (Teams marks emoji with an {@code itemtype} ending in
     * "Emoji"): a picture pasted into a reply.
     */
    static int pictures(String html) {
        if (html == null || !html.contains("<")) {
            return 0;
        }
        Element body =
                Parser.htmlParser().parseInput("<body>" + html + "</body>", "").body();
        int count = 0;
        for (Element img : body.select("img")) {
            if (picture(img)) {
                count++;
            }
        }
        return count;
    }

    private static boolean picture(Element img) {
        return img.hasAttr("src")
                && !img.attr("itemtype").toLowerCase(Locale.ROOT).endsWith("emoji");
    }

    /** The display name inside a mention's {@code <at>...</at>} text. */
    static String mentionName(Mention mention) {
        String name = mention.getMentioned() != null ? mention.getMentioned().getName() : null;
        return name != null && !name.isBlank() ? name : plain(mention.getText()).replaceFirst("^@", "");
    }
}

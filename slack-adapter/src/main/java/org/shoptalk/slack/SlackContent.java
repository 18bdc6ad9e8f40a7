package org.shoptalk.slack;

import com.slack.api.model.File;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.RichTextBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.RichTextElement;
import com.slack.api.model.block.element.RichTextListElement;
import com.slack.api.model.block.element.RichTextPreformattedElement;
import com.slack.api.model.block.element.RichTextQuoteElement;
import com.slack.api.model.block.element.RichTextSectionElement;
import java.util.ArrayList;
import java.util.List;
import org.shoptalk.core.chat.SharedFile;
import org.shoptalk.core.chat.TypedText;

/**
 * What a Slack message holds besides its {@code text}: the files shared with it (by name only; Slack's file
 * addresses need the bot's token and are never passed on), and, for a message whose {@code text} is empty, the
 * words of its {@code rich_text} blocks, which some clients and workflows send alone. Stateless and thread-safe.
 */
final class SlackContent {
    private SlackContent() {}

    /**
     * The files of a {@code file_share} (or any) message, in order. A file hidden by the free plan's limits or
     * deleted ({@code mode: hidden_by_limit / tombstone}) has no name: it still counts as a file.
     */
    static List<SharedFile> files(List<File> files) {
        List<SharedFile> shared = new ArrayList<>();
        if (files == null) {
            return shared;
        }
        for (File f : files) {
            if (f == null) {
                continue;
            }
            String name = f.getName() != null && !f.getName().isBlank() ? f.getName() : f.getTitle();
            boolean image = f.getMimetype() != null && f.getMimetype().startsWith("image/");
            shared.add(new SharedFile(name, image ? SharedFile.Kind.IMAGE : SharedFile.Kind.FILE));
        }
        return shared;
    }

    /**
     * The message's words in neutral form: {@code text} when it has any (Slack's own rendering of the blocks),
     * otherwise the text of its rich_text blocks, mentions as {@code <@U…>}.
     */
    static String neutralText(String text, List<LayoutBlock> blocks) {
        if (text != null && !text.isBlank()) {
            return SlackText.toNeutral(text);
        }
        if (blocks == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (LayoutBlock block : blocks) {
            if (block instanceof RichTextBlock rich && rich.getElements() != null) {
                for (BlockElement element : rich.getElements()) {
                    if (element instanceof RichTextElement e) {
                        element(out, e);
                    }
                }
            }
        }
        return out.toString().strip();
    }

    private static void element(StringBuilder out, RichTextElement e) {
        if (e instanceof RichTextSectionElement section) {
            inlines(out, section.getElements());
            newLine(out);
        } else if (e instanceof RichTextListElement list && list.getElements() != null) {
            int n = 1;
            for (RichTextElement item : list.getElements()) {
                out.append("ordered".equals(list.getStyle()) ? n++ + ". " : "- ");
                element(out, item);
            }
        } else if (e instanceof RichTextQuoteElement quote) {
            out.append("> ");
            inlines(out, quote.getElements());
            newLine(out);
        } else if (e instanceof RichTextPreformattedElement pre) {
            inlines(out, pre.getElements());
            newLine(out);
        } else {
            inline(out, e);
        }
    }

    private static void inlines(StringBuilder out, List<RichTextElement> elements) {
        if (elements != null) {
            elements.forEach(e -> inline(out, e));
        }
    }

    private static void inline(StringBuilder out, RichTextElement e) {
        if (e instanceof RichTextSectionElement.Text t) {
            // Words in blocks are what the person typed, unescaped: they can read <@U1> but never mention anyone.
            out.append(t.getText() == null ? "" : TypedText.literal(t.getText()));
        } else if (e instanceof RichTextSectionElement.Link l) {
            String label = l.getText();
            out.append(
                    label == null || label.isBlank() || label.equals(l.getUrl())
                            ? l.getUrl()
                            : TypedText.literal(label) + " (" + l.getUrl() + ")");
        } else if (e instanceof RichTextSectionElement.User u) {
            out.append(TypedText.mention(u.getUserId()));
        } else if (e instanceof RichTextSectionElement.Channel c) {
            out.append("<#").append(c.getChannelId()).append('>');
        } else if (e instanceof RichTextSectionElement.Emoji emoji) {
            out.append(emoji(emoji));
        } else if (e instanceof RichTextSectionElement.Broadcast b) {
            out.append('@').append(b.getRange());
        } else if (e instanceof RichTextSectionElement.UserGroup g) {
            out.append('@').append(g.getUsergroupId());
        } else if (e instanceof RichTextSectionElement.Date d) {
            out.append(d.getFallback() == null ? "" : TypedText.literal(d.getFallback()));
        } else if (e instanceof RichTextSectionElement section) {
            inlines(out, section.getElements());
        }
    }

    /**
     * The emoji's character when Slack gives its code points ("1f44d-1f3fb"), else the emoji its name and skin tone
     * stand for ({@link SlackEmoji}), else, for a workspace's custom emoji, its {@code :name:}.
     */
    private static String emoji(RichTextSectionElement.Emoji emoji) {
        if (emoji.getUnicode() != null && !emoji.getUnicode().isBlank()) {
            try {
                StringBuilder chars = new StringBuilder();
                for (String hex : emoji.getUnicode().split("-", -1)) {
                    chars.appendCodePoint(Integer.parseInt(hex, 16));
                }
                return chars.toString();
            } catch (IllegalArgumentException e) {
                // not code points after all: fall back to the name
            }
        }
        return SlackEmoji.of(emoji.getName(), emoji.getSkinTone()).orElse(":" + emoji.getName() + ":");
    }

    private static void newLine(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}

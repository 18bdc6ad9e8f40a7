package org.shoptalk.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import java.util.ArrayList;
import java.util.List;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatMessage.Block;

/**
 * Renders a neutral {@link ChatMessage} as Block Kit. Buttons carry the core command they run in
 * their {@code value}; consecutive buttons share one actions row. Slack allows 50 blocks per message
 * and 3000 characters per section, so long messages (a busy week's digest) are packed into fewer sections.
 */
final class BlockKit {
    static final String COMMAND_ACTION_PREFIX = "shoptalk_command:";
    private static final int MAX_BLOCKS = 50;
    private static final int MAX_SECTION = 3000;
    private static final int MAX_HEADER = 150;
    private static final int MAX_FALLBACK = 3000;

    private BlockKit() {
    }

    static List<LayoutBlock> render(ChatMessage message) {
        List<LayoutBlock> blocks = render(message, false);
        if (blocks.size() <= MAX_BLOCKS) {
            return blocks;
        }
        blocks = render(message, true);
        if (blocks.size() <= MAX_BLOCKS) {
            return blocks;
        }
        List<LayoutBlock> shortened = new ArrayList<>(blocks.subList(0, MAX_BLOCKS - 1));
        shortened.add(context("…"));
        return shortened;
    }

    /** The notification text Slack shows where blocks cannot be (push notifications, search). */
    static String fallbackText(ChatMessage message) {
        String plain = SlackText.toMrkdwn(message.plainText());
        return plain.length() <= MAX_FALLBACK ? plain : plain.substring(0, MAX_FALLBACK - 1) + "…";
    }

    private static List<LayoutBlock> render(ChatMessage message, boolean pack) {
        List<LayoutBlock> out = new ArrayList<>();
        List<BlockElement> buttons = new ArrayList<>();
        StringBuilder packed = new StringBuilder();
        int buttonIndex = 0;
        for (Block block : message.blocks()) {
            if (!(block instanceof Block.Button)) {
                flushButtons(out, buttons);
            }
            String sectionText = sectionText(block);
            if (pack && sectionText != null) {
                if (packed.length() > 0 && packed.length() + 2 + sectionText.length() > MAX_SECTION) {
                    flushSection(out, packed);
                }
                packed.append(packed.length() > 0 ? "\n\n" : "").append(sectionText);
                continue;
            }
            flushSection(out, packed);
            if (block instanceof Block.Header h) {
                out.add(HeaderBlock.builder()
                        .text(PlainTextObject.builder().text(cut(h.text(), MAX_HEADER)).emoji(true).build()).build());
            } else if (block instanceof Block.Context c) {
                out.add(context(SlackText.toMrkdwn(c.text())));
            } else if (block instanceof Block.Divider) {
                out.add(DividerBlock.builder().build());
            } else if (block instanceof Block.Button b) {
                buttons.add(ButtonElement.builder()
                        .text(PlainTextObject.builder().text(cut(b.label(), 75)).emoji(true).build())
                        .actionId(COMMAND_ACTION_PREFIX + buttonIndex++)
                        .value(cut(b.command(), 2000))
                        .build());
                if (buttons.size() == 25) {
                    flushButtons(out, buttons);
                }
            } else {
                out.add(section(sectionText));
            }
        }
        flushButtons(out, buttons);
        flushSection(out, packed);
        return out;
    }

    /** The mrkdwn of blocks that live in a section, or null for other kinds. */
    private static String sectionText(Block block) {
        if (block instanceof Block.Text t) {
            return SlackText.toMrkdwn(t.text());
        }
        if (block instanceof Block.Quote q) {
            StringBuilder quoted = new StringBuilder();
            for (String line : q.text().split("\n", -1)) {
                quoted.append(quoted.length() > 0 ? "\n" : "").append("> ").append(SlackText.toMrkdwn(line));
            }
            return q.attribution() == null ? quoted.toString()
                    : quoted + "\n— " + SlackText.toMrkdwn(q.attribution());
        }
        if (block instanceof Block.Link l) {
            return "<" + l.url().replace("|", "%7C").replace(">", "%3E") + "|"
                    + SlackText.toMrkdwn(l.label()).replace("|", "/") + ">";
        }
        return null;
    }

    private static SectionBlock section(String mrkdwn) {
        return SectionBlock.builder().text(MarkdownTextObject.builder().text(cut(mrkdwn, MAX_SECTION)).build()).build();
    }

    private static ContextBlock context(String mrkdwn) {
        List<ContextBlockElement> elements = List.of(MarkdownTextObject.builder().text(cut(mrkdwn, 2000)).build());
        return ContextBlock.builder().elements(elements).build();
    }

    private static void flushSection(List<LayoutBlock> out, StringBuilder packed) {
        if (packed.length() > 0) {
            out.add(section(packed.toString()));
            packed.setLength(0);
        }
    }

    private static void flushButtons(List<LayoutBlock> out, List<BlockElement> buttons) {
        if (!buttons.isEmpty()) {
            out.add(ActionsBlock.builder().elements(new ArrayList<>(buttons)).build());
            buttons.clear();
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

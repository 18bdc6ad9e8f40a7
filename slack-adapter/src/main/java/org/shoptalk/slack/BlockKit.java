package org.shoptalk.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.RichTextBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.RichTextElement;
import com.slack.api.model.block.element.RichTextQuoteElement;
import com.slack.api.model.block.element.RichTextSectionElement;
import java.util.ArrayList;
import java.util.List;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatMessage.Block;
import org.shoptalk.core.chat.MessageLimits;

/**
 * Renders a neutral {@link ChatMessage} as Block Kit. Buttons carry the core command they run in
 * their {@code value}; consecutive buttons share one actions row. Slack allows 50 blocks per message
 * and 3000 characters per section, so long messages are packed into fewer sections, and cut as a last resort.
 * {@link #fits} measures what Slack would get against its limits, so core can send a shorter message instead
 * (the digest does): besides the documented ones, Slack refuses a message with more than about 12,000 characters
 * of block text as {@code msg_blocks_too_long} (slackapi/bolt-js#2509).
 *
 * <p>A quote holds people's words, which must not turn into formatting or links the bot did not make. mrkdwn has no
 * escape for {@code *}, {@code _}, {@code ~} or {@code `} (Slack's formatting reference escapes only {@code &},
 * {@code <} and {@code >}), so a quote is a {@code rich_text} block: its {@code text} elements are shown literally,
 * line breaks included, inside a {@code rich_text_quote}, with who said it below.
 */
final class BlockKit {
    static final String COMMAND_ACTION_PREFIX = "shoptalk_command:";
    private static final int MAX_BLOCKS = 50;
    private static final int MAX_SECTION = 3000;
    private static final int MAX_HEADER = 150;
    private static final int MAX_FALLBACK = 3000;
    private static final int MAX_CONTEXT = 2000;
    private static final int MAX_BUTTON = 75;
    /** What Slack's staff report as the practical ceiling of block text in one message. */
    static final int MAX_BLOCK_TEXT = 12_000;
    /** The neutral limits core plans with; {@link #fits} has the last word on the rendered blocks. */
    static final MessageLimits LIMITS = new MessageLimits(MAX_BLOCKS, MAX_SECTION, MAX_HEADER, MAX_BLOCK_TEXT - 1_000);

    private BlockKit() {}

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

    /**
     * Whether Slack takes the message as {@link #render} builds it, nothing cut: at most 50 blocks, 3,000 characters
     * a section, 150 a header, and {@link #MAX_BLOCK_TEXT} characters of text over all blocks (escapes included).
     */
    static boolean fits(ChatMessage message) {
        List<LayoutBlock> blocks = render(message);
        if (blocks.size() > MAX_BLOCKS
                || (blocks.size() == MAX_BLOCKS && render(message, true).size() > MAX_BLOCKS)) {
            return false;
        }
        int total = 0;
        for (Block block : message.blocks()) {
            Measure m = block.accept(MEASURE);
            if (m.length() > m.max()) {
                return false;
            }
            // packing joins sections with a blank line
            total += m.length() + 2;
        }
        return total <= MAX_BLOCK_TEXT;
    }

    /**
     * The message's top-level {@code text}: with blocks, Slack uses it only for notifications (mobile ones read nothing
     * else) and screen readers (chat.postMessage reference; docs.slack.dev changelog 2026-07-13). So it is plain,
     * readable text in the message's own language, with none of our markup: the header as a line, links as
     * "label: url", quotes in quotation marks with who said them, no dividers or buttons. Slack still reads
     * {@code <...>} in it as mentions and links, so every {@code &}, {@code <} and {@code >} is escaped; only a mention
     * core itself wrote in a text or note ({@code <@U123>}) stays one, never one inside someone's quoted words, and
     * never characters people typed ({@link SlackText#toNeutral} keeps those from forming a mention). At most
     * {@value #MAX_FALLBACK} characters.
     */
    static String fallbackText(ChatMessage message) {
        List<String> lines = new ArrayList<>();
        for (Block block : message.blocks()) {
            // Buttons (actions, which the blocks carry) and dividers (layout) have no words to read.
            if (block instanceof Block.Header h) {
                lines.add(SlackText.toMrkdwn(h.text()));
            } else if (block instanceof Block.Text t) {
                lines.add(SlackText.toMrkdwn(t.text()));
            } else if (block instanceof Block.Context c) {
                lines.add(SlackText.toMrkdwn(c.text()));
            } else if (block instanceof Block.Quote q) {
                lines.add("“" + SlackText.escape(q.text()) + "”"
                        + (q.attribution() == null || q.attribution().isBlank()
                                ? ""
                                : " — " + SlackText.escape(q.attribution())));
            } else if (block instanceof Block.Link l) {
                lines.add(SlackText.escape(l.label()) + ": " + SlackText.escape(l.url()));
            }
        }
        if (lines.isEmpty()) {
            message.blocks().stream()
                    .filter(Block.Button.class::isInstance)
                    .forEach(b -> lines.add(SlackText.escape(((Block.Button) b).label())));
        }
        String plain = String.join("\n", lines);
        if (plain.length() <= MAX_FALLBACK) {
            return plain;
        }
        String cut = plain.substring(0, MAX_FALLBACK - 1);
        // never leave half an escape ("&am") at the cut
        int amp = cut.lastIndexOf('&');
        if (amp >= 0 && cut.indexOf(';', amp) < 0) {
            cut = cut.substring(0, amp);
        }
        return cut + "…";
    }

    private static List<LayoutBlock> render(ChatMessage message, boolean pack) {
        return new Renderer(pack).render(message.blocks());
    }

    /** A block's text as Slack counts it, and the most Slack takes of that kind. */
    private record Measure(int length, int max) {}

    private static final Block.Visitor<Measure> MEASURE = new Block.Visitor<>() {
        @Override
        public Measure header(Block.Header h) {
            return new Measure(h.text().length(), MAX_HEADER);
        }

        @Override
        public Measure text(Block.Text t) {
            return new Measure(mrkdwn(t).length(), MAX_SECTION);
        }

        @Override
        public Measure quote(Block.Quote q) {
            return new Measure(quoteText(q).length(), MAX_SECTION);
        }

        @Override
        public Measure context(Block.Context c) {
            return new Measure(SlackText.toMrkdwn(c.text()).length(), MAX_CONTEXT);
        }

        @Override
        public Measure link(Block.Link l) {
            return new Measure(mrkdwn(l).length(), MAX_SECTION);
        }

        @Override
        public Measure button(Block.Button b) {
            return new Measure(b.label().length(), MAX_BUTTON);
        }

        @Override
        public Measure divider(Block.Divider d) {
            return new Measure(0, MAX_SECTION);
        }
    };

    /**
     * One pass over a message's blocks, collecting Slack blocks: consecutive buttons share an actions row (25 at
     * most), and when {@code pack}ing, texts and links share sections and consecutive quotes share a rich_text block.
     * Not thread-safe: one per rendering.
     */
    private static final class Renderer implements Block.Visitor<Void> {
        private final boolean pack;
        private final List<LayoutBlock> out = new ArrayList<>();
        private final List<BlockElement> buttons = new ArrayList<>();
        private final StringBuilder packed = new StringBuilder();
        private int buttonIndex;
        private RichTextBlock quotes;
        private int quotesLength;

        Renderer(boolean pack) {
            this.pack = pack;
        }

        List<LayoutBlock> render(List<Block> blocks) {
            for (Block block : blocks) {
                block.accept(this);
            }
            flushButtons();
            flushSection();
            return out;
        }

        @Override
        public Void header(Block.Header h) {
            flushButtons();
            flushSection();
            out.add(HeaderBlock.builder()
                    .text(PlainTextObject.builder()
                            .text(cut(h.text(), MAX_HEADER))
                            .emoji(true)
                            .build())
                    .build());
            return null;
        }

        @Override
        public Void text(Block.Text t) {
            flushButtons();
            section(mrkdwn(t));
            return null;
        }

        @Override
        public Void quote(Block.Quote q) {
            flushButtons();
            flushSection();
            List<BlockElement> elements = BlockKit.quote(q);
            int length = quoteText(q).length();
            // Packed, consecutive quotes share one rich_text block, up to a section's worth of text.
            if (pack && quotes != null && quotesLength + length <= MAX_SECTION && out.get(out.size() - 1) == quotes) {
                quotes.getElements().addAll(elements);
                quotesLength += length;
            } else {
                quotes = RichTextBlock.builder()
                        .elements(new ArrayList<>(elements))
                        .build();
                quotesLength = length;
                out.add(quotes);
            }
            return null;
        }

        @Override
        public Void context(Block.Context c) {
            flushButtons();
            flushSection();
            out.add(BlockKit.context(SlackText.toMrkdwn(c.text())));
            return null;
        }

        @Override
        public Void link(Block.Link l) {
            flushButtons();
            section(mrkdwn(l));
            return null;
        }

        @Override
        public Void button(Block.Button b) {
            flushSection();
            buttons.add(ButtonElement.builder()
                    .text(PlainTextObject.builder()
                            .text(cut(b.label(), MAX_BUTTON))
                            .emoji(true)
                            .build())
                    .actionId(COMMAND_ACTION_PREFIX + buttonIndex++)
                    .value(cut(b.command(), 2000))
                    .build());
            if (buttons.size() == 25) {
                flushButtons();
            }
            return null;
        }

        @Override
        public Void divider(Block.Divider d) {
            flushButtons();
            flushSection();
            out.add(DividerBlock.builder().build());
            return null;
        }

        /** A text that lives in a section: packed with its neighbours, or a section of its own. */
        private void section(String mrkdwn) {
            if (pack) {
                if (packed.length() > 0 && packed.length() + 2 + mrkdwn.length() > MAX_SECTION) {
                    flushSection();
                }
                packed.append(packed.length() > 0 ? "\n\n" : "").append(mrkdwn);
                return;
            }
            flushSection();
            out.add(BlockKit.section(mrkdwn));
        }

        private void flushSection() {
            if (packed.length() > 0) {
                out.add(BlockKit.section(packed.toString()));
                packed.setLength(0);
            }
        }

        private void flushButtons() {
            if (!buttons.isEmpty()) {
                out.add(ActionsBlock.builder()
                        .elements(new ArrayList<>(buttons))
                        .build());
                buttons.clear();
            }
        }
    }

    private static String mrkdwn(Block.Text t) {
        return SlackText.toMrkdwn(t.text());
    }

    /** What a quote's rich_text block holds, measured like a section. */
    private static String quoteText(Block.Quote q) {
        return q.attribution() == null ? q.text() : q.text() + "\n— " + q.attribution();
    }

    private static String mrkdwn(Block.Link l) {
        return "<" + l.url().replace("|", "%7C").replace(">", "%3E") + "|"
                + SlackText.toMrkdwn(l.label()).replace("|", "/") + ">";
    }

    /** The elements of a quote's rich_text block: the words in a rich_text_quote, then who said them. */
    private static List<BlockElement> quote(Block.Quote q) {
        List<RichTextElement> words = List.of(RichTextSectionElement.Text.builder()
                .text(cut(q.text(), MAX_SECTION))
                .build());
        List<BlockElement> elements = new ArrayList<>();
        elements.add(RichTextQuoteElement.builder().elements(words).build());
        if (q.attribution() != null && !q.attribution().isBlank()) {
            elements.add(RichTextSectionElement.builder()
                    .elements(List.of(RichTextSectionElement.Text.builder()
                            .text("— " + cut(q.attribution(), MAX_HEADER))
                            // No style: the model writes every style flag, some of which Slack may not take.
                            .build()))
                    .build());
        }
        return elements;
    }

    private static SectionBlock section(String mrkdwn) {
        return SectionBlock.builder()
                .text(MarkdownTextObject.builder()
                        .text(cut(mrkdwn, MAX_SECTION))
                        .build())
                .build();
    }

    private static ContextBlock context(String mrkdwn) {
        List<ContextBlockElement> elements = List.of(
                MarkdownTextObject.builder().text(cut(mrkdwn, MAX_CONTEXT)).build());
        return ContextBlock.builder().elements(elements).build();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

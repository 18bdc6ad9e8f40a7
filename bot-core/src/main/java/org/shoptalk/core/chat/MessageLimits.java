package org.shoptalk.core.chat;

import java.util.List;

/**
 * How much one message may hold on a platform, counted on core's neutral {@link ChatMessage}: blocks, characters
 * per text, per header, and of text in all. Core shapes long messages (a busy week's digest) to these before it
 * asks {@link ChatPlatform#fits} about the rendered payload; the adapter sets them from its platform's documented
 * limits, with room for what its rendering adds. Immutable and thread-safe.
 *
 * @param blocks       most blocks in one message
 * @param textChars    most characters in one text, quote, context or link block
 * @param headerChars  most characters in a header
 * @param messageChars most characters of text in the whole message
 */
public record MessageLimits(int blocks, int textChars, int headerChars, int messageChars) {
    /** Where a platform says nothing: large enough for any message core builds, small enough for any column. */
    public static final MessageLimits GENEROUS = new MessageLimits(100, 3_000, 150, 20_000);

    public MessageLimits {
        if (blocks < 10 || textChars < 200 || headerChars < 50 || messageChars < 2_000) {
            throw new IllegalArgumentException("limits too small for a digest: " + blocks + "/" + textChars + "/"
                    + headerChars + "/" + messageChars);
        }
    }

    /** Whether the neutral message keeps within these limits. */
    public boolean admits(ChatMessage message) {
        List<ChatMessage.Block> all = message.blocks();
        if (all.size() > blocks) {
            return false;
        }
        int total = 0;
        for (ChatMessage.Block block : all) {
            int length = textLength(block);
            int max = block instanceof ChatMessage.Block.Header ? headerChars : textChars;
            if (length > max) {
                return false;
            }
            total += length;
        }
        return total <= messageChars;
    }

    /** The characters a block shows: what counts against a platform's text limits. */
    public static int textLength(ChatMessage.Block block) {
        return block.accept(TEXT_LENGTH);
    }

    private static final ChatMessage.Block.Visitor<Integer> TEXT_LENGTH = new ChatMessage.Block.Visitor<>() {
        @Override
        public Integer header(ChatMessage.Block.Header b) {
            return b.text().length();
        }

        @Override
        public Integer text(ChatMessage.Block.Text b) {
            return b.text().length();
        }

        @Override
        public Integer quote(ChatMessage.Block.Quote b) {
            // "> " before each line, "— " before the attribution
            return b.text().length()
                    + 2 * (int) b.text().lines().count()
                    + (b.attribution() == null ? 0 : b.attribution().length() + 3);
        }

        @Override
        public Integer context(ChatMessage.Block.Context b) {
            return b.text().length();
        }

        @Override
        public Integer link(ChatMessage.Block.Link b) {
            return b.label().length() + b.url().length() + 3;
        }

        @Override
        public Integer button(ChatMessage.Block.Button b) {
            return b.label().length();
        }

        @Override
        public Integer divider(ChatMessage.Block.Divider b) {
            return 0;
        }
    };
}

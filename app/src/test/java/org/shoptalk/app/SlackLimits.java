package org.shoptalk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Slack's limits on a message's blocks, as a fake Slack checks them: at most 50 blocks, 3,000 characters in a section's
 * text, 150 in a header's, and about 12,000 characters of block text in all (the limits engineering.md records: Block
 * Kit reference, slackapi/bolt-js#2509). Slack answers a broken one with {@code invalid_blocks} or, for the total,
 * {@code msg_blocks_too_long}.
 */
final class SlackLimits {
    static final int MAX_BLOCKS = 50;
    static final int MAX_SECTION_TEXT = 3_000;
    static final int MAX_HEADER_TEXT = 150;
    static final int MAX_BLOCK_TEXT = 12_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackLimits() {}

    /** The error Slack would answer for these blocks (a JSON array, or null for none), or null when it takes them. */
    static String check(String blocksJson) {
        if (blocksJson == null || blocksJson.isBlank()) {
            return null;
        }
        JsonNode blocks;
        try {
            blocks = JSON.readTree(blocksJson);
        } catch (IOException e) {
            return "invalid_blocks_format";
        }
        if (!blocks.isArray() || blocks.size() > MAX_BLOCKS) {
            return "invalid_blocks";
        }
        for (JsonNode block : blocks) {
            String type = block.path("type").asText();
            int own = block.path("text").path("text").asText("").length();
            if (("section".equals(type) && own > MAX_SECTION_TEXT)
                    || ("header".equals(type) && own > MAX_HEADER_TEXT)) {
                return "invalid_blocks";
            }
        }
        return textLength(blocks) > MAX_BLOCK_TEXT ? "msg_blocks_too_long" : null;
    }

    /** Every "text" string in the blocks: section and header texts, context elements, fields, button labels. */
    private static int textLength(JsonNode node) {
        int total = 0;
        if (node.isObject()) {
            for (var field : node.properties()) {
                JsonNode child = field.getValue();
                total += "text".equals(field.getKey()) && child.isTextual()
                        ? child.asText().length()
                        : textLength(child);
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                total += textLength(child);
            }
        }
        return total;
    }
}

package org.shoptalk.core.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatMessage.Block;

/**
 * A bot message's neutral blocks as the local console page renders them (issue 12): a JSON array of objects with a
 * {@code type} (header, text, quote, context, link, button, divider) and that block's fields (text, attribution,
 * label, url, command). Stateless, so thread-safe.
 */
final class LocalBlocks {
    /** Longest JSON kept; a longer message is shown as its plain text, which is stored anyway. */
    static final int MAX_JSON = 100_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalBlocks() {}

    /** The blocks as JSON, or null when they would not fit the column. */
    static String json(ChatMessage message) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Block block : message.blocks()) {
            out.add(fields(block));
        }
        try {
            String json = JSON.writeValueAsString(out);
            return json.length() <= MAX_JSON ? json : null;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("blocks of plain strings always serialise", e);
        }
    }

    private static Map<String, String> fields(Block block) {
        Map<String, String> f = new LinkedHashMap<>();
        if (block instanceof Block.Header b) {
            f.put("type", "header");
            f.put("text", b.text());
        } else if (block instanceof Block.Text b) {
            f.put("type", "text");
            f.put("text", b.text());
        } else if (block instanceof Block.Quote b) {
            f.put("type", "quote");
            f.put("text", b.text());
            f.put("attribution", b.attribution());
        } else if (block instanceof Block.Context b) {
            f.put("type", "context");
            f.put("text", b.text());
        } else if (block instanceof Block.Link b) {
            f.put("type", "link");
            f.put("label", b.label());
            f.put("url", b.url());
        } else if (block instanceof Block.Button b) {
            f.put("type", "button");
            f.put("label", b.label());
            f.put("command", b.command());
        } else if (block instanceof Block.Divider) {
            f.put("type", "divider");
        } else {
            throw new IllegalStateException(
                    "a new kind of block: " + block.getClass().getSimpleName());
        }
        return f;
    }
}

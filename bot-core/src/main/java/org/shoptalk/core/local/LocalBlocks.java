package org.shoptalk.core.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

    // A divider has no components: an empty object, not an error.
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private LocalBlocks() {}

    /** The blocks as JSON, or null when they would not fit the column. */
    static String json(ChatMessage message) {
        List<Map<String, Object>> out = new ArrayList<>();
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

    /**
     * The block's type, then its record components by name, in order (a null attribution included): read generically,
     * so every kind of block is shown without a dispatch to keep up to date.
     */
    private static Map<String, Object> fields(Block block) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", block.getClass().getSimpleName().toLowerCase(Locale.ROOT));
        f.putAll(JSON.convertValue(block, COMPONENTS));
        return f;
    }

    private static final TypeReference<Map<String, Object>> COMPONENTS = new TypeReference<>() {};
}

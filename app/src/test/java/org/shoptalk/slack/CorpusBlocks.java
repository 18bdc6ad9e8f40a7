package org.shoptalk.slack;

import com.slack.api.util.json.GsonFactory;
import org.shoptalk.core.chat.ChatMessage;

/** The Block Kit JSON for a neutral message, for tests outside the adapter that compare renderings. */
public final class CorpusBlocks {
    private CorpusBlocks() {}

    public static String json(ChatMessage message) {
        return GsonFactory.createSnakeCase().toJson(BlockKit.render(message));
    }
}

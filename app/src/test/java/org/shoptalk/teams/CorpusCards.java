package org.shoptalk.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.shoptalk.core.chat.ChatMessage;

/** The Teams card for a neutral message, for tests outside the adapter that compare renderings. */
public final class CorpusCards {
    private CorpusCards() {}

    public static ObjectNode card(ChatMessage message) {
        return AdaptiveCards.card(message);
    }
}

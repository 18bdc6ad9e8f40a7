package org.shoptalk.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Attachment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatMessage.Block;
import org.shoptalk.core.chat.MessageLimits;

/**
 * Renders core's platform-neutral messages as Adaptive Cards (schema 1.4, which Teams supports).
 * Buttons become Action.Submit carrying the command they run, so a click comes back as a command
 * from the person who clicked. Stateless and thread-safe.
 */
final class AdaptiveCards {
    static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    /** Marks card data as ours: {@code {"shoptalk": "command", "command": "resume 12"}}. */
    static final String DATA_KIND = "shoptalk";

    static final String KIND_COMMAND = "command";
    /** A core form ({@link FormCard}); the data names the form. */
    static final String KIND_FORM = "form";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /**
     * The largest card JSON we send, in UTF-8 bytes. Teams refuses bot messages over about 100 KB (counted in
     * UTF-16) and renders cards far smaller than that poorly; we keep cards under 28 KB, with 2 KB left for the
     * activity around the card and the mention entities {@link OutgoingText} adds.
     */
    static final int MAX_CARD_BYTES = 26 * 1024;
    /** The neutral limits core plans with; {@link #fits} measures the card itself. */
    static final MessageLimits LIMITS = new MessageLimits(50, 3_000, 150, 9_000);

    private AdaptiveCards() {}

    static Activity activity(ObjectNode card, String plainText) {
        Activity activity = new Activity(ActivityTypes.MESSAGE);
        Attachment attachment = new Attachment();
        attachment.setContentType(CONTENT_TYPE);
        attachment.setContent(card);
        activity.setAttachments(List.of(attachment));
        // Teams shows the summary in notifications and the activity feed, where a card has no text.
        String firstLine = plainText.strip().lines().findFirst().orElse("").replace("*", "");
        activity.setSummary(firstLine.length() > 200 ? firstLine.substring(0, 199) + "…" : firstLine);
        return activity;
    }

    /** Whether the message's card stays within {@link #MAX_CARD_BYTES}, measured on its JSON. */
    static boolean fits(ChatMessage message) {
        return bytes(card(message)) <= MAX_CARD_BYTES;
    }

    /** The size of a card as sent: its JSON in UTF-8. */
    static int bytes(ObjectNode card) {
        return card.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    static ObjectNode card(ChatMessage message) {
        ObjectNode card = emptyCard();
        ArrayNode body = card.withArray("body");
        boolean separateNext = false;
        for (Block block : message.blocks()) {
            ObjectNode element = element(block);
            if (element == null) {
                separateNext = true;
                continue;
            }
            if (separateNext) {
                element.put("separator", true).put("spacing", "Medium");
                separateNext = false;
            }
            body.add(element);
        }
        return card;
    }

    /** One card element per block; null for a divider, which separates the next element instead. */
    private static ObjectNode element(Block block) {
        if (block instanceof Block.Header h) {
            return textBlock(h.text()).put("size", "Large").put("weight", "Bolder");
        } else if (block instanceof Block.Text t) {
            return textBlock(t.text());
        } else if (block instanceof Block.Quote q) {
            return quote(q);
        } else if (block instanceof Block.Context c) {
            return textBlock(c.text()).put("isSubtle", true).put("size", "Small");
        } else if (block instanceof Block.Link l) {
            return textBlock("[" + escapeLinkLabel(l.label()) + "](" + l.url() + ")");
        } else if (block instanceof Block.Button b) {
            return actionSet(b);
        } else if (block instanceof Block.Divider) {
            return null;
        }
        throw new IllegalArgumentException("unknown block: " + block);
    }

    static ObjectNode emptyCard() {
        ObjectNode card = JSON.objectNode();
        card.put("type", "AdaptiveCard");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("version", "1.4");
        card.putArray("body");
        card.putObject("msteams").put("width", "Full");
        return card;
    }

    static ObjectNode textBlock(String text) {
        ObjectNode block = JSON.objectNode();
        block.put("type", "TextBlock");
        block.put("text", text);
        block.put("wrap", true);
        return block;
    }

    private static ObjectNode quote(Block.Quote quote) {
        ObjectNode container = JSON.objectNode();
        container.put("type", "Container");
        container.put("style", "emphasis");
        ArrayNode items = container.putArray("items");
        items.add(textBlock(quote.text()));
        if (quote.attribution() != null && !quote.attribution().isBlank()) {
            items.add(textBlock("— " + quote.attribution())
                    .put("isSubtle", true)
                    .put("size", "Small")
                    .put("spacing", "None"));
        }
        return container;
    }

    private static ObjectNode actionSet(Block.Button button) {
        ObjectNode set = JSON.objectNode();
        set.put("type", "ActionSet");
        ObjectNode action = set.putArray("actions").addObject();
        action.put("type", "Action.Submit");
        action.put("title", button.label());
        ObjectNode data = action.putObject("data");
        data.put(DATA_KIND, KIND_COMMAND);
        data.put("command", button.command());
        return set;
    }

    private static String escapeLinkLabel(String label) {
        return label.replace("[", "(").replace("]", ")");
    }
}

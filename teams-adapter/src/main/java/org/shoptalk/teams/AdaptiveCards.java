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
 *
 * <p>Words are shown as written. A TextBlock's text is Markdown ("A subset of markdown is supported", TextBlock in
 * the Adaptive Cards schema explorer), so a person's {@code [click](url)} would become a live link and a leading
 * {@code -} or {@code #} a list or heading; backslash escapes are honoured on some Teams clients and shown on others
 * (MicrosoftDocs/msteams-docs#5793, microsoft/AdaptiveCards#5758). A RichTextBlock's TextRuns are not Markdown
 * ("RichTextBlock does not support Markdown", learn.microsoft.com/adaptive-cards/create/textfeatures), so quotes,
 * texts and headers are RichTextBlocks. A single {@code \n} does not break a line in a TextBlock (Markdown needs two,
 * microsoft/AdaptiveCards#5538, Teams "Format cards": newlines for Adaptive Cards), and {@code \n} inside a TextRun
 * renders differently per client (microsoft/AdaptiveCards#4914), so each line is its own RichTextBlock and a blank
 * line becomes space before the next. Only what must be Markdown stays a TextBlock: the bot's links, and texts that
 * mention someone (Teams mentions live in TextBlocks), whose lines are then joined by a blank line.
 */
final class AdaptiveCards {
    static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    /** Marks card data as ours: {@code {"shoptalk": "command", "command": "resume 12"}}. */
    static final String DATA_KIND = "shoptalk";

    static final String KIND_COMMAND = "command";
    /** A core form ({@link FormCard}); the data names the form. */
    static final String KIND_FORM = "form";
    /**
     * Elements whose id starts with this hold people's words: {@link OutgoingText} leaves them exactly as they are
     * (no command or mention rewriting).
     */
    static final String SAID_ID_PREFIX = "said-";

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
        int quotes = 0;
        for (Block block : message.blocks()) {
            ObjectNode element = element(block, quotes);
            if (block instanceof Block.Quote) {
                quotes++;
            }
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
    private static ObjectNode element(Block block, int quoteIndex) {
        return block.accept(new Block.Visitor<>() {
            @Override
            public ObjectNode header(Block.Header h) {
                return lines(h.text(), Style.HEADER);
            }

            @Override
            public ObjectNode text(Block.Text t) {
                return mentions(t.text()) ? markdownLines(t.text()) : lines(t.text(), Style.PLAIN);
            }

            @Override
            public ObjectNode quote(Block.Quote q) {
                return AdaptiveCards.quote(q, quoteIndex);
            }

            @Override
            public ObjectNode context(Block.Context c) {
                return mentions(c.text())
                        ? markdownLines(c.text()).put("isSubtle", true).put("size", "Small")
                        : lines(c.text(), Style.SUBTLE);
            }

            @Override
            public ObjectNode link(Block.Link l) {
                return textBlock("[" + escapeLinkLabel(l.label()) + "](" + l.url() + ")");
            }

            @Override
            public ObjectNode button(Block.Button b) {
                return actionSet(b);
            }

            @Override
            public ObjectNode divider(Block.Divider d) {
                return null;
            }
        });
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

    /** How a run of words looks. */
    private enum Style {
        PLAIN,
        SUBTLE,
        HEADER
    }

    /** Core writes people as {@code <@id>}; such a text must stay a TextBlock, where Teams renders mentions. */
    private static boolean mentions(String text) {
        return text.contains("<@");
    }

    /** Markdown text whose line breaks survive: Markdown needs a blank line between lines. */
    private static ObjectNode markdownLines(String text) {
        return textBlock(String.join("\n\n", text.replace("\r", "").split("\n")));
    }

    /**
     * The text exactly as written, one RichTextBlock per line (a single one when the text is one line, a Container
     * otherwise); a blank line becomes space before the next line.
     */
    private static ObjectNode lines(String text, Style style) {
        ArrayNode items = JSON.arrayNode();
        boolean gap = false;
        for (String line : text.replace("\r", "").split("\n", -1)) {
            if (line.isBlank()) {
                gap = !items.isEmpty();
                continue;
            }
            ObjectNode block = richLine(line, style);
            if (!items.isEmpty()) {
                block.put("spacing", gap ? "Medium" : "None");
            }
            gap = false;
            items.add(block);
        }
        if (items.size() == 1) {
            return (ObjectNode) items.get(0);
        }
        if (items.isEmpty()) {
            items.add(richLine(" ", style));
        }
        ObjectNode container = JSON.objectNode();
        container.put("type", "Container");
        container.set("items", items);
        return container;
    }

    private static ObjectNode richLine(String line, Style style) {
        ObjectNode block = JSON.objectNode();
        block.put("type", "RichTextBlock");
        ObjectNode run = block.putArray("inlines").addObject();
        run.put("type", "TextRun");
        run.put("text", line);
        styled(run, style);
        return block;
    }

    private static ObjectNode styled(ObjectNode run, Style style) {
        return switch (style) {
            case PLAIN -> run;
            case SUBTLE -> run.put("isSubtle", true).put("size", "Small");
            case HEADER -> run.put("size", "Large").put("weight", "Bolder");
        };
    }

    /** People's words, marked so that nothing rewrites them, with who said them underneath. */
    private static ObjectNode quote(Block.Quote quote, int index) {
        ObjectNode container = JSON.objectNode();
        container.put("type", "Container");
        container.put("id", SAID_ID_PREFIX + index);
        container.put("style", "emphasis");
        ArrayNode items = container.putArray("items");
        items.add(lines(quote.text(), Style.PLAIN));
        if (quote.attribution() != null && !quote.attribution().isBlank()) {
            items.add(lines("— " + quote.attribution(), Style.SUBTLE).put("spacing", "None"));
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

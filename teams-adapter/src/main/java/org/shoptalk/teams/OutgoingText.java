package org.shoptalk.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shoptalk.core.chat.Tenant;

/**
 * Core writes people for every platform as {@code <@objectId>}. In Teams a person becomes a real mention (they get
 * notified) when the bot knows their connector id, otherwise their name. Commands need no rewriting: core writes
 * them as {@link TeamsPlatform#invocation()} says. Quotes of people's words
 * ({@link AdaptiveCards#SAID_ID_PREFIX}) are left exactly as written. Thread-safe.
 */
final class OutgoingText {
    private static final Pattern PERSON = Pattern.compile("<@([^>|]+)(?:\\|[^>]*)?>");

    private final TeamsStore store;

    OutgoingText(TeamsStore store) {
        this.store = store;
    }

    /** Rewrites every text of the card in place and declares the mentions it now holds. */
    void apply(Tenant tenant, ObjectNode card) {
        Map<String, TeamsStore.User> mentioned = new LinkedHashMap<>();
        rewrite(tenant, card, mentioned);
        if (!mentioned.isEmpty()) {
            ArrayNode entities = card.withObject("/msteams").putArray("entities");
            for (TeamsStore.User user : mentioned.values()) {
                ObjectNode entity = entities.addObject();
                entity.put("type", "mention");
                entity.put("text", "<at>" + user.name() + "</at>");
                entity.putObject("mentioned").put("id", user.userId()).put("name", user.name());
            }
        }
    }

    private void rewrite(Tenant tenant, JsonNode node, Map<String, TeamsStore.User> mentioned) {
        if (node instanceof ObjectNode object) {
            if (object.path("id").asText("").startsWith(AdaptiveCards.SAID_ID_PREFIX)) {
                return;
            }
            JsonNode text = object.get("text");
            if (text != null && text.isTextual()) {
                object.put("text", rewrite(tenant, text.asText(), mentioned));
            }
            object.properties().forEach(e -> {
                if (!e.getKey().equals("text") && !e.getKey().equals("data")) {
                    rewrite(tenant, e.getValue(), mentioned);
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewrite(tenant, child, mentioned));
        }
    }

    String rewrite(Tenant tenant, String text, Map<String, TeamsStore.User> mentioned) {
        Matcher m = PERSON.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String id = m.group(1);
            String replacement = store.user(tenant, id)
                    .filter(user -> user.name() != null)
                    .map(user -> {
                        mentioned.put(id, user);
                        return "<at>" + user.name() + "</at>";
                    })
                    .orElse(id);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}

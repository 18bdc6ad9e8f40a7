package org.shoptalk.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.shoptalk.core.chat.Form;

/**
 * Renders one of core's {@link Form}s as an Adaptive Card, and reads a submitted card back into the form's values.
 * Every text and every rule is core's; a form core returns with errors is rendered again with each error under its
 * field. Teams cards have no channel picker: a channel field is left out (the form then belongs where it was
 * shown). Stateless and thread-safe.
 */
final class FormCard {
    /** The card data key that names the form a submit belongs to. */
    static final String FORM_ID = "form";

    private FormCard() {}

    static ObjectNode card(Form form) {
        ObjectNode card = AdaptiveCards.emptyCard();
        ArrayNode body = card.withArray("body");
        body.add(AdaptiveCards.textBlock(form.title()).put("size", "Large").put("weight", "Bolder"));
        if (form.intro() != null) {
            body.add(AdaptiveCards.textBlock(form.intro()).put("isSubtle", true));
        }
        for (Form.Field field : form.fields()) {
            if (field.kind() == Form.Kind.CHANNEL) {
                continue;
            }
            ObjectNode input = input(body, field);
            String value = form.values().getOrDefault(field.key(), field.initial());
            if (value != null && !value.isBlank()) {
                input.put("value", value);
            }
            String error = form.errors().get(field.key());
            if (error != null) {
                body.add(
                        AdaptiveCards.textBlock(error).put("color", "Attention").put("spacing", "None"));
            }
        }
        ObjectNode submit = card.putArray("actions").addObject();
        submit.put("type", "Action.Submit");
        submit.put("title", form.submit());
        submit.putObject("data")
                .put(AdaptiveCards.DATA_KIND, AdaptiveCards.KIND_FORM)
                .put(FORM_ID, form.id());
        return card;
    }

    private static ObjectNode input(ArrayNode body, Form.Field field) {
        ObjectNode input = body.addObject();
        input.put("id", field.key());
        input.put("label", field.label());
        input.put("isRequired", field.required());
        if (field.hint() != null) {
            input.put("placeholder", field.hint());
        }
        return switch (field.kind()) {
            case DAYS ->
                choices(
                        input.put("type", "Input.ChoiceSet")
                                .put("isMultiSelect", true)
                                .put("style", "expanded"),
                        field);
            case CHOICE -> choices(input.put("type", "Input.ChoiceSet").put("style", "compact"), field);
            case TIME -> input.put("type", "Input.Time");
            case NUMBER ->
                input.put("type", "Input.Number").put("min", field.min()).put("max", field.max());
            case TEXT, CHANNEL -> input.put("type", "Input.Text");
        };
    }

    private static ObjectNode choices(ObjectNode input, Form.Field field) {
        ArrayNode choices = input.putArray("choices");
        for (Form.Choice c : field.choices()) {
            choices.addObject().put("title", c.label()).put("value", c.value());
        }
        return input;
    }

    /** The values of a submitted card, keyed by field; Teams sends strings, a number may arrive as a number. */
    static Map<String, String> values(JsonNode data) {
        Map<String, String> values = new LinkedHashMap<>();
        data.properties().forEach(e -> {
            String key = e.getKey();
            JsonNode v = e.getValue();
            if (key.equals(AdaptiveCards.DATA_KIND) || key.equals(FORM_ID) || v == null || v.isNull()) {
                return;
            }
            values.put(key, v.isNumber() && v.canConvertToInt() ? String.valueOf(v.asInt()) : v.asText(""));
        });
        return values;
    }
}

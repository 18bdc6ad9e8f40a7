package org.shoptalk.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.shoptalk.core.prompt.Theme;

/**
 * An Adaptive Card form for planning a recurring reflection moment. A submit is turned into the very
 * command a lead would type ({@code schedule mon,thu 09:30 every 2 weeks tz Europe/Amsterdam theme craft})
 * and core checks it like any other, so the form has no rules of its own. Stateless and thread-safe.
 */
final class ScheduleForm {
    /** What a person types to get the form: {@code @Shoptalk schedule form}. */
    static final String REQUEST = "schedule form";

    private static final String[][] DAYS = {
        {"mon", "Monday"},
        {"tue", "Tuesday"},
        {"wed", "Wednesday"},
        {"thu", "Thursday"},
        {"fri", "Friday"},
        {"sat", "Saturday"},
        {"sun", "Sunday"},
    };

    private ScheduleForm() {}

    static boolean isRequest(String commandText) {
        return commandText.strip().replaceAll("\\s+", " ").equalsIgnoreCase(REQUEST);
    }

    static ObjectNode card() {
        ObjectNode card = AdaptiveCards.emptyCard();
        ArrayNode body = card.withArray("body");
        body.add(AdaptiveCards.textBlock("Plan a reflection moment")
                .put("size", "Large")
                .put("weight", "Bolder"));
        body.add(AdaptiveCards.textBlock("Shoptalk posts a reflection prompt in this channel at the time you choose.")
                .put("isSubtle", true));

        ObjectNode days = input(body, "Input.ChoiceSet", "days", "Days");
        days.put("isMultiSelect", true)
                .put("style", "expanded")
                .put("isRequired", true)
                .put("errorMessage", "Pick at least one day.");
        ArrayNode dayChoices = days.putArray("choices");
        for (String[] day : DAYS) {
            dayChoices.addObject().put("title", day[1]).put("value", day[0]);
        }

        input(body, "Input.Time", "time", "Time")
                .put("value", "09:30")
                .put("isRequired", true)
                .put("errorMessage", "Choose a time.");
        input(body, "Input.Text", "timeZone", "Time zone (leave empty for the guild's)")
                .put("placeholder", "Europe/Amsterdam");
        input(body, "Input.Number", "everyWeeks", "Every how many weeks")
                .put("value", 1)
                .put("min", 1)
                .put("max", 52);

        ObjectNode theme = input(body, "Input.ChoiceSet", "theme", "Theme (optional)");
        theme.put("style", "compact").put("placeholder", "Any theme");
        ArrayNode themeChoices = theme.putArray("choices");
        for (Theme t : Theme.values()) {
            themeChoices
                    .addObject()
                    .put("title", t.label(org.shoptalk.core.i18n.Language.EN))
                    .put("value", t.key());
        }

        ObjectNode submit = card.putArray("actions").addObject();
        submit.put("type", "Action.Submit");
        submit.put("title", "Schedule");
        submit.putObject("data").put(AdaptiveCards.DATA_KIND, AdaptiveCards.KIND_SCHEDULE_FORM);
        return card;
    }

    /** The command for a submitted form; empty fields are left out for core to default or reject. */
    static String command(JsonNode values) {
        List<String> parts = new ArrayList<>();
        parts.add("schedule");
        String days = field(values, "days").replaceAll("\\s+", "");
        if (!days.isEmpty()) {
            parts.add(days);
        }
        String time = field(values, "time");
        if (!time.isEmpty()) {
            parts.add(time);
        }
        String every = field(values, "everyWeeks");
        if (!every.isEmpty() && !every.equals("1")) {
            parts.add("every " + every + " weeks");
        }
        String zone = field(values, "timeZone");
        if (!zone.isEmpty()) {
            parts.add("tz " + zone);
        }
        String theme = field(values, "theme");
        if (!theme.isEmpty()) {
            parts.add("theme " + theme);
        }
        return String.join(" ", parts);
    }

    private static ObjectNode input(ArrayNode body, String type, String id, String label) {
        ObjectNode input = body.addObject();
        input.put("type", type);
        input.put("id", id);
        input.put("label", label);
        return input;
    }

    /** Teams sends every input value as a string; a number may arrive as a number. */
    private static String field(JsonNode values, String name) {
        JsonNode value = values.get(name);
        if (value == null || value.isNull()) {
            return "";
        }
        String text = value.isNumber() && value.canConvertToInt() ? String.valueOf(value.asInt()) : value.asText("");
        // One token per field: whitespace inside a value would change how the command reads.
        return text.strip().replaceAll("\\s+", "_");
    }
}

package org.shoptalk.slack;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.CheckboxesElement;
import com.slack.api.model.block.element.ConversationsFilter;
import com.slack.api.model.block.element.ConversationsSelectElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.TimePickerElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The "Schedule a reflection moment" modal: its view, and reading a submission into one core
 * {@code schedule} command. Only the form of each field is checked here (a time, a zone, a number),
 * so Slack can show the error next to the field; whether the person may schedule is core's call.
 */
final class ScheduleModal {
    static final String CALLBACK_ID = "shoptalk_schedule";
    private static final String VALUE = "value";
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final Pattern THEME = Pattern.compile("[\\p{L}0-9_-]{1,40}");
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final List<String> DAY_NAMES =
            List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");

    /** A submission read: the command to run in the channel, or the errors per field. */
    record Result(String channelId, String command, Map<String, String> errors) {}

    private ScheduleModal() {}

    static View view() {
        List<OptionObject> days = new ArrayList<>();
        for (int i = 0; i < DAYS.size(); i++) {
            days.add(OptionObject.builder()
                    .text(plain(DAY_NAMES.get(i)))
                    .value(DAYS.get(i))
                    .build());
        }
        List<LayoutBlock> blocks = List.of(
                input(
                        "channel",
                        "Guild channel",
                        false,
                        ConversationsSelectElement.builder()
                                .actionId(VALUE)
                                .filter(ConversationsFilter.builder()
                                        .include(List.of("public", "private"))
                                        .excludeBotUsers(true)
                                        .build())
                                .build()),
                input(
                        "days",
                        "Days",
                        false,
                        CheckboxesElement.builder()
                                .actionId(VALUE)
                                .options(days)
                                .build()),
                input(
                        "time",
                        "Time",
                        false,
                        TimePickerElement.builder()
                                .actionId(VALUE)
                                .initialTime("09:30")
                                .build()),
                input(
                        "every",
                        "Every how many weeks",
                        true,
                        PlainTextInputElement.builder()
                                .actionId(VALUE)
                                .placeholder(plain("1"))
                                .build()),
                input(
                        "tz",
                        "Time zone",
                        true,
                        PlainTextInputElement.builder()
                                .actionId(VALUE)
                                .placeholder(plain("Europe/Amsterdam (empty: the guild's time zone)"))
                                .build()),
                input(
                        "theme",
                        "Theme",
                        true,
                        PlainTextInputElement.builder()
                                .actionId(VALUE)
                                .placeholder(plain("e.g. dialogue (empty: all themes in turn)"))
                                .build()));
        return View.builder()
                .type("modal")
                .callbackId(CALLBACK_ID)
                .title(ViewTitle.builder()
                        .type("plain_text")
                        .text("Reflection moment")
                        .build())
                .submit(ViewSubmit.builder().type("plain_text").text("Schedule").build())
                .close(ViewClose.builder().type("plain_text").text("Cancel").build())
                .blocks(blocks)
                .build();
    }

    static Result read(Map<String, Map<String, ViewState.Value>> values) {
        Map<String, String> errors = new LinkedHashMap<>();
        String channel = field(values, "channel") == null
                ? null
                : field(values, "channel").getSelectedConversation();
        if (channel == null || channel.isBlank()) {
            errors.put("channel", "Pick the channel where the guild meets.");
        }
        ViewState.Value dayValue = field(values, "days");
        List<String> days = dayValue == null || dayValue.getSelectedOptions() == null
                ? List.of()
                : dayValue.getSelectedOptions().stream()
                        .map(ViewState.SelectedOption::getValue)
                        .filter(DAYS::contains)
                        .sorted((a, b) -> DAYS.indexOf(a) - DAYS.indexOf(b))
                        .collect(Collectors.toList());
        if (days.isEmpty()) {
            errors.put("days", "Pick at least one day.");
        }
        String time =
                field(values, "time") == null ? null : field(values, "time").getSelectedTime();
        if (time == null || !TIME.matcher(time).matches()) {
            errors.put("time", "Pick a time, like 09:30.");
        }
        String every = text(values, "every");
        int weeks = every == null ? 1 : every.matches("\\d{1,2}") ? Integer.parseInt(every) : -1;
        if (weeks < 1 || weeks > 52) {
            errors.put("every", "Use a whole number of weeks from 1 to 52, like 2.");
        }
        String zone = text(values, "tz");
        if (zone != null) {
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                errors.put("tz", "Unknown time zone. Use a name like Europe/Amsterdam or America/New_York.");
            }
        }
        String theme = text(values, "theme");
        if (theme != null && !THEME.matcher(theme).matches()) {
            errors.put("theme", "A theme is one word, like dialogue. `/shoptalk prompts` lists them.");
        }
        if (!errors.isEmpty()) {
            return new Result(null, null, errors);
        }
        StringBuilder command = new StringBuilder("schedule ")
                .append(String.join(",", days))
                .append(' ')
                .append(time);
        if (weeks > 1) {
            command.append(" every ").append(weeks).append(" weeks");
        }
        if (zone != null) {
            command.append(" tz ").append(zone);
        }
        if (theme != null) {
            command.append(" theme ").append(theme);
        }
        return new Result(channel, command.toString(), Map.of());
    }

    private static ViewState.Value field(Map<String, Map<String, ViewState.Value>> values, String block) {
        Map<String, ViewState.Value> byAction = values == null ? null : values.get(block);
        return byAction == null ? null : byAction.get(VALUE);
    }

    private static String text(Map<String, Map<String, ViewState.Value>> values, String block) {
        ViewState.Value v = field(values, block);
        return v == null || v.getValue() == null || v.getValue().isBlank()
                ? null
                : v.getValue().strip();
    }

    private static InputBlock input(String blockId, String label, boolean optional, BlockElement element) {
        return InputBlock.builder()
                .blockId(blockId)
                .label(plain(label))
                .optional(optional)
                .element(element)
                .build();
    }

    private static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).build();
    }
}

package org.shoptalk.slack;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.CheckboxesElement;
import com.slack.api.model.block.element.ConversationsFilter;
import com.slack.api.model.block.element.ConversationsSelectElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.block.element.TimePickerElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.shoptalk.core.chat.Form;
import org.shoptalk.core.command.ScheduleForm;

/**
 * Renders one of core's {@link Form}s as a Slack modal and reads a submission back into the form's values, keyed by
 * field (each field is an input block whose block id is the field's key, so Slack shows core's errors next to it:
 * {@code response_action: errors}). Texts and rules are core's ({@link ScheduleForm}). Stateless and thread-safe.
 */
final class ScheduleModal {
    /** The App Home's modal; its private metadata is the form's id, which names the guild. */
    static final String CALLBACK_ID = "shoptalk_schedule";
    /** A form core handed out as a command's reply; the private metadata names the channel it was asked in. */
    static final String FORM_CALLBACK_ID = "shoptalk_form";

    private static final String VALUE = "value";
    /** Slack limits a modal title to 24 characters. */
    private static final int MAX_TITLE = 24;

    private ScheduleModal() {}

    /** {@code form} as a modal; {@code metadata} comes back with the submission (Slack's private_metadata). */
    static View view(Form form, String callbackId, String metadata) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (form.intro() != null) {
            blocks.add(SectionBlock.builder().text(plain(form.intro())).build());
        }
        for (Form.Field field : form.fields()) {
            blocks.add(InputBlock.builder()
                    .blockId(field.key())
                    .label(plain(field.label()))
                    .optional(!field.required())
                    .element(element(field, form.values().getOrDefault(field.key(), field.initial())))
                    .build());
        }
        return View.builder()
                .type("modal")
                .callbackId(callbackId)
                .privateMetadata(metadata)
                .title(ViewTitle.builder()
                        .type("plain_text")
                        .text(cut(form.title()))
                        .build())
                .submit(ViewSubmit.builder()
                        .type("plain_text")
                        .text(form.submit())
                        .build())
                .close(ViewClose.builder()
                        .type("plain_text")
                        .text(form.cancel())
                        .build())
                .blocks(blocks)
                .build();
    }

    private static BlockElement element(Form.Field field, String initial) {
        return switch (field.kind()) {
            case CHANNEL ->
                ConversationsSelectElement.builder()
                        .actionId(VALUE)
                        .filter(ConversationsFilter.builder()
                                .include(List.of("public", "private"))
                                .excludeBotUsers(true)
                                .build())
                        .build();
            case DAYS ->
                CheckboxesElement.builder()
                        .actionId(VALUE)
                        .options(options(field))
                        .build();
            case TIME ->
                TimePickerElement.builder().actionId(VALUE).initialTime(initial).build();
            case CHOICE ->
                StaticSelectElement.builder()
                        .actionId(VALUE)
                        .placeholder(field.hint() == null ? null : plain(field.hint()))
                        .options(options(field))
                        .build();
            case TEXT, NUMBER ->
                PlainTextInputElement.builder()
                        .actionId(VALUE)
                        .placeholder(field.hint() == null ? null : plain(field.hint()))
                        .build();
        };
    }

    private static List<OptionObject> options(Form.Field field) {
        return field.choices().stream()
                .map(c -> OptionObject.builder()
                        .text(plain(c.label()))
                        .value(c.value())
                        .build())
                .toList();
    }

    /** What was entered, keyed by field; a field left empty is absent. */
    static Map<String, String> values(Form form, Map<String, Map<String, ViewState.Value>> state) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Form.Field field : form.fields()) {
            ViewState.Value v = field(state, field.key());
            String value = v == null
                    ? null
                    : switch (field.kind()) {
                        case CHANNEL -> v.getSelectedConversation();
                        case DAYS ->
                            v.getSelectedOptions() == null
                                    ? null
                                    : field.choices().stream()
                                            .map(Form.Choice::value)
                                            .filter(day -> v.getSelectedOptions().stream()
                                                    .anyMatch(o -> day.equals(o.getValue())))
                                            .collect(Collectors.joining(","));
                        case TIME -> v.getSelectedTime();
                        case CHOICE ->
                            v.getSelectedOption() == null
                                    ? null
                                    : v.getSelectedOption().getValue();
                        case TEXT, NUMBER -> v.getValue();
                    };
            if (field.kind() == Form.Kind.CHANNEL) {
                out.put(field.key(), value == null ? "" : value);
            } else if (value != null && !value.isBlank()) {
                out.put(field.key(), value);
            }
        }
        return out;
    }

    private static ViewState.Value field(Map<String, Map<String, ViewState.Value>> values, String block) {
        Map<String, ViewState.Value> byAction = values == null ? null : values.get(block);
        return byAction == null ? null : byAction.get(VALUE);
    }

    private static String cut(String title) {
        return title.length() <= MAX_TITLE ? title : title.substring(0, MAX_TITLE - 1) + "…";
    }

    private static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).build();
    }
}

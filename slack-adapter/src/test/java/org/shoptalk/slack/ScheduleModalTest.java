package org.shoptalk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.view.ViewState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shoptalk.core.command.ScheduleForm;
import org.shoptalk.core.i18n.Language;

/** A modal's fields read back into core's form values, and checked by core's rules before the modal closes. */
class ScheduleModalTest {
    /** A submission read: the channel picked, the command to run there, or the errors per field. */
    private record Result(String channelId, String command, Map<String, String> errors) {}

    private static Result read(Map<String, Map<String, ViewState.Value>> state) {
        Map<String, String> entered = ScheduleModal.values(ScheduleForm.form(Language.EN, true), state);
        ScheduleForm.Checked checked = ScheduleForm.check(entered, Language.EN, true);
        return checked.ok()
                ? new Result(entered.get(ScheduleForm.CHANNEL), checked.command(), Map.of())
                : new Result(null, null, checked.errors());
    }

    @Test
    void filled_in_modal_becomes_one_schedule_command_in_the_chosen_channel() {
        Result r = read(form("C1", List.of("thu", "mon"), "09:30", "2", "Europe/Amsterdam", "dialogue"));

        assertThat(r.errors()).isEmpty();
        assertThat(r.channelId()).isEqualTo("C1");
        assertThat(r.command()).isEqualTo("schedule mon,thu 09:30 every 2 weeks tz Europe/Amsterdam theme dialogue");
    }

    @Test
    void optional_fields_left_empty_are_left_out() {
        Result r = read(form("C1", List.of("fri"), "16:00", "", "", ""));

        assertThat(r.command()).isEqualTo("schedule fri 16:00");
    }

    @Test
    void each_wrong_field_gets_its_own_error_next_to_it() {
        Result r = read(form(null, List.of(), null, "0", "Mars/Olympus", "two words"));

        assertThat(r.errors()).containsOnlyKeys("channel", "days", "time", "every", "tz", "theme");
        assertThat(r.errors().get("tz")).contains("Europe/Amsterdam");
        assertThat(r.errors().get("days")).isEqualTo("Pick at least one day.");
        assertThat(r.command()).isNull();
    }

    /** Issue 12: the modal closed on these and core refused them afterwards, in a private message. */
    @ParameterizedTest
    @ValueSource(strings = {"CET", "GMT", "EST5EDT", "+02:00"})
    void zones_the_command_language_refuses_are_refused_by_the_modal_before_it_closes(String zone) {
        Result r = read(form("C1", List.of("mon"), "09:30", "", zone, null));

        assertThat(r.errors()).containsOnlyKeys("tz");
        assertThat(r.errors().get("tz")).contains(zone);
    }

    @Test
    void the_modal_asks_for_every_field_it_reads() {
        assertThat(ScheduleModal.view(ScheduleForm.form(Language.EN, true), ScheduleModal.CALLBACK_ID, null)
                        .getBlocks())
                .filteredOn(b -> b instanceof com.slack.api.model.block.InputBlock)
                .extracting(b -> ((com.slack.api.model.block.InputBlock) b).getBlockId())
                .containsExactly("channel", "days", "time", "every", "tz", "theme");
    }

    private static Map<String, Map<String, ViewState.Value>> form(
            String channel, List<String> days, String time, String every, String tz, String theme) {
        Map<String, Map<String, ViewState.Value>> values = new HashMap<>();
        ViewState.Value c = new ViewState.Value();
        c.setSelectedConversation(channel);
        values.put("channel", Map.of("value", c));
        ViewState.Value d = new ViewState.Value();
        d.setSelectedOptions(days.stream()
                .map(day -> {
                    ViewState.SelectedOption o = new ViewState.SelectedOption();
                    o.setValue(day);
                    return o;
                })
                .toList());
        values.put("days", Map.of("value", d));
        ViewState.Value t = new ViewState.Value();
        t.setSelectedTime(time);
        values.put("time", Map.of("value", t));
        values.put("every", Map.of("value", text(every)));
        values.put("tz", Map.of("value", text(tz)));
        ViewState.Value th = new ViewState.Value();
        if (theme != null && !theme.isEmpty()) {
            ViewState.SelectedOption o = new ViewState.SelectedOption();
            o.setValue(theme);
            th.setSelectedOption(o);
        }
        values.put("theme", Map.of("value", th));
        return values;
    }

    private static ViewState.Value text(String value) {
        ViewState.Value v = new ViewState.Value();
        v.setValue(value);
        return v;
    }
}

package org.shoptalk.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shoptalk.core.chat.Form;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.testing.CoreFixture;

/** One validation for every form: the schedule form's fields pass the command language's own rules (issue 12). */
class ScheduleFormTest {
    private final CoreFixture f = CoreFixture.onH2();

    @AfterEach
    void close() {
        f.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CET", "GMT", "EST5EDT", "+02:00"})
    void zones_the_command_refuses_are_refused_by_the_form_next_to_the_zone_field(String zone) {
        ScheduleForm.Checked c =
                ScheduleForm.check(Map.of("days", "mon", "time", "09:30", "tz", zone), Language.EN, false);

        assertThat(c.errors()).containsOnlyKeys("tz");
        assertThat(c.errors().get("tz")).contains("\"" + zone + "\"").contains("Europe/Amsterdam");
        assertThat(f.run("ann", "craft", "schedule mon 09:30 tz " + zone))
                .contains("\"" + zone + "\" is not a time zone");
    }

    @Test
    void empty_days_are_asked_for_in_the_guilds_language_not_read_as_the_time() {
        ScheduleForm.Checked en = ScheduleForm.check(Map.of("days", "", "time", "09:30"), Language.EN, false);
        ScheduleForm.Checked nl = ScheduleForm.check(Map.of("time", "09:30"), Language.NL, false);

        assertThat(en.errors()).containsExactly(Map.entry("days", "Pick at least one day."));
        assertThat(nl.errors()).containsExactly(Map.entry("days", "Kies minstens één dag."));
    }

    @Test
    void a_good_form_is_the_command_a_lead_would_type() {
        ScheduleForm.Checked c = ScheduleForm.check(
                Map.of(
                        "days",
                        "mon,wed",
                        "time",
                        "07:45",
                        "every",
                        "3",
                        "tz",
                        " America/New_York ",
                        "theme",
                        "dialogue"),
                Language.EN,
                false);

        assertThat(c.command()).isEqualTo("schedule mon,wed 07:45 every 3 weeks tz America/New_York theme dialogue");
    }

    @Test
    void a_submitted_form_with_errors_comes_back_in_the_guilds_language_and_nothing_is_planned() {
        f.run("ann", "craft", "guild create Ambacht lang nl");
        String before = f.stored();

        var reply = f.core()
                .submit(
                        new CommandRequest(CoreFixture.user("ann"), CoreFixture.channel("craft"), ""),
                        Form.SCHEDULE,
                        Map.of("days", "", "time", "09:30", "tz", "CET"));

        assertThat(reply.form()).isNotNull();
        assertThat(reply.form().title()).isEqualTo("Reflectiemoment");
        assertThat(reply.form().errors()).containsKeys("days", "tz");
        assertThat(reply.form().errors().get("tz")).contains("geen tijdzone");
        assertThat(reply.form().values()).containsEntry("tz", "CET");
        assertThat(f.stored()).isEqualTo(before);
    }

    @Test
    void asking_for_the_form_gets_a_form_in_the_guilds_language_and_a_typed_fallback() {
        f.run("ann", "craft", "guild create Ambacht lang nl");

        var reply = f.command("ann", "craft", "schedule form");

        assertThat(reply.form().submit()).isEqualTo("Plannen");
        assertThat(reply.form().fields()).extracting(Form.Field::key).doesNotContain("channel");
        assertThat(reply.message().plainText("/shoptalk")).contains("/shoptalk plan DAGEN UU:MM [elke N weken]");
    }
}

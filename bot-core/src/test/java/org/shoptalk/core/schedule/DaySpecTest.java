package org.shoptalk.core.schedule;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.shoptalk.core.i18n.Language;

class DaySpecTest {

    private static final Set<DayOfWeek> ALL = EnumSet.allOf(DayOfWeek.class);
    private static final Set<DayOfWeek> MON_TO_FRI = EnumSet.range(MONDAY, FRIDAY);

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "mon, MONDAY",
        "Monday, MONDAY",
        "MONDAYS, MONDAY",
        "tue, TUESDAY",
        "tues, TUESDAY",
        "tuesday, TUESDAY",
        "wed, WEDNESDAY",
        "Wednesday, WEDNESDAY",
        "thu, THURSDAY",
        "thurs, THURSDAY",
        "thursday, THURSDAY",
        "fri, FRIDAY",
        "friday, FRIDAY",
        "sat, SATURDAY",
        "saturday, SATURDAY",
        "sun, SUNDAY",
        "Sunday, SUNDAY",
    })
    void english_day_names_short_and_long_in_any_case(String spec, DayOfWeek day) {
        assertThat(DaySpec.parse(spec)).containsExactly(day);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "ma, MONDAY", "maandag, MONDAY",
        "di, TUESDAY", "Dinsdag, TUESDAY",
        "wo, WEDNESDAY", "woensdag, WEDNESDAY",
        "do, THURSDAY", "DONDERDAG, THURSDAY",
        "vr, FRIDAY", "vrijdag, FRIDAY",
        "za, SATURDAY", "zaterdag, SATURDAY",
        "zo, SUNDAY", "zondag, SUNDAY",
    })
    void dutch_day_names_short_and_long_in_any_case(String spec, DayOfWeek day) {
        assertThat(DaySpec.parse(spec)).containsExactly(day);
    }

    @Test
    void comma_list_gives_those_days_in_week_order() {
        assertThat(DaySpec.parse("Fri, MON,wed")).containsExactly(MONDAY, WEDNESDAY, FRIDAY);
    }

    @Test
    void dutch_list_may_be_separated_by_spaces_or_en() {
        assertThat(DaySpec.parse("ma wo vr")).containsExactly(MONDAY, WEDNESDAY, FRIDAY);
        assertThat(DaySpec.parse("di en do")).containsExactly(TUESDAY, THURSDAY);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "mon-fri",
                "Mon - Fri",
                "mon..fri",
                "monday to friday",
                "ma-vr",
                "maandag-vrijdag",
                "ma t/m vr",
                "mon\u2013fri"
            })
    void range_in_either_language_includes_both_ends(String spec) {
        assertThat(DaySpec.parse(spec)).isEqualTo(MON_TO_FRI);
    }

    @Test
    void dotted_range_tue_to_thu() {
        assertThat(DaySpec.parse("tue..thu")).containsExactly(TUESDAY, WEDNESDAY, THURSDAY);
    }

    @Test
    void range_running_past_sunday_wraps_to_the_start_of_the_week() {
        assertThat(DaySpec.parse("fri-mon")).containsExactly(MONDAY, FRIDAY, SATURDAY, SUNDAY);
        assertThat(DaySpec.parse("zo-di")).containsExactly(MONDAY, TUESDAY, SUNDAY);
    }

    @Test
    void range_from_a_day_to_itself_is_that_day() {
        assertThat(DaySpec.parse("wed-wed")).containsExactly(WEDNESDAY);
    }

    @Test
    void ranges_and_single_days_combine_and_repeats_count_once() {
        assertThat(DaySpec.parse("mon-wed,fri")).containsExactly(MONDAY, TUESDAY, WEDNESDAY, FRIDAY);
        assertThat(DaySpec.parse("mon, monday, ma")).containsExactly(MONDAY);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"weekdays", "Werkdagen", "workdays"})
    void weekdays_means_monday_to_friday(String spec) {
        assertThat(DaySpec.parse(spec)).isEqualTo(MON_TO_FRI);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"daily", "Dagelijks", "everyday", "every day", "elke dag", "iedere dag"})
    void daily_means_all_seven_days(String spec) {
        assertThat(DaySpec.parse(spec)).isEqualTo(ALL);
    }

    @Test
    void misspelled_day_is_named_in_the_message_with_the_right_form() {
        assertThatThrownBy(() -> DaySpec.parse("mnday"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'mnday' is not a day: use mon,tue,... or mon-fri");
    }

    @Test
    void message_names_the_bad_word_as_typed_among_good_ones() {
        assertThatThrownBy(() -> DaySpec.parse("mon, Funday"))
                .hasMessage("'Funday' is not a day: use mon,tue,... or mon-fri");
        assertThatThrownBy(() -> DaySpec.parse("mon-frieday"))
                .hasMessage("'frieday' is not a day: use mon,tue,... or mon-fri");
    }

    @Test
    void a_range_must_run_between_two_single_days() {
        assertThatThrownBy(() -> DaySpec.parse("weekdays-sun"))
                .hasMessage("'weekdays' is not a day: use mon,tue,... or mon-fri");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mon-", "-fri", "mon-tue-wed", "ma t/m"})
    void broken_range_is_quoted_with_the_right_form(String spec) {
        assertThatThrownBy(() -> DaySpec.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + spec + "' is not a day range: use mon-fri");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", ",", " , "})
    void no_days_at_all_is_refused_with_the_right_form(String spec) {
        assertThatThrownBy(() -> DaySpec.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no days given: use mon,tue,... or mon-fri");
    }

    @Test
    void english_label_lists_short_names_in_week_order() {
        assertThat(DaySpec.format(Set.of(WEDNESDAY, MONDAY), Language.EN)).isEqualTo("Mon, Wed");
        assertThat(DaySpec.format(Set.of(SUNDAY, FRIDAY, TUESDAY), Language.EN)).isEqualTo("Tue, Fri, Sun");
    }

    @Test
    void dutch_label_lists_short_names_in_week_order() {
        assertThat(DaySpec.format(Set.of(WEDNESDAY, MONDAY), Language.NL)).isEqualTo("ma, wo");
        assertThat(DaySpec.format(Set.of(SATURDAY, SUNDAY), Language.NL)).isEqualTo("za, zo");
    }

    @Test
    void monday_to_friday_is_labelled_weekdays() {
        assertThat(DaySpec.format(MON_TO_FRI, Language.EN)).isEqualTo("weekdays");
        assertThat(DaySpec.format(MON_TO_FRI, Language.NL)).isEqualTo("werkdagen");
    }

    @Test
    void all_seven_days_are_labelled_every_day() {
        assertThat(DaySpec.format(ALL, Language.EN)).isEqualTo("every day");
        assertThat(DaySpec.format(ALL, Language.NL)).isEqualTo("elke dag");
    }

    @Test
    void six_days_are_listed_rather_than_called_weekdays() {
        assertThat(DaySpec.format(EnumSet.range(MONDAY, SATURDAY), Language.EN))
                .isEqualTo("Mon, Tue, Wed, Thu, Fri, Sat");
    }

    @Test
    void formatting_no_days_is_refused() {
        assertThatThrownBy(() -> DaySpec.format(Set.of(), Language.EN)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void every_label_parses_back_to_the_same_days(Language lang) {
        DayOfWeek[] week = DayOfWeek.values();
        for (int mask = 1; mask < 1 << 7; mask++) {
            EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (int i = 0; i < 7; i++) {
                if ((mask & 1 << i) != 0) {
                    days.add(week[i]);
                }
            }
            String label = DaySpec.format(days, lang);
            assertThat(DaySpec.parse(label)).as(label).isEqualTo(days);
        }
    }
}

package org.shoptalk.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** One date style per language (issue 11): Dutch reads Dutch, English reads English, never ISO. */
class DatesTest {
    private static final ZonedDateTime MONDAY =
            ZonedDateTime.of(2026, 12, 7, 9, 30, 0, 0, ZoneId.of("Europe/Amsterdam"));

    @Test
    void the_same_moment_reads_dutch_in_dutch_and_english_in_english() {
        LocalDate day = MONDAY.toLocalDate();
        assertThat(Dates.day(Language.NL, day)).isEqualTo("ma 7 dec");
        assertThat(Dates.day(Language.EN, day)).isEqualTo("Mon, Dec 7");
        assertThat(Dates.date(Language.NL, day)).isEqualTo("7 december 2026");
        assertThat(Dates.date(Language.EN, day)).isEqualTo("December 7, 2026");
        assertThat(Dates.dayTime(Language.NL, MONDAY)).isEqualTo("ma 7 dec, 09:30");
        assertThat(Dates.dayTime(Language.EN, MONDAY)).isEqualTo("Mon, Dec 7, 09:30");
        assertThat(Dates.dateTime(Language.NL, MONDAY)).isEqualTo("ma 7 dec 2026, 09:30");
        assertThat(Dates.dateTime(Language.EN, MONDAY)).isEqualTo("Mon, Dec 7, 2026, 09:30");
        assertThat(Dates.time(Language.EN, LocalTime.of(16, 5))).isEqualTo("16:05");
        assertThat(Dates.month(Language.NL, day)).isEqualTo("dec");
    }

    @Test
    void a_moment_reads_in_its_own_zone_whatever_the_jvm_zone() {
        ZonedDateTime lateInNewYork = ZonedDateTime.of(2026, 12, 7, 23, 15, 0, 0, ZoneId.of("America/New_York"));
        // 04:15 on Tuesday in UTC: the reader in New York still sees Monday evening.
        assertThat(Dates.dayTime(Language.EN, lateInNewYork)).isEqualTo("Mon, Dec 7, 23:15");
    }

    @Test
    void a_date_given_to_a_text_reads_in_the_language_never_as_iso() {
        Texts t = Texts.get();
        LocalDate until = LocalDate.of(2027, 1, 4);
        assertThat(t.t(Language.NL, "schedule.paused.until", 3, until))
                .contains("4 januari 2027")
                .doesNotContain("2027-01-04");
        assertThat(t.t(Language.EN, "schedule.paused.until", 3, until))
                .contains("January 4, 2027")
                .doesNotContain("2027-01-04");
        assertThat(t.t(Language.EN, "error.past", LocalDateTime.of(2026, 12, 7, 9, 30)))
                .startsWith("Mon, Dec 7, 2026, 09:30 has already passed");
    }
}

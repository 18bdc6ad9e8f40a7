package org.shoptalk.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.prompt.Dimension;
import org.shoptalk.core.schedule.DateRange;

/** The record commands in English and Dutch (docs/record.md). */
class RecordParserTest {
    private final CommandParser parser = new CommandParser();

    @Test
    void record_and_dossier_read_the_same_in_both_languages() {
        assertThat(parser.parse("record")).isEqualTo(new Command.RecordShow(null));
        assertThat(parser.parse("record normative")).isEqualTo(new Command.RecordShow(Dimension.NORMATIVE));
        assertThat(parser.parse("dossier persoonlijk")).isEqualTo(new Command.RecordShow(Dimension.PERSONAL));
        assertThat(parser.parse("Dossier Instrumenteel")).isEqualTo(new Command.RecordShow(Dimension.TECHNICAL));
        DateRange year = new DateRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        assertThat(parser.parse("record export 2026-01-01..2026-12-31 technical"))
                .isEqualTo(new Command.RecordExport(year, Dimension.TECHNICAL));
        assertThat(parser.parse("dossier exporteer normatief 2026-01-01..2026-12-31"))
                .isEqualTo(new Command.RecordExport(year, Dimension.NORMATIVE));
        assertThat(parser.parse("dossier exporteer")).isEqualTo(new Command.RecordExport(null, null));
        assertThat(parser.parse("dossier tijd #3 90")).isEqualTo(new Command.RecordTime(3, 90));
    }

    @Test
    void bad_record_commands_say_what_was_wrong() {
        assertThatThrownBy(() -> parser.parse("record moral"))
                .isInstanceOfSatisfying(
                        CommandException.class, e -> assertThat(e.key()).isEqualTo("error.record.dimension"));
        assertThatThrownBy(() -> parser.parse("record time 3 0"))
                .isInstanceOfSatisfying(
                        CommandException.class, e -> assertThat(e.key()).isEqualTo("error.record.minutes"));
        assertThatThrownBy(() -> parser.parse("record time 3 2000"))
                .isInstanceOfSatisfying(
                        CommandException.class, e -> assertThat(e.key()).isEqualTo("error.record.minutes"));
        assertThatThrownBy(() -> parser.parse("record export 2026-12-31..2026-01-01"))
                .isInstanceOfSatisfying(
                        CommandException.class, e -> assertThat(e.key()).isEqualTo("error.record.order"));
        assertThatThrownBy(() -> parser.parse("record export soon"))
                .isInstanceOfSatisfying(
                        CommandException.class, e -> assertThat(e.key()).isEqualTo("error.extra"));
    }
}

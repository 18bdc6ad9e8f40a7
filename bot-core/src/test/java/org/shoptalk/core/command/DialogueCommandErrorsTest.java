package org.shoptalk.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shoptalk.core.testing.CoreFixture;

/** The dialogue commands answer malformed input with what was wrong and the right form, and change nothing. */
class DialogueCommandErrorsTest {
    private final CoreFixture f = CoreFixture.onH2WithSecret();

    @BeforeEach
    void guild() {
        f.run("lea", "craft", "guild create Craft");
    }

    @AfterEach
    void close() {
        f.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "connect maybe | Say on, off or after N hours | /shoptalk connect on|off",
                "connect after 500 hours | not a number from 1 to 168 | /shoptalk connect on|off",
                "connect after 5 days | Say on, off or after N hours | /shoptalk connect",
                "anon | between double quotes | /shoptalk anon",
                "anon one two | between double quotes | /shoptalk anon",
                "pairs sometimes | Say on, off, every N weeks or never | /shoptalk pairs on|off",
                "pairs every 0 weeks | not a number from 1 to 12 | /shoptalk pairs every N weeks",
                "pairs every 2 days | Say on, off, every N weeks or never | /shoptalk pairs every",
                "occasion | not an occasion I know | /shoptalk occasion kickoff",
                "occasion wedding | not an occasion I know | /shoptalk occasion kickoff",
                "occasion kickoff 2026-13-01 | not a date | /shoptalk occasion kickoff",
                "occasion kickoff 2020-01-01 | already passed | /shoptalk occasion kickoff",
                "series poetry 3 mon 09:30 | not a theme | /shoptalk series THEME N DAY HH:MM",
                "series explore 40 mon 09:30 | not a number from 2 to 12 | /shoptalk series THEME N DAY HH:MM",
                "series explore 3 mon-fri 09:30 | once a week | /shoptalk series THEME N DAY HH:MM",
                "series explore 3 mon 9h | not a time | /shoptalk series THEME N DAY HH:MM",
                "goal now | did not expect | /shoptalk goal",
            })
    void malformed_dialogue_commands_say_what_is_wrong_and_show_the_form(String command, String problem, String form) {
        String before = f.run("lea", "craft", "schedules");
        String reply = f.run("lea", "craft", command);
        assertThat(reply).contains(problem.strip()).contains("Use: " + form.strip());
        assertThat(f.run("lea", "craft", "schedules")).isEqualTo(before);
    }
}

package org.shoptalk.core.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.TestDatabases;

/**
 * A person's rhythm as they set and see it (docs/rhythm.md): {@code reminders off|light|normal} and {@code quiet
 * hours ...} in English, {@code herinneringen ...} and {@code rusttijden ...} in Dutch, shown by {@code reminders},
 * on the Home and under the record, and kept in the database (H2 and PostgreSQL).
 */
class RhythmCommandsTest {
    private CoreFixture f = CoreFixture.onH2();

    @AfterEach
    void close() {
        f.close();
    }

    private Rhythm stored(String user) {
        return f.db.withHandle(h -> new ReminderStore().rhythm(h, CoreFixture.user(user)));
    }

    @Test
    void someone_who_never_chose_has_normal_reminders_and_quiet_evenings_and_weekends() {
        f.run("lea", "craft", "guild create Craft lang en tz Europe/Amsterdam");

        assertThat(f.run("lea", null, "reminders"))
                .contains("Reminders: normal, at most one per open moment.")
                .contains("Quiet hours: 18:00-08:00, and all day on Saturday and Sunday.")
                .contains("Times in Europe/Amsterdam, your guild's time zone")
                .contains("/shoptalk reminders off|light|normal");
        assertThat(stored("lea")).isEqualTo(Rhythm.DEFAULT);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void settings_are_stored_for_the_person_and_shown_back(TestDatabases.Kind kind) {
        f.close();
        f = CoreFixture.on(TestDatabases.fresh(kind), CoreFixture.MONDAY_MORNING);
        f.chat.zoneOf("ann", ZoneId.of("America/New_York"));
        f.run("lea", "craft", "guild create Craft lang en tz Europe/Amsterdam");
        f.run("ann", "craft", "guild join");

        assertThat(f.run("ann", "craft", "reminders light")).contains("at most one gentle private nudge a week");
        String quiet = f.run("ann", "craft", "quiet hours 22:00-07:00 fri-sun");

        assertThat(quiet)
                .contains("Your quiet hours are set")
                .contains("Quiet hours: 22:00-07:00, and all day on Friday, Saturday, and Sunday.")
                .contains("Reminders: light, at most one a week.")
                .contains("Times in America/New_York, your own time zone in the chat.");
        f.restart();
        assertThat(stored("ann"))
                .isEqualTo(new Rhythm(
                        Intensity.LIGHT,
                        new QuietHours(
                                java.time.LocalTime.of(22, 0),
                                java.time.LocalTime.of(7, 0),
                                java.util.EnumSet.of(
                                        java.time.DayOfWeek.FRIDAY,
                                        java.time.DayOfWeek.SATURDAY,
                                        java.time.DayOfWeek.SUNDAY))));
        assertThat(stored("lea")).as("nobody else's rhythm changes").isEqualTo(Rhythm.DEFAULT);

        f.run("ann", null, "quiet hours weekends");
        assertThat(f.run("ann", null, "quiet hours")).contains("Quiet hours: all day on Saturday and Sunday.");
        f.run("ann", null, "quiet hours 12:00-13:00");
        assertThat(f.run("ann", null, "reminders")).contains("Quiet hours: 12:00-13:00.");
        f.run("ann", null, "quiet hours off");
        assertThat(f.run("ann", null, "reminders")).contains("Quiet hours: none.");
        f.run("ann", null, "quiet hours default");
        f.run("ann", null, "reminders on");
        assertThat(stored("ann")).isEqualTo(Rhythm.DEFAULT);
    }

    @Test
    void dutch_words_set_the_same_rhythm_and_a_dutch_guild_reads_it_in_dutch() {
        f.run("lea", "zorg", "guild create Zorg lang nl tz Europe/Amsterdam");
        f.run("ann", "zorg", "guild join");
        f.run("bob", "zorg", "guild join");

        assertThat(f.run("ann", "zorg", "herinneringen licht")).contains("hooguit één vriendelijk");
        String dutch = f.run("ann", "zorg", "rusttijden 18:00-08:00 weekend");
        f.run("bob", "zorg", "reminders light");
        f.run("bob", "zorg", "quiet hours 18:00-08:00 weekends");

        assertThat(stored("ann")).isEqualTo(stored("bob"));
        assertThat(dutch)
                .contains("Rusttijden: 18:00-08:00, en de hele dag op zaterdag en zondag.")
                .contains("Herinneringen: licht, hooguit één per week.")
                .contains("/shoptalk rusttijden 18:00-08:00 weekend");
        assertThat(f.run("ann", "zorg", "stille uren 22:00 tot 07:00")).contains("Rusttijden: 22:00-07:00.");
        f.run("ann", "zorg", "rusttijden standaard");
        f.run("ann", "zorg", "herinneringen normaal");
        assertThat(stored("ann")).isEqualTo(Rhythm.DEFAULT);
        assertThat(f.run("ann", "zorg", "herinneringen misschien"))
                .contains("Zeg uit, licht of normaal, niet \"misschien\"")
                .contains("/shoptalk herinneringen [uit|licht|normaal]");
    }

    @Test
    void the_home_shows_the_rhythm_with_a_button_for_each_intensity() {
        f.run("lea", "craft", "guild create Craft lang en tz Europe/Amsterdam");
        f.run("lea", null, "reminders light");

        ChatMessage home = f.core().home(CoreFixture.user("lea"), null);

        assertThat(home.plainText("/shoptalk"))
                .contains("how often Shoptalk may remind you, and when it keeps quiet (/shoptalk quiet hours)")
                .contains("Reminders: light, at most one a week. Quiet hours: 18:00-08:00");
        List<String> commands = home.blocks().stream()
                .filter(b -> b instanceof ChatMessage.Block.Button)
                .map(b -> ((ChatMessage.Block.Button) b).command())
                .toList();
        assertThat(commands).contains("reminders on", "reminders light", "reminders off");
    }

    @Test
    void the_record_says_which_rhythm_brings_its_moments() {
        f.run("lea", "craft", "guild create Craft lang en tz Europe/Amsterdam");
        f.run("lea", null, "quiet hours 17:00-09:00 weekends");

        assertThat(f.run("lea", null, "record"))
                .contains("Quiet hours: 17:00-09:00, and all day on Saturday and Sunday.");
    }

    @Test
    void forget_me_removes_the_rhythm() {
        f.run("lea", "craft", "guild create Craft lang en tz Europe/Amsterdam");
        f.run("ann", "craft", "guild join");
        f.run("ann", null, "quiet hours 20:00-07:00");

        assertThat(f.run("ann", null, "forget me")).contains("your reminder setting");
        f.run("ann", null, "forget me confirm");

        assertThat(f.count("SELECT COUNT(*) FROM user_setting WHERE user_id = 'ann'"))
                .isZero();
        Rhythm left = f.db.withHandle(h -> new ReminderStore().rhythm(h, new UserRef(CoreFixture.TENANT, "ann")));
        assertThat(left).isEqualTo(Rhythm.DEFAULT);
    }
}

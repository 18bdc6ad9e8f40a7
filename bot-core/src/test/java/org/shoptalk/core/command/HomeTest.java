package org.shoptalk.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatMessage.Block;
import org.shoptalk.core.testing.CoreFixture;

/** The Home is never an error, and the first greeting gives one next step in the right language (issue 12). */
class HomeTest {
    private final CoreFixture f = CoreFixture.onH2();

    @AfterEach
    void close() {
        f.close();
    }

    private ChatMessage home(String user, String locale) {
        return f.core().home(CoreFixture.user(user), locale);
    }

    private static List<String> commands(ChatMessage m) {
        return m.blocks().stream()
                .filter(b -> b instanceof Block.Button)
                .map(b -> ((Block.Button) b).command())
                .toList();
    }

    private long guildId(String name) {
        return f.count("SELECT id FROM guild WHERE name = ?", name);
    }

    @Test
    void someone_in_no_guild_is_welcomed_with_how_to_start_or_join_in_their_locale() {
        String english = home("nina", null).plainText("/shoptalk");
        assertThat(english)
                .contains("Welcome to Shoptalk")
                .contains("/shoptalk guild create NAME")
                .contains("/shoptalk guild join")
                .doesNotContain("I do not know which guild");

        assertThat(home("nina", "nl-NL").plainText("/shoptalk"))
                .contains("Welkom bij Shoptalk")
                .contains("/shoptalk gilde meedoen");
        assertThat(f.run("nina", null, "schedules")).contains("Welcome to Shoptalk");
    }

    @Test
    void someone_in_two_guilds_sees_both_with_moments_and_the_buttons_they_may_use() {
        f.run("lea", "craft", "guild create Craft lang en tz Europe/Amsterdam");
        f.run("lea", "craft", "schedule mon 09:30");
        f.run("bram", "zorg", "guild create Zorg lang en tz Europe/Amsterdam");
        f.run("bram", "zorg", "schedule tue 10:00");
        f.run("lea", "zorg", "guild join");

        ChatMessage home = home("lea", null);

        assertThat(home.plainText("/shoptalk"))
                .contains("Craft (you lead it)")
                .contains("#1 Mon at 09:30, every week (Europe/Amsterdam) - next: Mon, Nov 23, 2026, 09:30")
                .contains("Zorg")
                .contains("#1 Tue at 10:00")
                .doesNotContain("I do not know which guild");
        long craft = guildId("Craft");
        long zorg = guildId("Zorg");
        assertThat(commands(home))
                .contains("in:" + craft + " pause 1", "in:" + craft + " schedule form", "reminders off")
                .noneMatch(c -> c.startsWith("in:" + zorg));
        assertThat(f.run("lea", null, "schedules"))
                .contains("Craft (you lead it)")
                .contains("Zorg");

        assertThat(f.run("lea", null, "in:" + craft + " pause 1")).contains("Moment #1 is paused");
        assertThat(f.run("lea", null, "in:" + zorg + " pause 1")).contains("leads");
        assertThat(f.run("bram", "zorg", "schedules")).doesNotContain("paused");
        assertThat(f.run("lea", "craft", "schedules")).contains("[paused]");
    }

    @Test
    void a_home_button_for_a_guild_the_person_is_not_in_does_nothing() {
        f.run("lea", "craft", "guild create Craft lang en");
        f.run("lea", "craft", "schedule mon 09:30");

        assertThat(f.run("mallory", null, "in:" + guildId("Craft") + " pause 1"))
                .contains("I do not know which guild");
        assertThat(f.run("lea", "craft", "schedules")).doesNotContain("paused");
    }

    @Test
    void a_greeting_speaks_the_guilds_language_else_the_locale_else_english() {
        f.run("bram", "zorg", "guild create Zorg lang nl");

        assertThat(f.core()
                        .greeting(CoreFixture.channel("zorg").tenant(), CoreFixture.channel("zorg"), "en-US")
                        .plainText("/shoptalk"))
                .contains("Shoptalk is er voor Zorg")
                .contains("/shoptalk rooster");
        assertThat(f.core()
                        .greeting(CoreFixture.channel("zorg").tenant(), CoreFixture.channel("new"), "nl-BE")
                        .plainText("/shoptalk"))
                .contains("typ hier /shoptalk gilde start NAAM");
        assertThat(f.core()
                        .greeting(CoreFixture.channel("zorg").tenant(), CoreFixture.channel("new"), null)
                        .plainText("/shoptalk"))
                .contains("type /shoptalk guild create NAME here");
        assertThat(f.core()
                        .greeting(CoreFixture.channel("zorg").tenant(), null, null)
                        .plainText("/shoptalk"))
                .contains("/shoptalk guild join");
    }
}

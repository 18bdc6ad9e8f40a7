package org.shoptalk.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.testing.CoreFixture;

/** A Dutch guild reads Dutch usage lines and may type Dutch command words (issue 12, "Dutch everywhere"). */
class DutchCommandsTest {
    private final CoreFixture f = CoreFixture.onH2();

    @BeforeEach
    void dutchGuild() {
        f.run("ann", "craft", "guild create Taal en cultuur lang nl");
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void help_in_a_dutch_guild_shows_dutch_usage_lines() {
        String help = f.run("ann", "craft", "hulp");

        assertThat(help)
                .contains("/shoptalk plan DAGEN UU:MM [elke N weken] [tijdzone TIJDZONE] [thema THEMA]")
                .contains("/shoptalk pauzeer ID [tot JJJJ-MM-DD]")
                .doesNotContain("DAYS")
                .doesNotContain("HH:MM")
                .doesNotContain("every N weeks")
                .doesNotContain("[tz ZONE]")
                .doesNotContain("THEME")
                .doesNotContain("until");
    }

    @Test
    void a_wrong_command_shows_the_dutch_usage_with_uu_mm_like_the_sentence() {
        String reply = f.run("ann", "craft", "schedule ma 25:00");

        assertThat(reply)
                .contains("UU:MM")
                .contains("Gebruik: /shoptalk plan DAGEN UU:MM")
                .doesNotContain("HH:MM");
    }

    @Test
    void dutch_command_words_are_accepted_beside_the_english_ones() {
        assertThat(f.run("ann", "craft", "schedule ma,wo 09:30 elke 2 weken thema dialogue"))
                .contains("#1");
        assertThat(f.run("ann", "craft", "pauzeer 1 tot 2026-12-31"))
                .contains("#1")
                .contains("31 december 2026");
        assertThat(f.run("ann", "craft", "hervat 1")).contains("#1");
        assertThat(f.run("ann", "craft", "herinneringen uit")).isEqualTo(f.run("ann", "craft", "reminders off"));
    }

    /**
     * Issue 12: a button's command can show (the local console writes it in the chat when pressed, a plain-text
     * fallback lists it), so a Dutch guild's buttons run Dutch commands, which the parser reads like typed ones.
     */
    @Test
    void a_dutch_guilds_buttons_run_dutch_commands_that_work() {
        f.run("ann", "craft", "schedule ma 09:30");

        List<String> moments = buttons(f.command("ann", "craft", "schedules").message());
        List<String> home = buttons(f.core().home(CoreFixture.user("ann"), null));
        List<String> forget = buttons(f.command("ann", null, "vergeet mij").message());

        assertThat(moments).containsExactly("pauzeer 1");
        assertThat(home).contains("herinneringen aan", "herinneringen uit").anyMatch(c -> c.endsWith(" pauzeer 1"));
        assertThat(home.stream().filter(HomeView::asksForScheduleForm).toList())
                .singleElement()
                .asString()
                .endsWith(" plan formulier");
        assertThat(forget).containsExactly("vergeet mij bevestig");
        assertThat(f.run("ann", "craft", moments.get(0))).contains("Moment #1 staat stil");
        assertThat(f.run("ann", null, forget.get(0))).contains("Shoptalk is je in deze werkruimte vergeten");
    }

    private static List<String> buttons(ChatMessage message) {
        return message.blocks().stream()
                .filter(b -> b instanceof ChatMessage.Block.Button)
                .map(b -> ((ChatMessage.Block.Button) b).command())
                .toList();
    }

    @Test
    void a_guild_may_be_named_with_a_dutch_keyword_first() {
        assertThat(f.run("ann", "craft", "guild")).contains("Taal en cultuur");
    }

    /** Issue 12: themes by their Dutch words in a Dutch guild; the English ones still work. */
    @Test
    void a_dutch_guild_types_and_reads_themes_by_their_dutch_words() {
        assertThat(f.run("ann", "craft", "schedule ma 09:30 thema dialoog"))
                .contains("#1")
                .contains("thema Dialoog");
        assertThat(f.run("ann", "craft", "schedule di 09:30 theme explore")).contains("thema Verkennen en erkennen");
        assertThat(f.run("ann", "craft", "prompts"))
                .contains("dialoog - Dialoog")
                .contains("verkennen - Verkennen en erkennen")
                .doesNotContain("explore");
        assertThat(f.run("ann", "craft", "prompts verantwoording")).contains("Vragen in Verantwoording");
        assertThat(f.run("ann", "craft", "hulp"))
                .contains("Thema's: verkennen, opruimen, kiezen, vak, doelen, middelen, verantwoording, dialoog");
    }

    @Test
    void a_wrong_theme_lists_the_themes_in_the_guilds_language_in_full() {
        assertThat(f.run("ann", "craft", "schedule ma 09:30 thema vrijdag"))
                .contains("\"vrijdag\" is geen thema: kies uit verkennen, opruimen, kiezen, vak, doelen, middelen,"
                        + " verantwoording, dialoog.")
                .doesNotContain("dialogue");

        f.run("bob", "english", "guild create Craft lang en");
        assertThat(f.run("bob", "english", "schedule mon 09:30 theme friday"))
                .contains("\"friday\" is not a theme: use one of explore, declutter, choose, craft, goals, means,"
                        + " accountability, dialogue.");
        assertThat(f.run("bob", "english", "schedule mon 09:30 theme dialoog")).contains("theme Dialogue");
    }
}

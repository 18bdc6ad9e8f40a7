package org.shoptalk.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shoptalk.core.testing.CoreFixture;

/**
 * Every way a command can go wrong, as a guild lead or member would type it: the reply is private and
 * short, says what was wrong, shows the right form, and nothing is stored, changed or planned.
 * One guild is shared by all cases, which is safe exactly because failed commands must change nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandErrorPathsTest {
    private static final String LONG_QUESTION = "Why " + "really ".repeat(80) + "?";

    private CoreFixture f;
    private CoreFixture dutch;

    /** Lea leads Craft (channel craft) and Design (channel design); Ann is a member of Craft; Zoe is in no guild. */
    @BeforeAll
    void setUp() {
        f = CoreFixture.onH2();
        f.run("lea", "craft", "guild create Craft lang en tz Europe/Amsterdam");
        f.run("ann", "craft", "guild join");
        assertThat(f.run("lea", "craft", "schedule mon 09:30")).contains("#1");
        f.run("lea", "design", "guild create Design");
        f.chat.clear();
        dutch = CoreFixture.onH2();
        dutch.run("lea", "craft", "guild create Craft lang nl tz Europe/Amsterdam");
        dutch.run("ann", "craft", "guild join");
        dutch.run("lea", "craft", "schedule ma 09:30");
        dutch.run("lea", "design", "guild create Design lang nl");
    }

    @AfterAll
    void tearDown() {
        f.close();
        dutch.close();
    }

    /** A mistaken command: who types what where, a piece of what the reply must say, and the form it must show. */
    record Case(String user, String channel, String text, String saysWhatWasWrong, String rightForm) {
        @Override
        public String toString() {
            return user + "@" + (channel == null ? "private" : channel) + ": "
                    + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
        }
    }

    static Stream<Case> malformedCommands() {
        return Stream.of(
                new Case("lea", "craft", "help me", "\"me\"", "help"),
                new Case("lea", "craft", "guild create", "needs a name", "guild create NAME [lang nl|en] [tz ZONE]"),
                new Case(
                        "lea",
                        "craft",
                        "guild create lang en",
                        "needs a name",
                        "guild create NAME [lang nl|en] [tz ZONE]"),
                new Case(
                        "lea",
                        "lobby",
                        "guild create Lobby lang fr",
                        "\"fr\" is not a language",
                        "guild create NAME [lang nl|en] [tz ZONE]"),
                new Case(
                        "lea",
                        "lobby",
                        "guild create Lobby tz Mars/Olympus",
                        "\"Mars/Olympus\" is not a time zone",
                        "guild create NAME [lang nl|en] [tz ZONE]"),
                new Case(
                        "lea",
                        "lobby",
                        "guild create craft",
                        "already a guild called craft",
                        "guild create NAME [lang nl|en] [tz ZONE]"),
                new Case("lea", "lobby", "guild dance", "\"guild dance\"", "guild create NAME [lang nl|en] [tz ZONE]"),
                new Case("lea", "craft", "guild lead add", "mentioning them", "guild lead add @PERSON"),
                new Case("lea", "craft", "guild lead add ann", "\"ann\" is not a mention", "guild lead add @PERSON"),
                new Case("lea", "craft", "guild lead add <@ann> now", "\"now\"", "guild lead add @PERSON"),
                new Case("lea", "craft", "guild channel", "add or remove", "guild channel add"),
                new Case("lea", "craft", "schedule", "which days and at what time", "schedule DAYS HH:MM"),
                new Case("lea", "craft", "schedule 09:30", "\"09:30\" are not days", "schedule DAYS HH:MM"),
                new Case("lea", "craft", "schedule funday 09:30", "\"funday\" are not days", "schedule DAYS HH:MM"),
                new Case("lea", "craft", "schedule mon", "is not a time", "schedule DAYS HH:MM"),
                new Case("lea", "craft", "schedule mon 25:00", "\"25:00\" is not a time", "schedule DAYS HH:MM"),
                new Case(
                        "lea",
                        "craft",
                        "schedule mon 09:30 every two weeks",
                        "\"two\" is not a number of weeks",
                        "schedule DAYS HH:MM [every N weeks]"),
                new Case(
                        "lea",
                        "craft",
                        "schedule mon 09:30 every 2 months",
                        "is not a number of weeks",
                        "schedule DAYS HH:MM [every N weeks]"),
                new Case(
                        "lea",
                        "craft",
                        "schedule mon 09:30 every 99 weeks",
                        "Every 99 weeks is not possible",
                        "schedule DAYS HH:MM [every N weeks]"),
                new Case(
                        "lea",
                        "craft",
                        "schedule mon 09:30 tz Mars/Olympus",
                        "\"Mars/Olympus\" is not a time zone",
                        "schedule DAYS HH:MM"),
                new Case(
                        "lea",
                        "craft",
                        "schedule mon 09:30 theme cooking",
                        "\"cooking\" is not a theme",
                        "schedule DAYS HH:MM"),
                new Case("lea", "craft", "schedule mon 09:30 please", "\"please\"", "schedule DAYS HH:MM"),
                new Case(
                        "lea",
                        "craft",
                        "schedule at 2026-13-01 10:00",
                        "\"2026-13-01\" is not a date",
                        "schedule at YYYY-MM-DD HH:MM"),
                new Case(
                        "lea",
                        "craft",
                        "schedule at tomorrow 10:00",
                        "\"tomorrow\" is not a date",
                        "schedule at YYYY-MM-DD HH:MM"),
                new Case(
                        "lea",
                        "craft",
                        "schedule at 2026-11-20 10:00",
                        "already passed",
                        "schedule at YYYY-MM-DD HH:MM"),
                new Case(
                        "lea",
                        "craft",
                        "schedule at 2026-11-23 08:30",
                        "already passed",
                        "schedule at YYYY-MM-DD HH:MM"),
                new Case("lea", "craft", "pause", "is not a moment number", "pause ID [until YYYY-MM-DD]"),
                new Case(
                        "lea",
                        "craft",
                        "pause first",
                        "\"first\" is not a moment number",
                        "pause ID [until YYYY-MM-DD]"),
                new Case("lea", "craft", "pause 99", "no moment #99", "pause ID [until YYYY-MM-DD]"),
                new Case(
                        "lea",
                        "craft",
                        "pause 1 until 2026-11-01",
                        "not November 1, 2026",
                        "pause ID [until YYYY-MM-DD]"),
                new Case(
                        "lea",
                        "craft",
                        "pause 1 until 2026-11-23",
                        "not November 23, 2026",
                        "pause ID [until YYYY-MM-DD]"),
                new Case(
                        "lea",
                        "craft",
                        "pause 1 until christmas",
                        "\"christmas\" is not a date",
                        "pause ID [until YYYY-MM-DD]"),
                new Case("lea", "craft", "resume 99", "no moment #99", "resume ID"),
                new Case("lea", "craft", "unschedule 99", "no moment #99", "unschedule ID"),
                new Case("lea", "craft", "unschedule 1 2", "\"2\"", "unschedule ID"),
                new Case("lea", "craft", "skip", "is not a date range", "skip YYYY-MM-DD..YYYY-MM-DD"),
                new Case(
                        "lea", "craft", "skip christmas", "\"christmas\" is not a date", "skip YYYY-MM-DD..YYYY-MM-DD"),
                new Case(
                        "lea",
                        "craft",
                        "skip 2026-12-21..2027-01-03..2027-01-10",
                        "is not a date range",
                        "skip YYYY-MM-DD..YYYY-MM-DD"),
                new Case(
                        "lea",
                        "craft",
                        "skip 2026-12-31..2026-12-20",
                        "ends (December 20, 2026) before it starts (December 31, 2026)",
                        "skip YYYY-MM-DD..YYYY-MM-DD"),
                new Case(
                        "lea",
                        "craft",
                        "skip 2026-11-01..2026-11-10",
                        "ended already (November 10, 2026)",
                        "skip YYYY-MM-DD..YYYY-MM-DD"),
                new Case(
                        "lea",
                        "craft",
                        "moment nonsense-99",
                        "no question or theme \"nonsense-99\"",
                        "moment [PROMPT-ID|THEME]"),
                new Case("lea", "craft", "moment explore now", "\"now\"", "moment [PROMPT-ID|THEME]"),
                new Case("lea", "craft", "digest please", "\"please\"", "digest"),
                new Case(
                        "lea",
                        "craft",
                        "digest at mon,fri 16:00",
                        "give one day, not \"mon,fri\"",
                        "digest at DAY HH:MM"),
                new Case("lea", "craft", "digest at fri 4pm", "\"4pm\" is not a time", "digest at DAY HH:MM"),
                new Case("lea", "craft", "digest at someday 16:00", "\"someday\" are not days", "digest at DAY HH:MM"),
                new Case("lea", "craft", "prompts cooking", "\"cooking\" is not a theme", "prompts [THEME]"),
                new Case(
                        "lea",
                        "craft",
                        "prompt add What is good work here?",
                        "between double quotes",
                        "prompt add \"TEXT\" [theme THEME]"),
                new Case(
                        "lea",
                        "craft",
                        "prompt add \"What is good work here?",
                        "quote is not closed",
                        "prompt add \"TEXT\" [theme THEME]"),
                new Case(
                        "lea",
                        "craft",
                        "prompt add \"\"",
                        "between double quotes",
                        "prompt add \"TEXT\" [theme THEME]"),
                new Case(
                        "lea",
                        "craft",
                        "prompt add \"" + LONG_QUESTION + "\"",
                        "at most 500 characters",
                        "prompt add \"TEXT\" [theme THEME]"),
                new Case(
                        "lea",
                        "craft",
                        "prompt add \"Who do we serve?\" theme cooking",
                        "\"cooking\" is not a theme",
                        "prompt add \"TEXT\" [theme THEME]"),
                new Case(
                        "lea",
                        "craft",
                        "prompt remove 3",
                        "between double quotes",
                        "prompt add \"TEXT\" [theme THEME]"),
                new Case(
                        "ann",
                        "craft",
                        "reminders maybe",
                        "off, light or normal, not \"maybe\"",
                        "reminders [off|light"),
                new Case("ann", "craft", "reminders off now", "\"now\"", "reminders [off|light|normal]"),
                new Case("ann", "craft", "quiet hours 25:00-08:00", "\"25:00\" is not a time", "quiet hours [HH:MM"),
                new Case("ann", "craft", "quiet hours 18:00-18:00", "last no time at all", "quiet hours [HH:MM"),
                new Case("ann", "craft", "quiet hours 18:00 soon", "not a time range", "quiet hours [HH:MM"),
                new Case("ann", "craft", "quiet hours every day", "leaves no time", "quiet hours [HH:MM"),
                new Case("ann", "craft", "quiet hours someday", "\"someday\" are not days", "quiet hours [HH:MM"),
                new Case("ann", "craft", "pairs met soon", "not a pair number", "pairs met|not yet|skip ID"),
                new Case("ann", "craft", "forget", "forget me", "forget me"),
                new Case("ann", "craft", "forget everyone", "forget me", "forget me"),
                new Case("ann", "craft", "forget me now", "\"now\"", "forget me"),
                new Case("lea", "lobby", "schedules", "no guild yet", "schedules"),
                new Case("lea", "lobby", "schedule mon 09:30", "no guild yet", "schedule DAYS HH:MM"),
                new Case("lea", "lobby", "moment", "no guild yet", "moment [PROMPT-ID|THEME]"),
                new Case("lea", "lobby", "guild join", "no guild yet", "guild join"),
                new Case("lea", null, "pause 1", "which guild you mean", "pause ID [until YYYY-MM-DD]"),
                new Case("zoe", null, "moment", "which guild you mean", "moment [PROMPT-ID|THEME]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedCommands")
    void malformed_command_gets_a_short_private_reply_with_the_right_form_and_changes_nothing(Case c) {
        String before = f.stored();

        CommandReply reply = f.command(c.user(), c.channel(), c.text());

        String text = reply.message().plainText("/shoptalk");
        assertThat(reply.visibility()).isEqualTo(CommandReply.Visibility.PRIVATE);
        assertThat(text).contains(c.saysWhatWasWrong()).contains("Use: /shoptalk " + c.rightForm());
        assertThat(text.length()).as("a short reply: %s", text).isLessThan(400);
        assertThat(f.stored()).isEqualTo(before);
        assertThat(f.chat.all()).as("nothing posted anywhere").isEmpty();
    }

    /** Only in the guild's channel is the guild's language known; elsewhere replies are English. */
    static Stream<Case> malformedCommandsInTheGuildChannel() {
        return malformedCommands().filter(c -> "craft".equals(c.channel()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedCommandsInTheGuildChannel")
    void malformed_command_in_a_dutch_guild_is_answered_in_dutch_with_the_same_form(Case c) {
        String before = dutch.stored();

        CommandReply reply = dutch.command(c.user(), c.channel(), c.text());

        String text = reply.message().plainText("/shoptalk");
        String english = f.run(c.user(), c.channel(), c.text());
        assertThat(reply.visibility()).isEqualTo(CommandReply.Visibility.PRIVATE);
        assertThat(text)
                .contains("Gebruik: /shoptalk " + dutchUsage(c.rightForm()))
                .doesNotContain("Use:");
        assertThat(text.lines().findFirst()).isNotEqualTo(english.lines().findFirst());
        assertThat(dutch.stored()).isEqualTo(before);
    }

    /** The usage line a Dutch guild sees for the command whose English form starts with {@code form}. */
    private static String dutchUsage(String form) {
        return java.util.Arrays.stream(Syntax.values())
                .filter(s -> s.form().startsWith(form))
                .findFirst()
                .orElseThrow()
                .usage(org.shoptalk.core.i18n.Language.NL);
    }

    static Stream<Case> notAllowed() {
        return Stream.of(
                new Case("ann", "craft", "schedule mon 09:30", "Only leads of Craft", null),
                new Case("ann", "craft", "schedule at 2026-12-01 10:00", "Only leads of Craft", null),
                new Case("ann", "craft", "pause 1", "Only leads of Craft", null),
                new Case("ann", "craft", "resume 1", "Only leads of Craft", null),
                new Case("ann", "craft", "unschedule 1", "Only leads of Craft", null),
                new Case("ann", "craft", "skip 2026-12-21..2027-01-03", "Only leads of Craft", null),
                new Case("ann", "craft", "digest at mon 09:00", "Only leads of Craft", null),
                new Case(
                        "ann",
                        "craft",
                        "prompt add \"What did you learn from a colleague?\"",
                        "Only leads of Craft",
                        null),
                new Case("ann", "craft", "guild lead add <@ann>", "Only leads of Craft", null),
                new Case("ann", "craft", "guild channel remove", "Only leads of Craft", null),
                new Case("zoe", "craft", "schedule mon 09:30", "Only leads of Craft", null),
                new Case("zoe", "craft", "moment", "Join Craft first with /shoptalk guild join", null),
                new Case("zoe", "craft", "moment explore", "Join Craft first with /shoptalk guild join", null),
                new Case("zoe", "craft", "digest", "Join Craft first with /shoptalk guild join", null),
                new Case("zoe", "craft", "guild leave", "Join Craft first with /shoptalk guild join", null),
                new Case("lea", "craft", "guild create Pottery", "already belongs to guild Craft", null),
                new Case("lea", "craft", "guild channel add", "already belongs to guild Craft", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notAllowed")
    void command_that_is_not_yours_to_run_is_refused_privately_and_changes_nothing(Case c) {
        String before = f.stored();

        CommandReply reply = f.command(c.user(), c.channel(), c.text());

        assertThat(reply.visibility()).isEqualTo(CommandReply.Visibility.PRIVATE);
        assertThat(reply.message().plainText("/shoptalk")).contains(c.saysWhatWasWrong());
        assertThat(f.stored()).isEqualTo(before);
        assertThat(f.chat.all()).isEmpty();
    }

    @Test
    void unknown_command_is_named_and_points_to_help() {
        String before = f.stored();

        CommandReply reply = f.command("ann", "craft", "dance wildly");

        assertThat(reply.visibility()).isEqualTo(CommandReply.Visibility.PRIVATE);
        assertThat(reply.message().plainText("/shoptalk")).contains("\"dance\"").contains("/shoptalk help");
        assertThat(f.stored()).isEqualTo(before);
    }

    @Test
    void errors_in_a_dutch_guild_are_dutch_and_show_the_same_form() {
        try (CoreFixture nl = CoreFixture.onH2()) {
            nl.run("lea", "vak", "guild create Vakmensen lang nl");
            String before = nl.stored();

            String reply = nl.run("lea", "vak", "pause 1 tot morgen");

            assertThat(reply)
                    .contains("\"morgen\"")
                    .contains("Gebruik: /shoptalk pauzeer ID [tot JJJJ-MM-DD]")
                    .doesNotContain("Use:");
            assertThat(nl.stored()).isEqualTo(before);
            nl.run("lea", "vak", "schedule ma 09:30");
            assertThat(nl.stored())
                    .as("the snapshot does see a command that succeeds")
                    .isNotEqualTo(before);
        }
    }

    @Test
    void a_guild_without_a_channel_is_told_where_to_add_one_and_no_round_is_opened() {
        try (CoreFixture own = CoreFixture.onH2()) {
            own.run("lea", null, "guild create Quiet");
            String before = own.stored();

            String reply = own.run("lea", null, "moment");

            assertThat(reply).contains("Quiet").contains("/shoptalk guild channel add");
            assertThat(own.stored()).isEqualTo(before);
        }
    }

    @Test
    void help_lists_every_command_form_privately() {
        CommandReply reply = f.command("zoe", null, "help");

        assertThat(reply.visibility()).isEqualTo(CommandReply.Visibility.PRIVATE);
        for (Syntax s : Syntax.values()) {
            assertThat(reply.message().plainText("/shoptalk")).contains("/shoptalk " + s.form());
        }
    }

    @Test
    void in_private_chat_a_member_of_one_guild_needs_no_channel() {
        assertThat(f.run("ann", null, "schedules")).contains("Craft").contains("#1");
        assertThat(f.run("ann", null, "schedule mon 10:00")).contains("Only leads of Craft");
    }

    @Test
    void failed_schedule_leaves_the_schedules_list_as_it_was() {
        String listed = f.run("lea", "craft", "schedules");

        f.run("lea", "craft", "schedule mon,thu 09:30 every 2 weeks theme cooking");
        f.run("lea", "craft", "schedule mon,thu 25:00");
        f.run("lea", "craft", "pause 1 until 2020-01-01");

        assertThat(f.run("lea", "craft", "schedules"))
                .isEqualTo(listed)
                .contains("#1")
                .doesNotContain("#2")
                .doesNotContain("paused");
        assertThat(f.count("SELECT COUNT(*) FROM schedule")).isEqualTo(1);
    }
}

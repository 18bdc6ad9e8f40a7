package org.shoptalk.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.shoptalk.core.CoreSettings;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.command.CommandReply;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.TestDatabases;

/**
 * "forget me" (issues 12 and 14): first a private preview of what would go and what would stay, with a button; only
 * "forget me confirm" (or the button) removes, asking each store, in one transaction. The guild carries on and keeps a
 * lead; nothing of anyone else goes. Runs on H2 and PostgreSQL.
 */
class ForgetMeTest {
    private CoreFixture f;

    /** Lea leads Craft; Bob joined before Ann; in the moment's thread Ann and Bob talk with each other. */
    private void aConversationBetweenAnnAndBob(TestDatabases.Kind kind) {
        f = CoreFixture.on(
                TestDatabases.fresh(kind),
                CoreFixture.MONDAY_MORNING,
                CoreSettings.defaults().withSecret(CoreFixture.SECRET));
        f.run("lea", "craft", "guild create Craft lang en");
        f.clock.advance(Duration.ofMinutes(5));
        f.run("bob", "craft", "guild join");
        f.clock.advance(Duration.ofMinutes(5));
        f.run("ann", "craft", "guild join");
        f.run("lea", "craft", "schedule tue 10:00");
        f.run("lea", "craft", "moment");
        String thread = f.latestRoundThread("craft");
        f.reply("craft", thread, "ann", "Ann's view: good work is work a colleague can pick up.");
        f.reply("craft", thread, "bob", "Ann, does that mean writing more down?", "ann");
        f.reply("craft", thread, "ann", "Not more, but the why behind it.");
    }

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void forget_me_says_precisely_what_would_go_and_what_would_stay_and_removes_nothing(TestDatabases.Kind kind) {
        aConversationBetweenAnnAndBob(kind);
        f.run("ann", null, "anon \"Something I would rather not sign.\"");
        f.run("ann", "craft", "pairs on");
        Map<String, Long> before = rows();

        CommandReply reply = f.command("ann", "craft", "forget me");

        assertThat(reply.visibility()).isEqualTo(CommandReply.Visibility.PRIVATE);
        assertThat(reply.message().plainText("/shoptalk"))
                .contains("Nothing changes until you confirm")
                .contains("2 answers you wrote under your name")
                .contains("1 anonymous answer you wrote")
                .contains("your membership of 1 guild")
                .contains("your wish to be paired, in 1 guild")
                .contains("1 answer by a colleague that responded to you stays; only the link to you goes")
                .contains("digests already posted in a channel keep the words they quoted")
                .contains("/shoptalk forget me confirm");
        assertThat(confirmButton(reply)).isEqualTo("forget me confirm");
        assertThat(rows()).as("a preview changes nothing").isEqualTo(before);
        assertThat(f.chat.forgotten()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void the_button_removes_everything_of_the_person_and_nothing_of_anyone_else(TestDatabases.Kind kind) {
        aConversationBetweenAnnAndBob(kind);
        f.run("ann", null, "anon \"Something I would rather not sign.\"");
        f.run("ann", null, "reminders off");
        long bobsRows = f.count("SELECT COUNT(*) FROM answer WHERE author_id = 'bob'")
                + f.count("SELECT COUNT(*) FROM guild_member WHERE user_id IN ('bob', 'lea')");

        String done = f.run("ann", "craft", confirmButton(f.command("ann", "craft", "forget me")));

        assertThat(done)
                .contains("Shoptalk has forgotten you")
                .contains("2 answers you wrote under your name")
                .contains("1 anonymous answer you wrote")
                .contains("your membership of 1 guild")
                .contains("your reminder setting")
                .contains("1 answer by a colleague that responded to you stays");
        assertThat(f.count("SELECT COUNT(*) FROM answer WHERE anonymous = TRUE"))
                .isZero();
        assertThat(f.count("SELECT COUNT(*) FROM answer WHERE author_id = 'ann' OR responds_to = 'ann'"))
                .isZero();
        assertThat(f.count("SELECT COUNT(*) FROM answer WHERE author_id = 'bob'")
                        + f.count("SELECT COUNT(*) FROM guild_member WHERE user_id IN ('bob', 'lea')"))
                .as("nothing of Bob or Lea goes")
                .isEqualTo(bobsRows);
        assertThat(f.chat.forgotten()).containsExactly(CoreFixture.user("ann"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void confirming_twice_is_harmless_and_says_there_was_nothing_left(TestDatabases.Kind kind) {
        aConversationBetweenAnnAndBob(kind);
        f.run("ann", "craft", "forget me confirm");
        Map<String, Long> after = rows();

        assertThat(f.run("ann", "craft", "forget me confirm")).contains("nothing left to remove");
        assertThat(f.run("ann", "craft", "forget me")).contains("nothing to forget");
        assertThat(rows()).isEqualTo(after);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_stale_confirmation_removes_and_reports_what_is_there_when_it_is_pressed(TestDatabases.Kind kind) {
        aConversationBetweenAnnAndBob(kind);
        CommandReply preview = f.command("ann", "craft", "forget me");
        assertThat(preview.message().plainText("/shoptalk")).contains("2 answers you wrote");
        f.reply("craft", f.latestRoundThread("craft"), "ann", "One more thought after all.");

        assertThat(f.run("ann", "craft", confirmButton(preview))).contains("3 answers you wrote under your name");
        assertThat(f.count("SELECT COUNT(*) FROM answer WHERE author_id = 'ann'"))
                .isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_dutch_guild_hears_it_in_dutch_and_confirms_with_dutch_words(TestDatabases.Kind kind) {
        aConversationBetweenAnnAndBob(kind);
        f.run("lea", "ambacht", "guild create Ambacht lang nl");
        f.run("ann", "ambacht", "guild join");

        CommandReply preview = f.command("ann", "ambacht", "vergeet mij");
        assertThat(preview.message().plainText("/shoptalk"))
                .contains("2 antwoorden die je onder je naam schreef")
                .contains("je lidmaatschap van 2 vakgenootschappen")
                .contains("/shoptalk vergeet mij bevestig");
        assertThat(preview.message().blocks())
                .anySatisfy(b ->
                        assertThat(b).isEqualTo(new ChatMessage.Block.Button("Vergeet mij", "vergeet mij bevestig")));

        assertThat(f.run("ann", "ambacht", "vergeet mij bevestig")).contains("Klaar");
        assertThat(f.count("SELECT COUNT(*) FROM guild_member WHERE user_id = 'ann'"))
                .isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void forgotten_answers_leave_the_digest_and_nobody_is_shown_responding_to_the_forgotten_person(
            TestDatabases.Kind kind) {
        aConversationBetweenAnnAndBob(kind);
        String before = digest();
        assertThat(before)
                .contains("Bob, responding to Ann")
                .contains("Ann, responding to Bob")
                .contains("Answers that responded to a colleague: 2");

        f.run("ann", "craft", "forget me confirm");

        String after = digest();
        assertThat(after)
                .doesNotContain("good work is work a colleague can pick up")
                .doesNotContain("the why behind it")
                .doesNotContain("responding to")
                .doesNotContain("- Ann")
                .contains("does that mean writing more down?")
                .contains("People who took part: 1")
                .contains("Answers that responded to a colleague: 0");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void forgotten_person_is_no_member_anywhere_and_their_settings_and_names_are_gone(TestDatabases.Kind kind) {
        aConversationBetweenAnnAndBob(kind);
        f.run("ann", "design", "guild create Design");
        f.run("ann", null, "reminders off");

        f.run("ann", null, "forget me confirm");

        assertThat(f.count("SELECT COUNT(*) FROM guild_member WHERE user_id = 'ann'"))
                .isZero();
        assertThat(f.count("SELECT COUNT(*) FROM user_setting WHERE user_id = 'ann'"))
                .isZero();
        assertThat(f.count("SELECT COUNT(*) FROM guild WHERE created_by = 'ann'"))
                .isZero();
        assertThat(f.run("lea", "craft", "guild")).contains("Members: 2");
        assertThat(f.run("ann", "craft", "moment")).contains("Join Craft first");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void when_the_only_lead_forgets_themself_the_longest_standing_member_becomes_lead(TestDatabases.Kind kind) {
        aConversationBetweenAnnAndBob(kind);
        f.run("lea", "craft", "forget me confirm");

        assertThat(f.run("bob", "craft", "guild"))
                .contains("Leads: <@bob>")
                .doesNotContain("lea")
                .contains("Members: 2");
        assertThat(f.run("bob", "craft", "schedule wed 09:00")).contains("#2");
        assertThat(f.run("ann", "craft", "schedule wed 09:00")).contains("Only leads");
        assertThat(f.run("bob", "craft", "schedules"))
                .as("the guild's schedules stay")
                .contains("#1")
                .contains("#2");
        assertThat(f.count("SELECT COUNT(*) FROM schedule WHERE created_by = 'lea'"))
                .isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void when_another_lead_remains_nobody_is_promoted(TestDatabases.Kind kind) {
        aConversationBetweenAnnAndBob(kind);
        f.run("lea", "craft", "guild lead add <@ann>");

        f.run("lea", "craft", "forget me confirm");

        assertThat(f.run("bob", "craft", "guild")).contains("Leads: <@ann>").doesNotContain("<@bob>");
        assertThat(f.run("bob", "craft", "schedule wed 09:00")).contains("Only leads");
    }

    private static String confirmButton(CommandReply reply) {
        return reply.message().blocks().stream()
                .filter(ChatMessage.Block.Button.class::isInstance)
                .map(b -> ((ChatMessage.Block.Button) b).command())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button in " + reply.message()));
    }

    /** Row counts of every table that can hold something about a person. */
    private Map<String, Long> rows() {
        Map<String, Long> rows = new TreeMap<>();
        for (String table : List.of(
                "answer",
                "guild_member",
                "user_setting",
                "pair_optin",
                "pairing",
                "conversation",
                "intervisie_member",
                "goal")) {
            rows.put(table, f.count("SELECT COUNT(*) FROM " + table));
        }
        rows.put("answers responding", f.count("SELECT COUNT(*) FROM answer WHERE responds_to IS NOT NULL"));
        return rows;
    }

    private String digest() {
        f.run("lea", "craft", "digest");
        return f.chat.last().text();
    }
}

package org.shoptalk.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.testing.CoreFixture;

/** "forget me": a person's words and traces leave Shoptalk, the guild carries on and keeps a lead. */
class ForgetMeTest {
    private final CoreFixture f = CoreFixture.onH2();

    /** Lea leads Craft; Bob joined before Ann; in the moment's thread Ann and Bob talk with each other. */
    @BeforeEach
    void aConversationBetweenAnnAndBob() {
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
        f.close();
    }

    @Test
    void the_chat_platform_is_asked_to_forget_what_it_keeps_about_the_person() {
        f.run("ann", "craft", "forget me");
        assertThat(f.chat.forgotten()).containsExactly(CoreFixture.user("ann"));
    }

    @Test
    void forgotten_answers_leave_the_digest_and_nobody_is_shown_responding_to_the_forgotten_person() {
        String before = digest();
        assertThat(before)
                .contains("Bob, responding to Ann")
                .contains("Ann, responding to Bob")
                .contains("Answers that responded to a colleague: 2");

        assertThat(f.run("ann", "craft", "forget me")).contains("removed 2 answers");

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

    @Test
    void forgotten_person_is_no_member_anywhere_and_their_settings_are_gone() {
        f.run("ann", "design", "guild create Design");
        f.run("ann", null, "reminders off");

        f.run("ann", null, "forget me");

        assertThat(f.count("SELECT COUNT(*) FROM guild_member WHERE user_id = 'ann'"))
                .isZero();
        assertThat(f.count("SELECT COUNT(*) FROM user_setting WHERE user_id = 'ann'"))
                .isZero();
        assertThat(f.count("SELECT COUNT(*) FROM guild WHERE created_by = 'ann'"))
                .isZero();
        assertThat(f.run("lea", "craft", "guild")).contains("Members: 2");
        assertThat(f.run("ann", "craft", "moment")).contains("Join Craft first");
    }

    @Test
    void when_the_only_lead_forgets_themself_the_longest_standing_member_becomes_lead() {
        f.run("lea", "craft", "forget me");

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

    @Test
    void when_another_lead_remains_nobody_is_promoted() {
        f.run("lea", "craft", "guild lead add <@ann>");

        f.run("lea", "craft", "forget me");

        assertThat(f.run("bob", "craft", "guild")).contains("Leads: <@ann>").doesNotContain("<@bob>");
        assertThat(f.run("bob", "craft", "schedule wed 09:00")).contains("Only leads");
    }

    private String digest() {
        f.run("lea", "craft", "digest");
        return f.chat.last().text();
    }
}

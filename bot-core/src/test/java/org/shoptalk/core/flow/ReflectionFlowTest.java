package org.shoptalk.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.command.CommandReply;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.FakeChatPlatform;

/** The whole reflective loop through core, as a guild would live it. */
class ReflectionFlowTest {
    private final CoreFixture f = CoreFixture.onH2();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void answers_edits_deletes_and_replies_show_up_in_the_digest() {
        CommandReply created = f.command("lea", "craft", "guild create Craft lang en tz Europe/Amsterdam");
        assertThat(created.visibility()).isEqualTo(CommandReply.Visibility.CHANNEL);
        assertThat(created.message().plainText("/shoptalk")).contains("Craft").contains("first lead");

        String scheduled = f.run("lea", "craft", "schedule mon,thu 09:30");
        assertThat(scheduled)
                .contains("#1")
                .contains("Mon, Thu")
                .contains("Europe/Amsterdam")
                .contains("Mon, Nov 23, 2026, 09:30")
                .contains("Thu, Nov 26, 2026, 09:30")
                .contains("Mon, Nov 30, 2026, 09:30");

        assertThat(f.run("lea", "craft", "moment explore")).contains("Posted");
        String thread = f.latestRoundThread("craft");
        FakeChatPlatform.Sent prompt = f.chat.topLevel("craft").get(0);
        assertThat(prompt.text()).contains("Why this question").contains("thread");

        String ann = f.reply("craft", thread, "ann", "I take responsibility for clear code reviews.");
        String bob = f.reply("craft", thread, "bob", "For me it is the patients who read our letters.");
        f.reply("craft", thread, "cas", "Ann, what makes a review clear to you?", "ann");
        f.edit("craft", ann, "I take responsibility for kind, clear code reviews.");
        f.delete("craft", bob);

        f.run("lea", "craft", "digest");
        FakeChatPlatform.Sent digest =
                f.chat.topLevel("craft").get(f.chat.topLevel("craft").size() - 1);
        assertThat(digest.text())
                .contains("This week in Craft")
                .contains("kind, clear code reviews")
                .contains("(edited)")
                .doesNotContain("patients who read our letters")
                .contains("Cas, responding to Ann")
                .contains("People who took part: 2")
                .contains("Answers that responded to a colleague: 1")
                .contains("https://chat.example/craft/" + thread)
                .contains("Coming up:");
    }

    @Test
    void guild_schedules_and_answers_survive_a_restart() {
        f.run("lea", "craft", "guild create Craft");
        f.run("lea", "craft", "schedule tue 10:00");
        f.run("lea", "craft", "moment");
        String thread = f.latestRoundThread("craft");
        f.reply("craft", thread, "ann", "Still here after a restart?");

        f.restart();

        assertThat(f.run("lea", "craft", "schedules")).contains("#1").contains("Tue");
        f.run("lea", "craft", "digest");
        assertThat(f.chat.last().text()).contains("Still here after a restart?");
    }

    @Test
    void a_dutch_guild_hears_dutch_everywhere() {
        f.run("lea", "vak", "guild create Vakmensen lang nl");
        assertThat(f.run("lea", "vak", "schedule ma,wo 09:30"))
                .contains("gepland")
                .contains("ma, wo");
        f.run("lea", "vak", "moment");
        assertThat(f.chat.last().text()).contains("Waarom deze vraag");
        assertThat(f.run("lea", "vak", "schedule zondag 25:00"))
                .contains("geen tijd")
                .contains("Gebruik: /shoptalk plan DAGEN");
        f.run("lea", "vak", "digest");
        assertThat(f.chat.last().text()).contains("Deze week in Vakmensen").contains("Mensen die meededen: 0");
    }
}

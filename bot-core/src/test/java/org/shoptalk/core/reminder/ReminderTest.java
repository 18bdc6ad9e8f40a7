package org.shoptalk.core.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.CoreSettings;
import org.shoptalk.core.task.RoundFollowUps;
import org.shoptalk.core.task.Task;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.FakeChatPlatform;
import org.shoptalk.core.testing.PlannedRuns;

/**
 * The one gentle nudge before a round closes (defaults: open 72 h, reminder 24 h before the end):
 * private, once, only to members who have not answered and kept reminders on, and naming nobody.
 */
class ReminderTest {
    private final CoreFixture f = CoreFixture.onH2();
    private long roundId;
    private Instant openedAt;

    /** Lea leads Craft; Ann, Bob and Cas joined; Cas switched reminders off; a moment is posted and Bob answered. */
    @BeforeEach
    void aMomentIsOpenAndBobAnswered() {
        f.run("lea", "craft", "guild create Craft lang en");
        f.run("ann", "craft", "guild join");
        f.run("bob", "craft", "guild join");
        f.run("cas", "craft", "guild join");
        assertThat(f.run("cas", "craft", "reminders off")).contains("off");
        openedAt = f.clock.instant();
        f.run("lea", "craft", "moment craft");
        roundId = f.db.withHandle(h -> h.queryOne("SELECT id FROM round", rs -> rs.getLong(1)))
                .orElseThrow();
        f.reply("craft", f.latestRoundThread("craft"), "bob", "Good work here means the patient never notices us.");
        f.chat.clear();
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void the_reminder_comes_a_day_before_the_round_closes_after_a_first_look_halfway() {
        Instant due = openedAt.plus(CoreSettings.defaults().roundOpen())
                .minus(CoreSettings.defaults().reminderBeforeClose());
        Instant firstLook = ReminderTiming.firstLook(openedAt, due);
        Task task = new Task.Reminder(roundId);
        assertThat(PlannedRuns.planned(f, task))
                .as("planned by the relay, a little later")
                .isEmpty();
        PlannedRuns.relayFollowUps(f, openedAt.plus(RoundFollowUps.RELAY_AFTER));
        assertThat(PlannedRuns.planned(f, task)).containsExactly(firstLook);

        List<PlannedRuns.Fired> fired = PlannedRuns.fireUntil(
                f, task, openedAt.plus(CoreSettings.defaults().roundOpen()));

        assertThat(fired).extracting(PlannedRuns.Fired::at).containsExactly(firstLook, due);
        assertThat(fired.get(0).sent()).as("nobody is due at the first look").isEmpty();
        assertThat(fired.get(1).sent())
                .filteredOn(s -> s.privateTo() != null)
                .extracting(s -> s.privateTo().id())
                .containsExactlyInAnyOrder("ann", "lea");
    }

    @Test
    void a_member_who_has_not_answered_gets_exactly_one_private_reminder() {
        remind();

        assertThat(f.chat.privateTo("ann")).hasSize(1);
        assertThat(f.chat.privateTo("lea"))
                .as("a lead who has not answered is reminded too")
                .hasSize(1);
        assertThat(f.chat.all())
                .as("apart from the note in the thread, which names nobody, reminders are private")
                .filteredOn(s -> s.privateTo() == null)
                .extracting(FakeChatPlatform.Sent::text)
                .containsExactly("1 colleague has answered this question so far. The thread stays open until"
                        + " Thu, Nov 26, 09:00; there is room for more thoughts.");
    }

    @Test
    void no_reminder_for_who_answered_or_switched_reminders_off() {
        remind();

        assertThat(f.chat.privateTo("bob")).isEmpty();
        assertThat(f.chat.privateTo("cas")).isEmpty();
    }

    @Test
    void running_the_reminder_again_sends_nothing_new() {
        remind();
        List<FakeChatPlatform.Sent> first = f.chat.all();

        remind();
        f.restart();
        remind();

        assertThat(f.chat.all()).isEqualTo(first);
    }

    @Test
    void the_reminder_names_the_guild_and_the_question_but_no_other_person() {
        remind();

        String text = f.chat.privateTo("ann").get(0).text();
        assertThat(text)
                .contains("Craft")
                .contains("https://chat.example/craft/")
                .contains("reminders off");
        assertThat(text).doesNotContainPattern("(?i)\\b(lea|bob|cas)\\b");
        assertThat(text).doesNotContain("patient never notices");
    }

    @Test
    void switching_reminders_back_on_brings_them_back() {
        f.run("cas", null, "reminders on");

        remind();

        assertThat(f.chat.privateTo("cas")).hasSize(1);
    }

    @Test
    void no_reminder_once_the_round_has_closed() {
        f.clock.set(openedAt.plus(CoreSettings.defaults().roundOpen()).plusSeconds(1));

        f.core().runTask(new Task.Reminder(roundId), f.clock.instant());

        assertThat(f.chat.all()).isEmpty();
    }

    @Test
    void someone_who_left_the_guild_is_not_reminded() {
        f.run("ann", "craft", "guild leave");

        remind();

        assertThat(f.chat.privateTo("ann")).isEmpty();
        assertThat(f.chat.privateTo("lea")).hasSize(1);
    }

    @Test
    void nobody_is_nudged_towards_a_question_on_sensitive_ground() {
        f.run("lea", "craft", "moment choose-05");
        long sensitiveRound = f.latestRoundId();
        f.clock.set(openedAt.plus(Duration.ofDays(2)));
        f.core().runTask(new Task.Reminder(sensitiveRound), f.clock.instant());
        assertThat(f.chat.privateTo("ann")).isEmpty();
        remind();
        assertThat(f.chat.privateTo("ann"))
                .as("the ordinary round still reminds")
                .hasSize(1);
    }

    @Test
    void someone_who_answered_anonymously_is_not_reminded() {
        f.run("ann", null, "anon \"I would rather not sign this one.\"");
        f.chat.clear();

        remind();

        assertThat(f.chat.privateTo("ann")).isEmpty();
        assertThat(f.chat.privateTo("lea"))
                .as("others who did not answer are still reminded")
                .hasSize(1);
    }

    /** Runs the reminder task as Quartz would at its planned time, a day before the round closes. */
    private void remind() {
        Instant at = openedAt.plus(Duration.ofDays(2));
        f.clock.set(at);
        f.core().runTask(new Task.Reminder(roundId), at);
    }
}

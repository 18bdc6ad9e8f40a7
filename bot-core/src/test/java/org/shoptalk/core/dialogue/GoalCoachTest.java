package org.shoptalk.core.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.task.Task;
import org.shoptalk.core.testing.CoreFixture;

class GoalCoachTest {
    private final CoreFixture f = CoreFixture.onH2();

    @BeforeEach
    void guild() {
        f.run("lea", "craft", "guild create Craft");
        f.run("ann", "craft", "guild join");
    }

    @AfterEach
    void close() {
        f.close();
    }

    private String say(String text) {
        return f.run("ann", null, text);
    }

    @Test
    void a_goal_started_in_the_channel_moves_to_a_private_conversation() {
        assertThat(f.run("ann", "craft", "goal")).contains("private message");
        assertThat(f.chat.privateTo("ann")).hasSize(1);
        assertThat(f.chat.privateTo("ann").get(0).text()).contains("what does your team want to achieve");
    }

    @Test
    void the_coach_turns_a_criterion_into_a_result_and_plans_the_look_back() {
        say("goal");
        String analysis = say("90% of tickets closed within 2 days");
        assertThat(analysis).contains("criterion").contains("For whom is this");
        assertThat(say("Our customers: they can get back to work quickly after reporting a problem"))
                .contains("value");
        assertThat(say("Trust: people rely on us")).contains("indicators");
        assertThat(say("How often customers need to chase us, because it shows waiting"))
                .contains("prevented");
        assertThat(say("No overtime to get there")).contains("YYYY-MM-DD");
        assertThat(say("next friday")).contains("not a date");
        String saved = say("2027-01-15");
        assertThat(saved).contains("goal #1").contains("January 15, 2027").contains("90% of tickets");

        assertThat(f.run("lea", "craft", "goals")).contains("90% of tickets").contains("January 15, 2027");
        assertThat(say("help")).contains("Shoptalk");

        f.clock.set(Instant.parse("2027-01-15T08:30:00Z"));
        f.core().runTask(new Task.Review(1), f.clock.instant());
        String review = f.chat.topLevel("craft")
                .get(f.chat.topLevel("craft").size() - 1)
                .text();
        assertThat(review)
                .contains("Looking back on goal #1")
                .contains("90% of tickets closed within 2 days")
                .contains("How often customers need to chase us")
                .contains("No overtime")
                .contains("how did it serve the people we work for");
        f.reply("craft", f.latestRoundThread("craft"), "ann", "The chasing halved; people noticed.");
        f.run("lea", "craft", "digest");
        assertThat(f.chat.last().text()).contains("Looking back on goal #1").contains("The chasing halved");
    }

    @Test
    void the_conversation_survives_a_restart() {
        say("goal");
        say("Pupils can read a newspaper on their own by the end of year 6");
        f.restart();
        assertThat(say("Pupils in year 6, who will read for themselves")).contains("value");
    }

    @Test
    void stop_ends_the_conversation_without_saving() {
        say("goal");
        say("Train everyone in the new planning tool");
        assertThat(say("stop")).contains("Nothing was saved");
        assertThat(f.run("lea", "craft", "goals")).contains("No goals yet");
        assertThat(say("schedules")).contains("Reflection moments of Craft");
    }

    @Test
    void two_quiet_hours_close_the_conversation_politely() {
        say("goal");
        say("Clients feel heard at intake");
        f.clock.advance(Duration.ofHours(3));
        assertThat(say("Clients")).contains("rested for more than two hours");
        assertThat(say("schedules")).contains("Reflection moments of Craft");
    }
}

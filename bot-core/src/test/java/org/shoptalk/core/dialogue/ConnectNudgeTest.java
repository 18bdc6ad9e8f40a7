package org.shoptalk.core.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.task.Task;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.FakeChatPlatform;

class ConnectNudgeTest {
    private final CoreFixture f = CoreFixture.onH2();
    private String thread;

    @BeforeEach
    void aRoundWithAQuietThread() {
        f.run("lea", "craft", "guild create Craft");
        f.run("dan", "craft", "guild join");
        f.run("lea", "craft", "moment craft");
        thread = f.latestRoundThread("craft");
    }

    @AfterEach
    void close() {
        f.close();
    }

    private List<FakeChatPlatform.Sent> nudges() {
        return f.chat.all().stream()
                .filter(s -> thread.equals(s.threadId()) && !s.id().equals(thread))
                .toList();
    }

    private void runCheck() {
        f.clock.advance(Duration.ofHours(24));
        f.core().runTask(new Task.Connect(f.latestRoundId()), f.clock.instant());
    }

    @Test
    void two_answers_without_responses_get_one_nudge_quoting_both() {
        f.reply("craft", thread, "ann", "Clear reviews are my craft.");
        f.reply("craft", thread, "bob", "For me it is listening to the patient first.");
        runCheck();
        runCheck();
        assertThat(nudges()).hasSize(1);
        assertThat(nudges().get(0).text())
                .contains("Clear reviews are my craft.")
                .contains("Ann")
                .contains("listening to the patient first")
                .contains("Bob")
                .contains("respond to one another")
                .doesNotContain("Dan")
                .doesNotContain("Lea");
    }

    @Test
    void an_anonymous_answer_is_quoted_from_a_colleague_never_by_its_pseudonym() {
        f.run("ann", "craft", "guild join");
        f.run("ann", null, "anon \"I rush when I feel watched.\"");
        f.reply("craft", thread, "bob", "For me it is listening to the patient first.");
        runCheck();

        assertThat(nudge())
                .contains("I rush when I feel watched.")
                .contains("a colleague")
                .contains("Bob")
                .doesNotContainIgnoringCase("anon:")
                .doesNotContain("Ann");
    }

    @Test
    void nobody_is_invited_to_respond_to_their_own_anonymous_answer() {
        f.reply("craft", thread, "dan", "Clear reviews are my craft.");
        f.run("dan", null, "anon \"And what I would rather not sign.\"");
        runCheck();
        assertThat(nudges())
                .as("Dan alone answered, under two names")
                .noneMatch(s -> s.text().contains("respond to one another"));

        f.reply("craft", thread, "bob", "Listening first.");
        runCheck();
        assertThat(nudge()).contains("Dan").contains("Bob").doesNotContain("rather not sign");
    }

    private String nudge() {
        List<String> found = nudges().stream()
                .map(FakeChatPlatform.Sent::text)
                .filter(t -> t.contains("respond to one another"))
                .toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void no_nudge_when_people_already_respond_to_each_other() {
        f.reply("craft", thread, "ann", "Clear reviews are my craft.");
        f.reply("craft", thread, "bob", "Ann, what makes a review clear?", "ann");
        runCheck();
        assertThat(nudges()).isEmpty();
    }

    @Test
    void one_answer_is_not_enough_and_the_check_comes_back_later() {
        f.reply("craft", thread, "ann", "Clear reviews are my craft.");
        runCheck();
        assertThat(nudges()).isEmpty();
        f.reply("craft", thread, "bob", "Listening first.");
        runCheck();
        assertThat(nudges()).hasSize(1);
    }

    @Test
    void a_lead_can_switch_the_nudge_off() {
        assertThat(f.run("lea", "craft", "connect off")).contains("off");
        f.reply("craft", thread, "ann", "Clear reviews are my craft.");
        f.reply("craft", thread, "bob", "Listening first.");
        runCheck();
        assertThat(nudges()).isEmpty();
        assertThat(f.run("dan", "craft", "connect on")).contains("Only leads");
        assertThat(f.run("lea", "craft", "connect after 12 hours")).contains("12 hours");
    }
}

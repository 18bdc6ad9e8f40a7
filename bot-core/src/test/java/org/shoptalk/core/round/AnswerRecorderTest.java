package org.shoptalk.core.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.chat.ChatEvent;
import org.shoptalk.core.testing.CoreFixture;

/** How messages in a channel become answers, and who is counted as responding to whom. */
class AnswerRecorderTest {
    private final CoreFixture f = CoreFixture.onH2();
    private String thread;

    @BeforeEach
    void aMomentIsOpen() {
        f.run("lea", "craft", "guild create Craft lang en");
        f.run("lea", "craft", "moment");
        thread = f.latestRoundThread("craft");
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void a_retried_delivery_of_the_same_message_is_stored_once() {
        ChatEvent.MessagePosted posted = new ChatEvent.MessagePosted(
                CoreFixture.channel("craft"),
                CoreFixture.user("ann"),
                "slack-ts-1",
                thread,
                "Once is enough.",
                List.of(),
                f.clock.instant());

        f.core().onEvent(posted);
        f.core().onEvent(posted);
        f.core().onEvent(posted);

        assertThat(answers()).isEqualTo(1);
        assertThat(digest()).containsOnlyOnce("Once is enough.").contains("People who took part: 1");
    }

    @Test
    void messages_outside_round_threads_are_not_stored() {
        f.reply("craft", null, "ann", "Top-level chatter about lunch.");
        f.reply("craft", "some-other-thread", "ann", "A reply in an unrelated thread.");
        f.core()
                .onEvent(new ChatEvent.MessagePosted(
                        CoreFixture.channel("craft"),
                        CoreFixture.user("ann"),
                        thread,
                        thread,
                        "The thread root itself.",
                        List.of(),
                        f.clock.instant()));
        f.reply("lobby", thread, "ann", "Same thread id, but a channel of no guild.");

        assertThat(answers()).isZero();
        assertThat(digest())
                .doesNotContain("lunch")
                .doesNotContain("unrelated")
                .doesNotContain("root itself")
                .contains("People who took part: 0");
    }

    @Test
    void a_second_message_after_a_colleagues_answer_responds_to_that_colleague() {
        f.reply("craft", thread, "ann", "I care most about readable code.");
        f.reply("craft", thread, "bob", "For me it is the people who use what we build.");
        f.reply("craft", thread, "ann", "Those two meet: readable code serves them later.");

        String digest = digest();
        assertThat(digest)
                .contains("Ann, responding to Bob")
                .doesNotContain("Bob, responding to Ann")
                .contains("Answers that responded to a colleague: 1")
                .contains("People who took part: 2");
    }

    @Test
    void a_mention_of_a_colleague_who_answered_counts_as_a_response_from_the_first_message_on() {
        f.reply("craft", thread, "ann", "I care most about readable code.");
        f.reply("craft", thread, "bob", "Ann, readable for whom?", "ann");

        assertThat(digest()).contains("Bob, responding to Ann").contains("Answers that responded to a colleague: 1");
    }

    @Test
    void a_mention_of_someone_who_did_not_answer_does_not_count() {
        f.reply("craft", thread, "ann", "I care most about readable code.");
        f.reply("craft", thread, "bob", "Cas, you should answer this one too!", "cas");

        assertThat(digest()).doesNotContain("responding to").contains("Answers that responded to a colleague: 0");
    }

    @Test
    void messages_in_a_row_by_the_same_person_do_not_respond_to_themselves() {
        f.reply("craft", thread, "ann", "First thought.");
        f.reply("craft", thread, "ann", "And a second one.", "ann");

        assertThat(digest()).doesNotContain("responding to").contains("Answers that responded to a colleague: 0");
    }

    @Test
    void an_edit_updates_the_answer_text() {
        String ann = f.reply("craft", thread, "ann", "Frist thougth.");

        f.edit("craft", ann, "First thought, spelled right.");

        assertThat(digest())
                .contains("First thought, spelled right.")
                .contains("Ann (edited)")
                .doesNotContain("Frist");
        assertThat(answers()).isEqualTo(1);
    }

    @Test
    void an_edit_of_a_message_that_is_no_answer_stores_nothing() {
        String chatter = f.reply("craft", null, "ann", "Lunch at noon?");

        f.edit("craft", chatter, "Lunch at one?");

        assertThat(answers()).isZero();
    }

    @Test
    void a_deleted_answer_is_gone_and_a_late_edit_does_not_bring_it_back() {
        String ann = f.reply("craft", thread, "ann", "On second thought, not for the digest.");

        f.delete("craft", ann);
        f.edit("craft", ann, "Edited after deleting.");

        assertThat(answers()).isZero();
        assertThat(digest()).doesNotContain("On second thought").doesNotContain("Edited after deleting");
    }

    @Test
    void a_channel_the_bot_was_removed_from_does_not_stop_the_round_and_the_leads_hear_about_it() {
        assertThat(f.run("lea", "studio", "guild channel add")).contains("Craft");
        f.run("lea", "craft", "guild lead add <@ann>");
        f.run("bob", "craft", "guild join");
        f.chat.makeUnreachable("studio");
        f.chat.clear();

        assertThat(f.run("lea", "craft", "moment")).contains("reached 1 of the guild's 2 channels");

        assertThat(f.chat.topLevel("craft")).hasSize(1);
        assertThat(f.chat.topLevel("studio")).isEmpty();
        assertThat(f.chat.privateTo("lea"))
                .singleElement()
                .satisfies(s -> assertThat(s.text()).contains("studio").contains("Craft"));
        assertThat(f.chat.privateTo("ann")).hasSize(1);
        assertThat(f.chat.privateTo("bob")).as("only leads are told").isEmpty();
        String craftThread = f.latestRoundThread("craft");
        f.reply("craft", craftThread, "bob", "Still answering in the channel that works.");
        assertThat(digest()).contains("Still answering in the channel that works.");
    }

    private long answers() {
        return f.count("SELECT COUNT(*) FROM answer");
    }

    private String digest() {
        f.clock.advance(Duration.ofMinutes(1));
        f.run("lea", "craft", "digest");
        return f.chat.topLevel("craft").get(f.chat.topLevel("craft").size() - 1).text();
    }
}

package org.shoptalk.core.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.FakeChatPlatform;

class AnonymousAnswersTest {
    private final CoreFixture f = CoreFixture.onH2WithSecret();
    private String thread;

    @BeforeEach
    void aSensitiveRound() {
        f.run("lea", "craft", "guild create Craft");
        f.run("ann", "craft", "guild join");
        f.run("lea", "craft", "moment choose-05");
        thread = f.latestRoundThread("craft");
    }

    @AfterEach
    void close() {
        f.close();
    }

    private List<FakeChatPlatform.Sent> inThread() {
        return f.chat.all().stream().filter(s -> thread.equals(s.threadId()) && !s.id().equals(thread)).toList();
    }

    private List<String> storedAuthors() {
        return f.db.withHandle(h -> h.query("SELECT author_id FROM answer", rs -> rs.getString(1)));
    }

    @Test
    void an_anonymous_answer_appears_from_a_colleague_and_its_author_is_not_stored() {
        assertThat(f.run("ann", null, "anon \"I rush when I feel watched.\"")).contains("a colleague");
        assertThat(inThread()).hasSize(1);
        assertThat(inThread().get(0).text()).contains("I rush when I feel watched.").contains("a colleague").doesNotContain("Ann");
        assertThat(storedAuthors()).hasSize(1).allSatisfy(a -> assertThat(a).startsWith("anon:").doesNotContain("ann"));
        f.run("lea", "craft", "digest");
        assertThat(f.chat.last().text()).contains("I rush when I feel watched.").contains("a colleague").doesNotContain("Ann");
    }

    @Test
    void only_its_author_can_edit_or_withdraw_it() {
        f.run("ann", null, "anon \"First thought.\"");
        assertThat(f.run("ann", null, "anon \"Second thought.\"")).contains("updated");
        assertThat(inThread()).hasSize(1);
        assertThat(inThread().get(0).text()).contains("Second thought.");
        assertThat(f.run("lea", null, "anon delete")).contains("no anonymous answer");
        assertThat(f.run("ann", null, "anon delete")).contains("withdrawn");
        assertThat(inThread().get(0).text()).contains("withdrawn by its author");
        assertThat(storedAuthors()).isEmpty();
    }

    @Test
    void forget_me_finds_anonymous_answers_too() {
        f.run("ann", null, "anon \"Something I would rather not sign.\"");
        f.reply("craft", thread, "ann", "And this one I sign.");
        assertThat(f.run("ann", "craft", "forget me")).contains("removed 2 answers");
        assertThat(storedAuthors()).isEmpty();
    }

    @Test
    void with_fewer_than_three_answers_an_anonymous_answer_shows_no_details() {
        f.reply("craft", thread, "bob", "Mine: deadlines.");
        f.run("ann", null, "anon \"Bob, same for me.\"");
        f.run("ann", null, "anon \"Bob, same for me, mostly.\"");
        f.run("lea", "craft", "digest");
        String digest = f.chat.last().text();
        assertThat(digest).contains("a colleague").doesNotContain("(edited)").doesNotContain("responding to");
    }

    @Test
    void without_a_secret_anonymous_answers_are_refused_with_a_reason() {
        try (CoreFixture plain = CoreFixture.onH2()) {
            plain.run("lea", "craft", "guild create Craft");
            plain.run("lea", "craft", "moment");
            assertThat(plain.run("lea", null, "anon \"hi\"")).contains("SHOPTALK_SECRET");
        }
    }
}

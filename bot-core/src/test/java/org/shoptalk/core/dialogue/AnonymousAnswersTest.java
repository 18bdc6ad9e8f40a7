package org.shoptalk.core.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.shoptalk.core.CoreSettings;
import org.shoptalk.core.db.DbSettings;
import org.shoptalk.core.secret.Hkdf;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.FakeChatPlatform;
import org.shoptalk.core.testing.TestDatabases;

class AnonymousAnswersTest {
    private static final String SECRET = CoreFixture.SECRET;
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
        return f.chat.all().stream()
                .filter(s -> thread.equals(s.threadId()) && !s.id().equals(thread))
                .toList();
    }

    private List<String> storedAuthors() {
        return strings(f, "SELECT author_id FROM answer");
    }

    @Test
    void an_anonymous_answer_appears_from_a_colleague_and_its_author_is_not_stored() {
        assertThat(f.run("ann", null, "anon \"I rush when I feel watched.\"")).contains("a colleague");
        assertThat(inThread()).hasSize(1);
        assertThat(inThread().get(0).text())
                .contains("I rush when I feel watched.")
                .contains("a colleague")
                .doesNotContain("Ann");
        assertThat(storedAuthors())
                .hasSize(1)
                .allSatisfy(a -> assertThat(a).startsWith("anon:").doesNotContain("ann"));
        f.run("lea", "craft", "digest");
        assertThat(f.chat.last().text())
                .contains("I rush when I feel watched.")
                .contains("a colleague")
                .doesNotContain("Ann");
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
        assertThat(f.run("ann", "craft", "forget me"))
                .as("the preview counts the anonymous answer, and nothing goes yet")
                .contains("1 answer you wrote under your name")
                .contains("1 anonymous answer you wrote");
        assertThat(storedAuthors()).hasSize(2);

        assertThat(f.run("ann", "craft", "forget me confirm"))
                .contains("1 answer you wrote under your name")
                .contains("1 anonymous answer you wrote");
        assertThat(storedAuthors()).isEmpty();
        assertThat(inThread())
                .as("the bot posted her anonymous words, so the bot takes them out of the thread")
                .noneMatch(m -> m.text().contains("Something I would rather not sign."))
                .anyMatch(m -> m.text().contains("withdrawn by its author"));
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
    void the_stored_pseudonym_is_keyed_with_a_key_derived_for_this_purpose_not_with_the_raw_secret() {
        f.run("ann", null, "anon \"I rush when I feel watched.\"");

        byte[] derived = Hkdf.forPurpose(SECRET, "shoptalk/anonymous-answers/v2");
        String tenant = CoreFixture.TENANT.key();
        String input = tenant.length() + ":" + tenant + "3:ann" + f.latestRoundId();
        assertThat(storedAuthors())
                .containsExactly("anon:v2:" + base64url(Hkdf.hmac(derived, input.getBytes(StandardCharsets.UTF_8))));
        assertThat(storedAuthors().get(0)).isNotEqualTo(legacyPseudonym("ann", f.latestRoundId()));
    }

    @Test
    void an_answer_stored_under_the_old_raw_secret_key_can_still_be_edited_and_moves_to_the_new_key() {
        f.reply("craft", thread, "bob", "Mine: deadlines.");
        f.run("ann", null, "anon \"First thought.\"");
        String current = strings(f, "SELECT author_id FROM answer WHERE anonymous = TRUE")
                .get(0);
        storeAsVersion1("ann");
        f.reply("craft", thread, "bob", "Thank you.");
        assertThat(strings(f, "SELECT responds_to FROM answer WHERE author_id = 'bob'"))
                .contains(legacyPseudonym("ann", f.latestRoundId()));

        assertThat(f.run("ann", null, "anon \"Second thought.\"")).contains("updated");

        assertThat(strings(f, "SELECT author_id FROM answer WHERE anonymous = TRUE"))
                .containsExactly(current);
        assertThat(strings(f, "SELECT responds_to FROM answer WHERE author_id = 'bob'"))
                .as("bob's reply to it follows it to the new key")
                .contains(current);
        assertThat(inThread())
                .extracting(FakeChatPlatform.Sent::text)
                .anySatisfy(t -> assertThat(t).contains("Second thought."));
    }

    @Test
    void an_answer_stored_under_the_old_raw_secret_key_can_be_withdrawn_and_forgotten() {
        f.run("ann", null, "anon \"Withdraw me later.\"");
        storeAsVersion1("ann");
        assertThat(f.run("ann", null, "anon delete")).contains("withdrawn");
        assertThat(storedAuthors()).isEmpty();

        f.reply("craft", thread, "bob", "Mine: deadlines.");
        f.run("ann", null, "anon \"Forget me later.\"");
        storeAsVersion1("ann");
        f.reply("craft", thread, "bob", "Replying to you.");
        assertThat(strings(f, "SELECT responds_to FROM answer")).contains(legacyPseudonym("ann", f.latestRoundId()));
        assertThat(f.run("ann", "craft", "forget me confirm")).contains("1 anonymous answer you wrote");
        assertThat(strings(f, "SELECT COALESCE(responds_to, '-') FROM answer"))
                .as("nothing keeps her pseudonym")
                .allSatisfy(r -> assertThat(r).doesNotStartWith("anon:"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void without_a_secret_anonymous_answers_work_with_a_key_kept_in_the_database_across_restarts(
            TestDatabases.Kind kind) {
        try (CoreFixture plain =
                CoreFixture.on(TestDatabases.fresh(kind), CoreFixture.MONDAY_MORNING, CoreSettings.defaults())) {
            plain.run("lea", "craft", "guild create Craft");
            plain.run("ann", "craft", "guild join");
            plain.run("lea", "craft", "moment");

            assertThat(plain.run("ann", null, "anon \"Said without a name.\""))
                    .contains("a colleague")
                    .contains("in its own database");
            plain.restart();
            assertThat(plain.run("ann", null, "anon \"Said without a name, better.\""))
                    .contains("updated");
            assertThat(plain.run("lea", null, "anon delete")).contains("no anonymous answer");

            assertThat(plain.count("SELECT COUNT(*) FROM generated_secret WHERE purpose = 'anonymous-answers'"))
                    .isEqualTo(1);
            assertThat(strings(plain, "SELECT author_id FROM answer"))
                    .singleElement()
                    .satisfies(a -> assertThat(a).startsWith("anon:v2:").doesNotContain("ann"));
            assertThat(plain.run("ann", null, "anon delete")).contains("withdrawn");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void answers_given_before_the_operator_set_a_secret_can_still_be_withdrawn_after(TestDatabases.Kind kind) {
        DbSettings db = TestDatabases.fresh(kind);
        try (CoreFixture before = CoreFixture.on(db, CoreFixture.MONDAY_MORNING, CoreSettings.defaults())) {
            before.run("lea", "craft", "guild create Craft");
            before.run("ann", "craft", "guild join");
            before.run("lea", "craft", "moment");
            before.run("ann", null, "anon \"Before the secret.\"");
        }
        try (CoreFixture after = CoreFixture.on(
                db,
                CoreFixture.MONDAY_MORNING.plusSeconds(3600),
                CoreSettings.defaults().withSecret(SECRET))) {
            assertThat(after.run("ann", null, "anon \"Now with the secret.\""))
                    .as("still found: edited, not a second answer")
                    .contains("updated");
            assertThat(after.run("ann", null, "anon delete")).contains("withdrawn");
            assertThat(after.count("SELECT COUNT(*) FROM answer")).isZero();
        }
    }

    /** Rewrites the person's anonymous answer as the code before derived keys stored it: HMAC keyed with the raw secret. */
    private void storeAsVersion1(String user) {
        long round = f.latestRoundId();
        f.db.useTransaction(
                h -> h.update("UPDATE answer SET author_id = ? WHERE anonymous = TRUE", legacyPseudonym(user, round)));
    }

    private static String legacyPseudonym(String user, long round) {
        byte[] mac = Hkdf.hmac(
                SECRET.getBytes(StandardCharsets.UTF_8),
                (CoreFixture.TENANT.key() + "|" + user + "|" + round).getBytes(StandardCharsets.UTF_8));
        return "anon:" + base64url(mac).substring(0, 32);
    }

    private static List<String> strings(CoreFixture fixture, String sql) {
        return fixture.db.withHandle(h -> h.query(sql, rs -> rs.getString(1)));
    }

    private static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

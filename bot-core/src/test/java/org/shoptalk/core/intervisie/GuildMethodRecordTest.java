package org.shoptalk.core.intervisie;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.CoreSettings;
import org.shoptalk.core.record.RecordTokens;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.TestDatabases;
import org.shoptalk.core.web.HttpAnswer;
import org.shoptalk.core.web.HttpCall;
import org.shoptalk.core.web.Route;

/**
 * A session run with a guild's own method, in the personal record and its export (docs/record.md,
 * docs/intervisie.md#a-guilds-own-methods): it is named as the guild named the method, in the record's language, and
 * counts for the method's dimensions, as a built-in method's session does; not by the method's internal id.
 */
class GuildMethodRecordTest {
    private static final String BASE = "https://shoptalk.test";
    private static final Pattern MD_LINK = Pattern.compile(Pattern.quote(BASE) + "/record/([^/\\s]+)/record\\.md");

    private final CoreFixture f = CoreFixture.on(
            TestDatabases.h2(),
            CoreFixture.MONDAY_MORNING,
            CoreSettings.defaults().withSecret(CoreFixture.SECRET));
    private Route page;
    private IntervisieThread session;

    @BeforeEach
    void links() {
        page = f.core().useRecordLinks(() -> BASE, RecordTokens.withSecret(CoreFixture.SECRET, f.clock));
    }

    /** ann brings a case with the guild's own fishbowl method, in a guild of language {@code lang}; lea and bob join. */
    private void fishbowlSessionIn(String lang) {
        IntervisieThread.guild(f, lang, "ann", "bob");
        f.run("lea", "craft", "intervisie method add " + GuildMethodsTest.fishbowl(12));
        session = IntervisieThread.bring(f, "ann", "fishbowl");
        session.say("lea", "join");
        session.say("bob", "join");
        session.say("ann", "A colleague keeps taking over my clients.");
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void the_record_and_its_export_name_a_guilds_own_method_as_the_guild_named_it() {
        fishbowlSessionIn("en");

        assertThat(f.run("ann", null, "record"))
                .contains("Fishbowl #" + session.id + ": case-bringer")
                .doesNotContain("fishbowl #");
        assertThat(f.run("ann", null, "record normative"))
                .as("the method's own dimension counts, as a built-in method's does")
                .contains("Fishbowl #" + session.id);
        assertThat(f.run("bob", null, "record")).contains("Fishbowl #" + session.id + ": participant");

        String markdown = export(f.run("ann", null, "record export"));
        assertThat(markdown).contains("Fishbowl #" + session.id).doesNotContain("fishbowl #");
    }

    /**
     * A finished session keeps its method's name after the lead removed the method; adding a method with that id again
     * works, and its name is the one the record shows from then on.
     */
    @Test
    void a_removed_method_still_names_its_sessions_and_its_id_can_be_added_again() {
        fishbowlSessionIn("en");
        finish();

        assertThat(f.run("lea", "craft", "intervisie method remove fishbowl")).contains("Removed the method fishbowl");
        assertThat(f.run("ann", "craft", "intervisie methods")).doesNotContain("Fishbowl");
        assertThat(f.run("ann", null, "record")).contains("Fishbowl #" + session.id);

        assertThat(f.run(
                        "lea",
                        "craft",
                        "intervisie method add "
                                + GuildMethodsTest.fishbowl(12).replace("\"Fishbowl\"", "\"Goldfish bowl\"")))
                .contains("Added Goldfish bowl");
        assertThat(f.run("ann", null, "record")).contains("Goldfish bowl #" + session.id);
    }

    @Test
    void a_dutch_record_names_the_method_by_its_dutch_name() {
        fishbowlSessionIn("nl");

        assertThat(f.run("ann", null, "dossier"))
                .contains("Vissenkom #" + session.id)
                .doesNotContain("fishbowl #");
    }

    /** The session through its phases, as the existing guild-method test runs it, to its end. */
    private void finish() {
        assertThat(session.answer("ann", "next")).contains("Phase 2 of 4");
        session.say("bob", "What did you say to them?");
        assertThat(session.answer("ann", "next")).contains("Phase 3 of 4");
        session.say("bob", "It sounds like nobody agreed on who owns a client.");
        session.deadline();
        session.say("ann", "I will ask who owns a client.");
        session.deadline();
        assertThat(session.state()).isEqualTo("FINISHED");
    }

    private String export(String reply) {
        Matcher m = MD_LINK.matcher(reply);
        assertThat(m.find()).as(reply).isTrue();
        HttpAnswer md = page.endpoint()
                .handle(new HttpCall("GET", "/record/" + m.group(1) + "/record.md", Map.of(), Map.of(), null, null));
        assertThat(md.status()).isEqualTo(200);
        return md.bodyText();
    }
}

package org.shoptalk.core.intervisie;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.db.DbSettings;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.TestDatabases;

/** A whole intervisie of each built-in method, as the group lives it in the thread. */
class IntervisieSessionTest {
    private final CoreFixture f = CoreFixture.on(database(), CoreFixture.MONDAY_MORNING);

    /** H2 here; {@link IntervisieSessionPostgresTest} runs the same sessions on PostgreSQL. */
    DbSettings database() {
        return TestDatabases.h2();
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void an_incident_session_runs_from_case_to_takeaways_across_a_restart() {
        IntervisieThread.guild(f, "en", "ann", "bob", "cas");
        IntervisieThread s = IntervisieThread.bring(f, "lea", "incident");

        assertThat(s.opening())
                .contains("Intervisie #" + s.id + ": Incident method")
                .contains("Lea brings a case")
                .contains("Write join")
                .contains("stays between us")
                .contains("Phase 1 of 5: The incident")
                .contains("Open until Tue, Nov 24, 09:00");
        s.say("lea", "Yesterday a client walked out of our meeting when I mentioned the deadline.");
        s.say("ann", "join");
        assertThat(s.answer("bob", "Join!")).contains("Enough people to begin").contains("Lea writes next");

        s.say("lea", "next");
        assertThat(s.phase()).isEqualTo(1);
        assertThat(s.lastLine()).contains("Phase 2 of 5: Clarifying questions").contains("No advice");
        s.say("ann", "What did the client say just before leaving?");
        assertThat(s.answer("bob", "You should have called them first."))
                .contains("Bob, that sounds like advice")
                .contains("only ask questions");
        s.say("lea", "They said they felt rushed.");

        f.restart();
        s.deadline();
        assertThat(s.phase()).isEqualTo(2);
        assertThat(s.lastLine()).contains("Phase 3 of 5: What I would have done");
        assertThat(s.answer("lea", "I think I would have...")).contains("Lea, in this phase you listen");
        s.say("ann", "I would have paused and asked what felt rushed.");
        s.say("bob", "I would have named the deadline in the invitation.");

        assertThat(s.answer("lea", "volgende")).contains("Phase 4 of 5: The case-bringer responds");
        s.say("lea", "Naming it earlier fits me; pausing is harder.");
        f.restart();
        assertThat(s.answer("lea", "next")).contains("Phase 5 of 5: Takeaways");
        s.say("lea", "I will name deadlines when I invite.");
        s.say("ann", "Asking what 'rushed' means.");
        s.say("bob", "Less advice, more questions.");
        s.deadline();

        assertThat(s.state()).isEqualTo("FINISHED");
        assertThat(s.lastLine()).contains("That was the last phase");
        assertThat(s.planned()).as("nothing left to fire").isFalse();
        assertThat(f.run("ann", "craft", "intervisie next " + s.id)).contains("has ended");

        f.run("lea", "craft", "digest");
        String digest = f.chat.topLevel("craft")
                .get(f.chat.topLevel("craft").size() - 1)
                .text();
        assertThat(digest)
                .contains("An intervisie took place, with 3 people taking part")
                .doesNotContain("client")
                .doesNotContain("deadline");
    }

    @Test
    void a_gossip_session_in_dutch_lets_the_case_bringer_listen_then_respond() {
        IntervisieThread.guild(f, "nl", "ann", "bob");
        IntervisieThread s = IntervisieThread.bring(f, "lea", "roddel");

        assertThat(s.opening())
                .contains("Roddelmethode")
                .contains("Schrijf meedoen")
                .contains("blijft onder ons")
                .contains("Fase 1 van 6: De casus");
        s.say("lea", "Mijn team vergadert veel en beslist weinig. Hoe krijg ik meer eigenaarschap?");
        s.say("ann", "meedoen");
        s.say("bob", "Meedoen.");
        s.say("ann", "volgende");
        assertThat(s.phase()).as("only the case-bringer moves on").isZero();
        assertThat(privateText("ann"))
                .as("in the private chat, it says which intervisie")
                .contains("Alleen de inbrenger zet intervisie #" + s.id + " door");

        assertThat(s.answer("lea", "volgende")).contains("Fase 2 van 6: Verhelderende vragen");
        s.say("bob", "Wie zit er bij die vergaderingen?");
        assertThat(s.answer("ann", "Je moet gewoon minder vergaderen.")).contains("Ann, dat klinkt als een advies");
        assertThat(s.answer("lea", "volgende")).contains("Fase 3 van 6: Praten over de casus");
        s.say("ann", "Ik vraag me af wie er eigenlijk beslist.");
        assertThat(s.answer("lea", "Nou, dat ben ik meestal.")).contains("Lea, in deze fase luister jij");
        s.say("bob", "Misschien durft niemand het voortouw te nemen.");
        s.deadline();
        assertThat(s.lastLine()).contains("Fase 4 van 6: De inbrenger reageert");
        s.say("lea", "Dat niemand het voortouw durft te nemen, raakt me.");
        assertThat(s.answer("lea", "volgende")).contains("Fase 5 van 6: Advies (mag)");
        assertThat(s.answer("lea", "volgende")).contains("Fase 6 van 6: Wat neem je mee");
        s.say("lea", "Ik vraag vaker wie beslist.");
        s.say("lea", "volgende");

        assertThat(s.state()).isEqualTo("FINISHED");
        assertThat(s.lastLine()).contains("Dat was de laatste fase");
    }

    @Test
    void a_free_session_has_only_the_case_the_questions_and_the_takeaways() {
        IntervisieThread.guild(f, "en", "ann", "bob");
        IntervisieThread s = IntervisieThread.bring(f, "lea", "free");
        assertThat(s.opening()).contains("Free method").contains("Phase 1 of 3: The case");
        s.say("ann", "join");
        s.say("bob", "join");
        s.say("lea", "I doubt whether to take on a second project.");
        s.deadline();
        assertThat(s.lastLine()).contains("Phase 2 of 3: Questions");
        s.say("ann", "What would you stop doing?");
        s.deadline();
        assertThat(s.lastLine()).contains("Phase 3 of 3: Takeaways");
        s.deadline();

        assertThat(s.state()).isEqualTo("FINISHED");
        assertThat(s.botLines()).noneMatch(l -> l.contains("Phase 4"));
    }

    @Test
    void the_methods_are_listed_one_line_each_and_an_unknown_one_is_named() {
        IntervisieThread.guild(f, "en");
        String list = f.run("lea", "craft", "intervisie");
        assertThat(list)
                .contains("intervisie incident - Incident method")
                .contains("intervisie gossip - Gossip method")
                .contains("intervisie free - Free method")
                .contains("3 to 10");
        assertThat(f.run("lea", "craft", "intervision fishbowl"))
                .contains("\"fishbowl\" is not an intervisie method")
                .contains("incident, gossip, free");
        assertThat(f.count("SELECT COUNT(*) FROM intervisie")).isZero();
    }

    @Test
    void someone_outside_the_group_is_invited_to_join_once_and_not_counted() {
        IntervisieThread.guild(f, "en", "ann");
        IntervisieThread s = IntervisieThread.bring(f, "lea", "free");
        s.say("dan", "Interesting case!");
        s.say("dan", "Really.");
        assertThat(s.botLines().stream().filter(l -> l.contains("To take part, write join")))
                .hasSize(1);
        assertThat(f.count("SELECT COUNT(*) FROM intervisie_post")).isZero();
    }

    @Test
    void no_words_of_the_thread_are_stored() {
        IntervisieThread.guild(f, "en", "ann", "bob");
        IntervisieThread s = IntervisieThread.bring(f, "lea", "free");
        s.say("lea", "A very private matter about my colleague.");
        assertThat(f.stored()).doesNotContain("private matter");
        assertThat(f.count("SELECT COUNT(*) FROM intervisie_post")).isEqualTo(1);
        f.clock.advance(Duration.ofMinutes(1));
    }

    private String privateText(String user) {
        var sent = f.chat.privateTo(user);
        return sent.isEmpty() ? "" : sent.get(sent.size() - 1).text();
    }
}

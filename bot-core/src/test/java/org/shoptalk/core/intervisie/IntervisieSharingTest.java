package org.shoptalk.core.intervisie;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.digest.DigestHistory;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.FakeChatPlatform;
import org.shoptalk.core.testing.TestDatabases;

/**
 * Sharing an intervisie's takeaways with the digest (issue 15, section 1; docs/intervisie.md#sharing-takeaways): only
 * by the case-bringer's choice, each other takeaway only with its author's agreement, never with a name, and always
 * as the thread reads now.
 */
class IntervisieSharingTest {
    private final CoreFixture f = CoreFixture.on(TestDatabases.h2(), CoreFixture.MONDAY_MORNING);

    @AfterEach
    void close() {
        f.close();
    }

    /** A free session of lea (case-bringer), ann and bob that reaches its takeaways; returns it in its last phase. */
    private IntervisieThread toTakeaways(String lang) {
        IntervisieThread.guild(f, lang, "ann", "bob");
        IntervisieThread s = IntervisieThread.bring(f, "lea", lang.equals("nl") ? "vrij" : "free");
        s.say("ann", lang.equals("nl") ? "meedoen" : "join");
        s.say("bob", lang.equals("nl") ? "meedoen" : "join");
        s.say("lea", "I doubt whether to take on a second project for the Vermeer client.");
        s.deadline();
        s.say("ann", "What would you stop doing?");
        s.deadline();
        assertThat(s.phase()).isEqualTo(2);
        return s;
    }

    @Test
    void without_the_case_bringers_choice_the_digest_shows_only_the_count() {
        IntervisieThread s = toTakeaways("en");
        s.say("lea", "Saying no is part of the craft.");
        s.say("ann", "Ask what someone would stop doing.");
        s.say("ann", "share");
        s.deadline();

        String digest = digest();
        assertThat(digest)
                .contains("An intervisie took place, with 3 people taking part")
                .doesNotContain("What the group took away")
                .doesNotContain("Saying no")
                .doesNotContain("Ask what someone");
        assertThat(privateText("ann")).contains("if the case-bringer of intervisie #" + s.id + " chooses to share");
    }

    @Test
    void the_case_bringer_shares_and_only_takeaways_whose_authors_agreed_appear_without_names() {
        IntervisieThread s = toTakeaways("en");
        s.say("lea", "Saying no is part of the craft.");
        s.say("ann", "Ask what someone would stop doing.");
        s.say("bob", "I recognise my own overload in this.");
        s.deadline();
        FakeChatPlatform.Sent closing = lastInThread(s);
        assertThat(closing.text()).contains("That was the last phase").contains("write share");
        assertThat(buttons(closing)).containsExactly("intervisie share " + s.id);

        assertThat(f.run("ann", "craft", "intervisie share " + s.id)).contains("if the case-bringer");
        assertThat(f.run("lea", null, buttons(closing).get(0)))
                .contains("will appear in the weekly digest without names");
        assertThat(s.lastLine()).contains("Lea shares the takeaways with the weekly digest");

        assertThat(f.chat.privateTo("ann")).noneMatch(x -> x.text().contains("May your own takeaway go along"));
        FakeChatPlatform.Sent ask =
                f.chat.privateTo("bob").get(f.chat.privateTo("bob").size() - 1);
        assertThat(ask.text()).contains("May your own takeaway go along?");
        assertThat(buttons(ask)).containsExactly("intervisie share " + s.id, "intervisie keep " + s.id);
        f.run("bob", null, buttons(ask).get(1));

        FakeChatPlatform.Sent digest = digestSent();
        assertThat(digest.text())
                .contains("An intervisie took place, with 3 people taking part")
                .contains("What the group took away, shared by choice:")
                .contains("Saying no is part of the craft.")
                .contains("Ask what someone would stop doing.")
                .doesNotContain("overload")
                .doesNotContain("Vermeer")
                .doesNotContain("What would you stop doing?");
        assertThat(quotes(digest))
                .filteredOn(q -> q.text().contains("Saying no") || q.text().contains("Ask what"))
                .hasSize(2)
                .allSatisfy(q -> assertThat(q.attribution()).isNull());

        f.run("bob", null, "intervisie share " + s.id);
        assertThat(digest()).contains("overload");
    }

    @Test
    void a_dutch_guild_shares_with_thread_words_and_reads_its_takeaways_in_dutch() {
        IntervisieThread s = toTakeaways("nl");
        s.say("lea", "Nee zeggen hoort bij het vak.");
        s.say("ann", "Vragen wat iemand zou laten.");
        s.say("lea", "delen");
        assertThat(s.lastLine()).contains("Lea deelt de inzichten met het weekoverzicht, zonder namen");
        FakeChatPlatform.Sent ask =
                f.chat.privateTo("ann").get(f.chat.privateTo("ann").size() - 1);
        assertThat(ask.text()).contains("Mag jouw eigen inzicht mee?");
        assertThat(buttons(ask)).containsExactly("intervisie delen " + s.id, "intervisie houden " + s.id);
        assertThat(f.run("ann", null, buttons(ask).get(0))).contains("komt zonder je naam in het weekoverzicht");
        s.say("lea", "volgende");
        assertThat(s.state()).isEqualTo("FINISHED");

        assertThat(digest())
                .contains("Er was een intervisie, met 3 deelnemers.")
                .contains("Wat de groep meenam, gedeeld door eigen keuze:")
                .contains("Nee zeggen hoort bij het vak.")
                .contains("Vragen wat iemand zou laten.");
    }

    @Test
    void an_edited_takeaway_reads_as_edited_and_a_deleted_or_forgotten_one_is_gone_from_digest_and_page() {
        IntervisieThread s = toTakeaways("en");
        String leas = s.say("lea", "Saying no is part of the craft.");
        String anns = s.say("ann", "Ask what someone would stop doing.");
        s.say("bob", "Protect one quiet morning a week.");
        s.say("lea", "share");
        f.run("ann", null, "intervisie share " + s.id);
        f.run("bob", null, "intervisie share " + s.id);
        s.deadline();

        f.edit("craft", anns, "Ask what someone would stop doing, and listen.");
        f.delete("craft", leas);
        assertThat(digest())
                .contains("Ask what someone would stop doing, and listen.")
                .doesNotContain("Saying no")
                .contains("Protect one quiet morning");
        assertThat(page())
                .containsExactly(
                        List.of("Ask what someone would stop doing, and listen.", "Protect one quiet morning a week."));

        f.run("bob", null, "forget me confirm");
        assertThat(page()).containsExactly(List.of("Ask what someone would stop doing, and listen."));

        assertThat(f.run("ann", "craft", "intervisie keep " + s.id)).contains("stays in its thread");
        assertThat(page()).containsExactly(List.of());
        f.run("ann", "craft", "intervisie share " + s.id);
        assertThat(f.run("lea", "craft", "intervisie keep " + s.id)).contains("no longer appear in the digest");
        assertThat(page()).containsExactly(List.of());
        assertThat(digest()).doesNotContain("What the group took away");
    }

    @Test
    void sharing_waits_for_the_takeaways_and_is_only_for_participants() {
        IntervisieThread.guild(f, "en", "ann", "bob", "dan");
        IntervisieThread s = IntervisieThread.bring(f, "lea", "incident");
        s.say("ann", "join");
        s.say("bob", "join");
        assertThat(f.run("lea", "craft", "intervisie share " + s.id))
                .contains("can be shared once the takeaway phase has begun");
        assertThat(f.run("dan", "craft", "intervisie share " + s.id)).contains("You do not take part");
        assertThat(f.count("SELECT COUNT(*) FROM intervisie WHERE shared_at IS NOT NULL"))
                .isZero();
        assertThat(f.count("SELECT COUNT(*) FROM intervisie_consent")).isZero();
    }

    /** The takeaways the web page and the exports read for the intervisies of the last week. */
    private List<List<String>> page() {
        var guild = f.db.withHandle(h -> new org.shoptalk.core.guild.GuildStore().findForTask(h, 1L))
                .orElseThrow();
        DigestHistory.Period period = DigestHistory.withIds(f.db)
                .read(guild, f.clock.instant().minus(java.time.Duration.ofDays(7)), f.clock.instant());
        return period.intervisies().stream()
                .map(Intervisies.Finished::takeaways)
                .toList();
    }

    private String digest() {
        return digestSent().text();
    }

    private FakeChatPlatform.Sent digestSent() {
        f.run("lea", "craft", "digest");
        List<FakeChatPlatform.Sent> top = f.chat.topLevel("craft");
        return top.get(top.size() - 1);
    }

    private FakeChatPlatform.Sent lastInThread(IntervisieThread s) {
        List<FakeChatPlatform.Sent> in = f.chat.all().stream()
                .filter(x -> s.thread.equals(x.threadId()) && !x.id().equals(s.thread))
                .toList();
        return in.get(in.size() - 1);
    }

    private static List<String> buttons(FakeChatPlatform.Sent s) {
        return s.message().blocks().stream()
                .filter(b -> b instanceof ChatMessage.Block.Button)
                .map(b -> ((ChatMessage.Block.Button) b).command())
                .toList();
    }

    private static List<ChatMessage.Block.Quote> quotes(FakeChatPlatform.Sent s) {
        return s.message().blocks().stream()
                .filter(b -> b instanceof ChatMessage.Block.Quote)
                .map(b -> (ChatMessage.Block.Quote) b)
                .toList();
    }

    private String privateText(String user) {
        var sent = f.chat.privateTo(user);
        return sent.isEmpty() ? "" : sent.get(sent.size() - 1).text();
    }
}

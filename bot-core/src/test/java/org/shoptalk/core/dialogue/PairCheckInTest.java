package org.shoptalk.core.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.shoptalk.core.CoreSettings;
import org.shoptalk.core.ShoptalkCore;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.task.Task;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.FakeChatPlatform;
import org.shoptalk.core.testing.PlannedRuns;
import org.shoptalk.core.testing.TestDatabases;

/**
 * Professional friends' one check-in (issue 15, section 3): a week after pairing each member is asked privately, once,
 * whether they met, with buttons and as a command; the digest counts pairs that met, not pairs formed. One check-in
 * per member under reruns, restarts and two instances at once, on H2 and PostgreSQL.
 */
class PairCheckInTest {
    /** Monday 2026-11-30 10:00 in Amsterdam: the guild's first pairing. */
    private static final Instant PAIRED = Instant.parse("2026-11-30T09:00:00Z");
    /** A week later, at the same time on the guild's clock. */
    private static final Instant WEEK_LATER = Instant.parse("2026-12-07T09:00:00Z");

    private CoreFixture f;

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    /** Lea leads Craft; Ann and Bob opted in for professional friends, and were paired on {@link #PAIRED}. */
    private long annAndBobPaired(TestDatabases.Kind kind) {
        f = CoreFixture.on(TestDatabases.fresh(kind), CoreFixture.MONDAY_MORNING);
        return pairAnnAndBob();
    }

    private long pairAnnAndBob() {
        f.run("lea", "craft", "guild create Craft lang en tz Europe/Amsterdam");
        for (String p : List.of("ann", "bob")) {
            f.run(p, "craft", "guild join");
            f.run(p, "craft", "pairs on");
        }
        f.run("lea", "craft", "pairs every 2 weeks");
        f.clock.set(PAIRED);
        f.core().runTask(new Task.Pairs(1), PAIRED);
        f.chat.clear();
        return f.count("SELECT id FROM pairing");
    }

    private List<PlannedRuns.Fired> checkIns(long pair) {
        return PlannedRuns.fireUntil(f, new Task.CheckIn(pair), WEEK_LATER.plus(java.time.Duration.ofDays(7)));
    }

    private static List<String> buttons(FakeChatPlatform.Sent s) {
        return s.message().blocks().stream()
                .filter(b -> b instanceof ChatMessage.Block.Button)
                .map(b -> ((ChatMessage.Block.Button) b).command())
                .toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_week_after_pairing_each_member_is_asked_once_privately_with_three_buttons(TestDatabases.Kind kind) {
        long pair = annAndBobPaired(kind);
        assertThat(PlannedRuns.planned(f, new Task.CheckIn(pair))).containsExactly(WEEK_LATER);

        List<PlannedRuns.Fired> fired = checkIns(pair);

        assertThat(fired).extracting(PlannedRuns.Fired::at).containsExactly(WEEK_LATER);
        assertThat(f.chat.all()).as("only in private").allMatch(s -> s.privateTo() != null);
        FakeChatPlatform.Sent toAnn = f.chat.privateTo("ann").get(0);
        assertThat(f.chat.privateTo("ann")).hasSize(1);
        assertThat(f.chat.privateTo("bob")).hasSize(1);
        assertThat(f.chat.privateTo("lea")).isEmpty();
        assertThat(toAnn.text())
                .contains("A week ago you and <@bob> became professional friends in Craft. Did you manage to talk?")
                .contains("[We talked]")
                .contains("[Not yet]")
                .contains("[Skip]");
        assertThat(buttons(toAnn)).containsExactly("pairs met " + pair, "pairs not yet " + pair, "pairs skip " + pair);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void the_digest_counts_pairs_that_met_not_pairs_formed(TestDatabases.Kind kind) {
        long pair = annAndBobPaired(kind);
        checkIns(pair);
        f.run("lea", "craft", "digest");
        assertThat(f.chat.last().text()).doesNotContain("professional friends met");

        String reply =
                f.run("ann", null, buttons(f.chat.privateTo("ann").get(0)).get(0));
        f.run("bob", null, "pairs met " + pair);
        f.run("lea", "craft", "digest");

        assertThat(reply).contains("Good to hear").contains("digest of Craft");
        assertThat(f.chat.last().text())
                .contains("1 pair of professional friends met")
                .doesNotContain("<@ann>")
                .doesNotContain("Bob");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void not_yet_and_skip_are_noted_and_nobody_is_asked_again(TestDatabases.Kind kind) {
        long pair = annAndBobPaired(kind);
        checkIns(pair);

        assertThat(f.run("ann", null, "pairs not yet " + pair))
                .contains("not yet")
                .contains("/shoptalk pairs met " + pair);
        assertThat(f.run("bob", null, "pairs skip #" + pair)).contains("Skipped");
        f.restart();
        f.core().runTask(new Task.CheckIn(pair), WEEK_LATER.plus(java.time.Duration.ofHours(1)));
        f.run("lea", "craft", "digest");

        assertThat(f.chat.privateTo("ann"))
                .as("asked once, not again after answering")
                .hasSize(1);
        assertThat(f.chat.privateTo("bob")).hasSize(1);
        assertThat(f.chat.last().text()).doesNotContain("professional friends met");
        List<String> answers = f.db.withHandle(h -> h.query(
                "SELECT answer FROM pair_checkin WHERE pairing_id = ? ORDER BY user_id", rs -> rs.getString(1), pair));
        assertThat(answers).containsExactly("NOT_YET", "SKIP");
    }

    @Test
    void only_a_member_of_the_pair_can_answer_for_it() {
        long pair = annAndBobPaired(TestDatabases.Kind.H2);

        assertThat(f.run("lea", null, "pairs met " + pair))
                .contains("There is no pair #" + pair + " that you are part of");
        assertThat(f.run("ann", null, "pairs met 999")).contains("There is no pair #999");
        assertThat(f.count("SELECT COUNT(*) FROM pair_checkin")).isZero();
        assertThat(f.count("SELECT COUNT(*) FROM pairing WHERE met_at IS NOT NULL"))
                .isZero();
    }

    @Test
    void a_dutch_guild_answers_in_dutch_words() {
        f = CoreFixture.onH2();
        f.run("lea", "zorg", "guild create Zorg lang nl tz Europe/Amsterdam");
        for (String p : List.of("ann", "bob")) {
            f.run(p, "zorg", "guild join");
            f.run(p, "zorg", "pairs aan");
        }
        f.run("lea", "zorg", "pairs elke 1 weken");
        f.clock.set(PAIRED);
        f.core().runTask(new Task.Pairs(1), PAIRED);
        long pair = f.count("SELECT id FROM pairing");
        checkIns(pair);

        assertThat(f.chat.privateTo("ann").get(1).text())
                .contains("Een week geleden werden jij en <@bob> vakvrienden in Zorg")
                .contains("[We hebben gepraat]");
        assertThat(f.run("ann", null, "pairs gesproken " + pair)).contains("Fijn om te horen");
        assertThat(f.run("bob", null, "pairs nog niet " + pair)).contains("Genoteerd: nog niet");
        f.run("lea", "zorg", "digest");
        assertThat(f.chat.last().text()).contains("1 duo vakvrienden sprak elkaar");
    }

    @Test
    void the_check_in_waits_for_a_members_quiet_hours_to_end_in_their_own_zone() {
        f = CoreFixture.onH2();
        f.chat.zoneOf("bob", ZoneId.of("America/New_York"));
        long pair = pairAnnAndBob();

        List<PlannedRuns.Fired> fired = checkIns(pair);

        // 10:00 in Amsterdam is 04:00 in New York: Bob's night ends at 08:00 there.
        assertThat(fired).hasSize(2);
        assertThat(fired.get(0).sent()).extracting(s -> s.privateTo().id()).containsExactly("ann");
        assertThat(fired.get(1).sent()).extracting(s -> s.privateTo().id()).containsExactly("bob");
        assertThat(fired.get(1).at().atZone(ZoneId.of("America/New_York")).toLocalTime())
                .isEqualTo(LocalTime.of(8, 0));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void two_instances_running_the_check_in_at_once_ask_each_member_once(TestDatabases.Kind kind) throws Exception {
        long pair = annAndBobPaired(kind);
        f.clock.set(WEEK_LATER);
        // A second instance on the same database, as in a cluster, with the same chat platform.
        ShoptalkCore second = ShoptalkCore.create(f.db, CoreSettings.defaults(), f.clock);
        second.register(f.chat);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (ShoptalkCore core : List.of(f.core(), second, f.core(), second)) {
                runs.add(pool.submit(() -> {
                    start.await();
                    core.runTask(new Task.CheckIn(pair), WEEK_LATER);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
            second.close();
        }

        assertThat(f.chat.privateTo("ann")).hasSize(1);
        assertThat(f.chat.privateTo("bob")).hasSize(1);
        assertThat(f.count("SELECT COUNT(*) FROM pair_checkin WHERE pairing_id = ?", pair))
                .isEqualTo(2);
    }

    @Test
    void forget_me_drops_the_persons_answer_but_the_pair_stays_counted() {
        long pair = annAndBobPaired(TestDatabases.Kind.H2);
        checkIns(pair);
        f.run("ann", null, "pairs met " + pair);

        f.run("ann", "craft", "forget me confirm");

        assertThat(f.count("SELECT COUNT(*) FROM pair_checkin WHERE user_id = 'ann'"))
                .isZero();
        assertThat(f.count("SELECT COUNT(*) FROM pairing WHERE met_at IS NOT NULL"))
                .isEqualTo(1);
    }
}

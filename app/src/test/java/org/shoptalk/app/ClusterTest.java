package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.shoptalk.core.CoreSettings;
import org.shoptalk.core.ShoptalkCore;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatEvent;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.DbSettings;
import org.shoptalk.core.local.LocalChat;
import org.shoptalk.core.testing.TestDatabases;

/**
 * Two Shoptalk instances, each its own JVM, clustered on one PostgreSQL with the local console as chat.
 * Fifty guilds get a moment in one minute and fifty more in the next; the first wave runs with both
 * instances up, and during the second one instance is killed outright (SIGKILL, while its posts are in
 * flight). Every count is read from the shared database, where the local console keeps what the bot posted.
 * The whole class takes about two and a half minutes, most of it waiting for the two minutes to come.
 *
 * <p>Nothing here waits for a time to be long enough: each instance holds the prompts of a wave on their way to the
 * platform ({@link ClusterNode#hold}) until the test has seen what it needs, both instances running moments of the
 * first wave, and the instance to be killed running moments on either side of a prompt landing, then lets them go.
 * A held prompt keeps its worker thread, so an instance holds at most as many as it has threads and the other one
 * gets the rest of the wave.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {
    private static final int GUILDS = 50;
    /** A chat API's round trip, so a moment takes as long to post as it would on Slack or Teams. */
    private static final Duration CHAT_LATENCY = Duration.ofMillis(300);
    /**
     * Quartz declares an instance dead 7.5 s after its first missed check-in (every 5 s) and the survivor notices at
     * its own next check-in: about 13-18 s after a kill. The rest is slack for a busy machine.
     */
    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(30);

    /** The channels of each wave, "first-0" to "first-49" and "second-0" to "second-49", start so. */
    private static final String FIRST = "first-";

    private static final String SECOND = "second-";

    /**
     * Where Quartz puts the one-shot triggers that run again what a dead instance was running (its
     * Scheduler.DEFAULT_RECOVERY_GROUP); each lives until its run completes.
     */
    private static final String RECOVERY_GROUP = "RECOVERING_JOBS";

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    /** "Tue 04:17", as the digest-at command takes it. */
    private static final DateTimeFormatter DIGEST_DAY_AND_TIME =
            DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Database db;
    private ClusterNode alpha;
    private ClusterNode beta;
    private Instant firstWave;
    private Instant secondWave;
    private long setupDone;

    @BeforeAll
    void startTwoInstancesAndPlanTwoWaves() throws Exception {
        DbSettings settings = TestDatabases.postgres();
        db = Database.start(settings);
        alpha = ClusterNode.start("alpha", settings, CHAT_LATENCY);
        beta = ClusterNode.start("beta", settings, CHAT_LATENCY);
        alpha.awaitReady(Duration.ofSeconds(90));
        beta.awaitReady(Duration.ofSeconds(90));
        for (ClusterNode node : List.of(alpha, beta)) {
            node.hold(FIRST);
            node.hold(SECOND);
        }
        for (int i = 0; i < GUILDS; i++) {
            for (String wave : List.of("first", "second")) {
                String reply =
                        nodeFor(i).command(channel(wave, i), "lea", "guild create " + wave + i + " lang en tz UTC");
                assertThat(reply).contains("reflects here");
            }
        }
        // Both waves are set after the guilds exist, so the minutes are surely still ahead when planned.
        firstWave =
                Instant.now().plusSeconds(20).truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        secondWave = firstWave.plus(1, ChronoUnit.MINUTES);
        // Each guild's weekly digest (Friday 16:00 UTC unless told) goes half a week away from the waves, so a run on a
        // Friday afternoon counts only the moments.
        String digestAt = DIGEST_DAY_AND_TIME.format(firstWave.plus(Duration.ofHours(84)));
        for (int i = 0; i < GUILDS; i++) {
            assertThat(nodeFor(i).command(channel("first", i), "lea", "schedule at " + MINUTE.format(firstWave)))
                    .contains("planned");
            assertThat(nodeFor(i + 1).command(channel("second", i), "lea", "schedule at " + MINUTE.format(secondWave)))
                    .contains("planned");
            for (String wave : List.of("first", "second")) {
                assertThat(nodeFor(i).command(channel(wave, i), "lea", "digest at " + digestAt))
                        .contains("weekly digest now comes");
            }
        }
        setupDone = db.withHandle(h -> h.count("SELECT COALESCE(MAX(id), 0) FROM local_message"));
        System.out.printf("cluster test: set up at %s, waves at %s and %s%n", Instant.now(), firstWave, secondWave);
    }

    @AfterAll
    void stop() {
        if (alpha != null) {
            alpha.close();
        }
        if (beta != null) {
            beta.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    @Order(1)
    void fifty_moments_due_in_the_same_minute_are_each_posted_once_by_two_instances() throws InterruptedException {
        try {
            poll(
                    () -> !alpha.held(FIRST).isEmpty() && !beta.held(FIRST).isEmpty(),
                    firstWave.plusSeconds(60),
                    () -> "both instances to run a moment of the first wave; " + progress("first"));
        } finally {
            alpha.release(FIRST);
            beta.release(FIRST);
        }
        awaitSettled("first", firstWave.plusSeconds(60));

        Map<String, Long> posts = roundPosts("first");
        System.out.printf(
                "cluster test: first wave settled %d ms after its minute; alpha posted %d, beta %d%n",
                Duration.between(firstWave, Instant.now()).toMillis(), alpha.posted(), beta.posted());
        assertThat(posts)
                .hasSize(GUILDS)
                .allSatisfy((channel, count) -> assertThat(count).as(channel).isEqualTo(1));
        assertThat(threadsKnown("first"))
                .as("rounds that know their thread, so answers there are kept")
                .isEqualTo(GUILDS);
        assertThat(alpha.posted()).as("alpha took part").isPositive();
        assertThat(beta.posted()).as("beta took part").isPositive();
    }

    @Test
    @Order(2)
    void an_instance_killed_mid_run_hands_its_moments_to_the_other_with_nothing_lost_or_doubled()
            throws InterruptedException {
        Instant killed;
        long running;
        int postedBefore;
        try {
            poll(
                    () -> alpha.heldBeforeLanding(SECOND) > 0 && alpha.heldAfterLanding(SECOND) > 0,
                    secondWave.plusSeconds(60),
                    () -> "alpha to run a moment of the second wave before and one after its prompt landed; "
                            + progress("second"));
            alpha.kill();
            killed = Instant.now();
            running = db.withHandle(h -> h.count(
                    "SELECT COUNT(*) FROM qrtz_fired_triggers WHERE instance_name = 'alpha' AND state = 'EXECUTING'"));
            postedBefore = roundPosts("second").size();
        } finally {
            beta.release(SECOND);
        }

        awaitTakenOver(alpha.id(), "second", killed.plus(TAKEOVER_LIMIT));

        Duration takeover = Duration.between(killed, Instant.now());
        Map<String, Long> posts = roundPosts("second");
        System.out.printf(
                "cluster test: alpha killed with %d moments running (prompts held: %s) and %d of %d posted; beta"
                        + " finished the rest within %d ms: %d moments run again, %d interrupted posts found landed,"
                        + " %d posted again%n",
                running,
                alpha.held(SECOND),
                postedBefore,
                GUILDS,
                takeover.toMillis(),
                beta.logged("runs again: the instance running it"),
                beta.logged("had landed"),
                beta.logged("posting again"));
        assertThat(running).as("moments alpha was running when it died").isPositive();
        assertThat(posts)
                .hasSize(GUILDS)
                .allSatisfy((channel, count) -> assertThat(count).as(channel).isEqualTo(1));
        assertThat(threadsKnown("second"))
                .as("rounds that know their thread, so answers there are kept")
                .isEqualTo(GUILDS);
        assertThat(takeover).isLessThanOrEqualTo(TAKEOVER_LIMIT);
        assertThat(beta.isAlive()).isTrue();
    }

    @Test
    @Order(3)
    void an_answer_delivered_to_two_instances_at_once_is_stored_once() throws Exception {
        DbSettings settings = TestDatabases.postgres();
        try (Database one = Database.start(settings);
                Database two = Database.start(settings)) {
            ShoptalkCore first = core(one, "one");
            ShoptalkCore second = core(two, "two");
            try {
                answerTwiceAtOnce(first, one, second, two);
            } finally {
                first.close();
                second.close();
            }
        }
    }

    private static void answerTwiceAtOnce(ShoptalkCore first, Database db, ShoptalkCore second, Database otherDb)
            throws Exception {
        LocalChat chat = new LocalChat(db, Clock.systemUTC(), first::shoptalk);
        first.register(chat.platform());
        second.register(new LocalChat(otherDb, Clock.systemUTC(), second::shoptalk).platform());
        chat.post("craft", "lea", "/shoptalk guild create Craft lang en", null);
        chat.post("craft", "lea", "/shoptalk moment", null);
        String thread = db.withHandle(h -> h.queryOne("SELECT thread_id FROM round_post", rs -> rs.getString(1)))
                .orElseThrow();
        ChatEvent answer = new ChatEvent.MessagePosted(
                new ChannelRef(Tenant.LOCAL, "craft"),
                new UserRef(Tenant.LOCAL, "ann"),
                "slack-like-id-7",
                thread,
                "Knowing when to stop polishing.",
                List.of(),
                Instant.now());

        List<Boolean> firsts = bothAtOnce(
                () -> {
                    first.onEvent(answer);
                    return first.firstDelivery(Tenant.LOCAL, "event-7");
                },
                () -> {
                    second.onEvent(answer);
                    return second.firstDelivery(Tenant.LOCAL, "event-7");
                });

        assertThat(firsts).containsExactlyInAnyOrder(true, false);
        long stored = db.withHandle(h -> h.count("SELECT COUNT(*) FROM answer WHERE message_id = 'slack-like-id-7'"));
        assertThat(stored).isEqualTo(1);
    }

    private static ShoptalkCore core(Database db, String instanceId) {
        return ShoptalkCore.create(
                db,
                new CoreSettings(Duration.ofHours(6), Duration.ofHours(72), Duration.ofHours(24), true, instanceId),
                Clock.systemUTC());
    }

    private static List<Boolean> bothAtOnce(Callable<Boolean> one, Callable<Boolean> two) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (Callable<Boolean> work : List.of(one, two)) {
                results.add(pool.submit(() -> {
                    go.await();
                    return work.call();
                }));
            }
            go.countDown();
            List<Boolean> values = new ArrayList<>();
            for (Future<Boolean> result : results) {
                values.add(result.get(30, TimeUnit.SECONDS));
            }
            return values;
        } finally {
            pool.shutdownNow();
        }
    }

    private ClusterNode nodeFor(int i) {
        return i % 2 == 0 ? alpha : beta;
    }

    private static String channel(String wave, int i) {
        return wave + "-" + i;
    }

    /** How many prompts the bot posted top-level in each of the wave's channels since setup (channels with none left out). */
    private Map<String, Long> roundPosts(String wave) {
        List<Map.Entry<String, Long>> rows = db.withHandle(h -> h.query(
                "SELECT channel_id, COUNT(*) AS posts FROM local_message WHERE kind = 'BOT' AND thread_id IS NULL"
                        + " AND visible_to IS NULL AND id > ? AND channel_id LIKE ? GROUP BY channel_id",
                rs -> Map.entry(rs.getString("channel_id"), rs.getLong("posts")),
                setupDone,
                wave + "-%"));
        Map<String, Long> counts = new TreeMap<>();
        rows.forEach(row -> counts.put(row.getKey(), row.getValue()));
        return counts;
    }

    /** Channel posts of the wave recorded with the thread of the prompt really in that channel. */
    private long threadsKnown(String wave) {
        return db.withHandle(h -> h.count(
                "SELECT COUNT(*) FROM round_post p JOIN local_message m"
                        + " ON m.channel_id = p.channel_id AND CAST(m.id AS VARCHAR(20)) = p.thread_id"
                        + " WHERE p.state = 'POSTED' AND m.kind = 'BOT' AND m.thread_id IS NULL AND p.channel_id LIKE ?",
                wave + "-%"));
    }

    /**
     * Waits until every guild of the wave has its round, no channel post is still pending or in flight, and no
     * instance is running a task: the moment nothing more can be posted for this wave.
     */
    private void awaitSettled(String wave, Instant deadline) {
        poll(
                () -> settled(wave),
                deadline,
                () -> "every round of the " + wave + " wave to be posted; " + progress(wave));
    }

    /**
     * As {@link #awaitSettled}, and also until the survivor has recovered the dead instance and finished what it
     * recovered: the dead one is gone from Quartz's check-ins, and no recovery run is left. The survivor's recovery
     * deletes the dead one's check-in and running rows and plans the recovery runs in one transaction, so between that
     * commit and the recovery runs nothing is running and the wave could look settled: the counts were once read about
     * 0.2 s before a recovery run.
     */
    private void awaitTakenOver(String deadInstance, String wave, Instant deadline) {
        poll(
                () -> settled(wave)
                        && db.withHandle(h -> h.count(
                                                "SELECT COUNT(*) FROM qrtz_scheduler_state WHERE instance_name = ?",
                                                deadInstance)
                                        == 0
                                && h.count("SELECT COUNT(*) FROM qrtz_triggers WHERE trigger_group = ?", RECOVERY_GROUP)
                                        == 0),
                deadline,
                () -> deadInstance + "'s moments to be recovered and every round of the " + wave + " wave posted; "
                        + progress(wave));
    }

    private boolean settled(String wave) {
        return db.withHandle(h -> h.count(
                                "SELECT COUNT(*) FROM round r JOIN guild g ON g.id = r.guild_id WHERE g.name LIKE ?",
                                wave + "%")
                        == GUILDS
                && h.count("SELECT COUNT(*) FROM round_post WHERE state <> 'POSTED'") == 0
                && h.count("SELECT COUNT(*) FROM qrtz_fired_triggers WHERE state = 'EXECUTING'") == 0);
    }

    /** What a wave got to, for a failure message. */
    private String progress(String wave) {
        return db.withHandle(h -> "rounds: "
                + h.count(
                        "SELECT COUNT(*) FROM round r JOIN guild g ON g.id = r.guild_id" + " WHERE g.name LIKE ?",
                        wave + "%")
                + ", channel posts by state: "
                + h.query(
                        "SELECT state, COUNT(*) AS n FROM round_post GROUP BY state",
                        rs -> rs.getString("state") + "=" + rs.getLong("n"))
                + ", tasks running: "
                + h.query(
                        "SELECT instance_name, COUNT(*) AS n FROM qrtz_fired_triggers"
                                + " WHERE state = 'EXECUTING' GROUP BY instance_name",
                        rs -> rs.getString("instance_name") + "=" + rs.getLong("n"))
                + ", instances checked in: "
                + h.query("SELECT instance_name FROM qrtz_scheduler_state", rs -> rs.getString(1))
                + ", recovery runs planned: "
                + h.count("SELECT COUNT(*) FROM qrtz_triggers WHERE trigger_group = ?", RECOVERY_GROUP)
                + ", channels posted in: " + roundPosts(wave).size());
    }

    private static void poll(BooleanSupplier done, Instant deadline, Supplier<String> what) {
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("gave up waiting for " + what.get() + " at " + deadline);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what.get(), e);
            }
        }
    }
}

package org.shoptalk.core.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.shoptalk.core.chat.ChatEvent;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.StatementCounter;
import org.shoptalk.core.testing.TestDatabases;

/**
 * What each unit of work asks of the database, counted (issue 13: at 10,000 moments a minute or 500 answers a second,
 * every round trip is paid thousands of times). Counts, not timings: the same code asks the same questions on any
 * machine, so these bounds fail only when a change adds statements, never because the machine was busy. The counts
 * before and after the cuts are in docs/performance.md; a change that needs more should say why there.
 */
class RoundTripsTest {
    /** Monday 23 Nov 2026 09:30 in Amsterdam. */
    private static final Instant MOMENT = CoreFixture.MONDAY_MORNING.plus(Duration.ofMinutes(30));
    /** Friday 16:00 in Amsterdam, the guild's digest. */
    private static final Instant DIGEST =
            CoreFixture.MONDAY_MORNING.plus(Duration.ofDays(4)).plus(Duration.ofHours(7));

    private final StatementCounter counter = new StatementCounter();

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void firing_a_moment_posts_it_in_a_bounded_number_of_statements(TestDatabases.Kind kind) {
        try (CoreFixture f = guildWithMondayMoment(kind)) {
            f.clock.set(MOMENT);
            counter.reset();

            f.core().runTask(new Task.Moment(1), MOMENT);

            StatementCounter.Tally core = counter.tally();
            StatementCounter.Tally quartz = counter.quartz();
            assertThat(f.chat.topLevel("craft")).hasSize(1);
            // Read schedule, guild and holidays; open the round (channels, guild lock, the guild's own prompts and
            // every theme's current pass for the rotation, the prompt's use, the round, its post claimed as it is
            // added); record the post. Was 20 statements, 3 commits, 10 connections; then 14 statements and 4
            // connections (the rotation read a theme's last use, pass and used prompts apart; a claim of its own). The
            // twelfth writes the round's reminder and connect check to the outbox the relay plans them from, instead
            // of Quartz planning them as the moment fires.
            assertThat(core.statements()).as(core.toString()).isLessThanOrEqualTo(12);
            assertThat(core.commits()).as(core.toString()).isLessThanOrEqualTo(1);
            assertThat(core.connections()).as(core.toString()).isLessThanOrEqualTo(3);
            // No savepoints on either database: PostgreSQL skips duplicates with ON CONFLICT, H2 rolls a failed
            // statement back on its own (it had 6 SAVEPOINT commands, each parsed anew).
            assertThat(core.savepoints()).as(core.toString()).isZero();
            // Quartz plans next week's moment (its job exists, which Quartz finds before writing and rolls back, then
            // the
            // trigger alone) and, as no relay run is planned yet, the follow-up relay's run: 14 statements, 2 commits.
            // The
            // round's reminder and connect check are no longer planned here but by that run, for every round opened in
            // the half minute before it, in one transaction. Was 23 statements in 6 transactions, then 21 statements,
            // 3 commits and 1 rollback, then 21 with the reminder and connect check planned together.
            assertThat(quartz.statements()).as(quartz.toString()).isLessThanOrEqualTo(14);
            assertThat(quartz.commits()).as(quartz.toString()).isLessThanOrEqualTo(2);
            assertThat(quartz.rollbacks()).as(quartz.toString()).isLessThanOrEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void storing_an_answer_takes_the_same_statements_in_a_round_of_fifty_as_in_a_round_of_three(
            TestDatabases.Kind kind) {
        try (CoreFixture f = guildWithMondayMoment(kind)) {
            f.run("lea", "craft", "moment");
            String thread = f.latestRoundThread("craft");
            List<StatementCounter.Tally> answers = new java.util.ArrayList<>();
            for (int i = 1; i <= 50; i++) {
                // Two people take turns, so every answer after the first two asks "whom does this respond to".
                String author = i % 2 == 0 ? "ann" : "bob";
                ChatEvent answer = new ChatEvent.MessagePosted(
                        CoreFixture.channel("craft"),
                        CoreFixture.user(author),
                        "m-" + i,
                        thread,
                        "Answer " + i,
                        List.of(),
                        f.clock.instant());
                counter.reset();
                assertThat(f.core().onDelivery(CoreFixture.TENANT, "Ev" + i, answer))
                        .isTrue();
                answers.add(counter.tally());
            }
            StatementCounter.Tally third = answers.get(2);
            StatementCounter.Tally fiftieth = answers.get(49);
            assertThat(f.count("SELECT COUNT(*) FROM answer")).isEqualTo(50);
            assertThat(fiftieth.roundTrips()).as(fiftieth.toString()).isEqualTo(third.roundTrips());
            // The delivery id, the round's thread, "whom does this respond to", the answer: one transaction. Was 6
            // statements, and on PostgreSQL 4 savepoint calls more (11 round trips). The delivery id stays even though
            // the answer's own key keeps a re-delivery of a stored answer out: it also keeps out a retry of one
            // deleted since (StorageOnBothDatabasesTest).
            assertThat(fiftieth.statements()).as(fiftieth.toString()).isLessThanOrEqualTo(4);
            assertThat(fiftieth.commits()).as(fiftieth.toString()).isEqualTo(1);
            assertThat(fiftieth.connections()).as(fiftieth.toString()).isEqualTo(1);
            // No savepoint around the two inserts on either database (on H2 there were two SAVEPOINT commands).
            assertThat(fiftieth.savepoints()).as(fiftieth.toString()).isZero();
            assertThat(fiftieth.roundTrips()).as(fiftieth.toString()).isLessThanOrEqualTo(5);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_message_that_stores_nothing_costs_its_delivery_id_and_little_more(TestDatabases.Kind kind) {
        try (CoreFixture f = guildWithMondayMoment(kind)) {
            f.run("lea", "craft", "moment");
            ChatEvent chatter = new ChatEvent.MessagePosted(
                    CoreFixture.channel("craft"),
                    CoreFixture.user("ann"),
                    "m-top",
                    null,
                    "Coffee, anyone?",
                    List.of(),
                    f.clock.instant());
            ChatEvent otherThread = new ChatEvent.MessagePosted(
                    CoreFixture.channel("craft"),
                    CoreFixture.user("bob"),
                    "m-reply",
                    "m-top",
                    "Yes please.",
                    List.of(),
                    f.clock.instant());

            counter.reset();
            assertThat(f.core().onDelivery(CoreFixture.TENANT, "Ev-top", chatter))
                    .isTrue();
            StatementCounter.Tally top = counter.tally();
            counter.reset();
            assertThat(f.core().onDelivery(CoreFixture.TENANT, "Ev-reply", otherThread))
                    .isTrue();
            StatementCounter.Tally reply = counter.tally();
            counter.reset();
            assertThat(f.core().onDelivery(CoreFixture.TENANT, "Ev-reply", otherThread))
                    .as("a retry")
                    .isFalse();
            StatementCounter.Tally retry = counter.tally();

            assertThat(f.count("SELECT COUNT(*) FROM answer")).isZero();
            // A top-level message: only its delivery id. A reply in a thread that is no round's: is it a round's
            // thread, the delivery id, is it an intervisie's thread. A retry of it: the same, stopped at the id.
            assertThat(top.statements()).as(top.toString()).isLessThanOrEqualTo(1);
            assertThat(top.commits()).as(top.toString()).isEqualTo(1);
            assertThat(reply.statements()).as(reply.toString()).isLessThanOrEqualTo(3);
            assertThat(reply.commits()).as(reply.toString()).isEqualTo(1);
            assertThat(retry.statements()).as(retry.toString()).isLessThanOrEqualTo(2);
            assertThat(top.savepoints() + reply.savepoints() + retry.savepoints())
                    .isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void posting_a_digest_takes_a_bounded_number_of_statements(TestDatabases.Kind kind) {
        try (CoreFixture f = guildWithMondayMoment(kind)) {
            f.clock.set(MOMENT);
            f.core().runTask(new Task.Moment(1), MOMENT);
            String thread = f.latestRoundThread("craft");
            for (int i = 1; i <= 10; i++) {
                f.reply("craft", thread, i % 2 == 0 ? "ann" : "bob", "Answer " + i);
            }
            f.chat.clear();
            f.clock.set(DIGEST);
            counter.reset();

            f.core().runTask(new Task.Digest(1), DIGEST);

            StatementCounter.Tally core = counter.tally();
            StatementCounter.Tally quartz = counter.quartz();
            assertThat(f.chat.topLevel("craft"))
                    .singleElement()
                    .satisfies(s -> assertThat(s.text()).contains("This week in Craft"));
            // 17 statements in one transaction, and next week's digest planned from the guild read once more after
            // posting (a lead may have moved it meanwhile): one statement a guild a week.
            assertThat(core.statements()).as(core.toString()).isLessThanOrEqualTo(18);
            assertThat(core.commits()).as(core.toString()).isLessThanOrEqualTo(1);
            assertThat(quartz.statements()).as(quartz.toString()).isLessThanOrEqualTo(7);
        }
    }

    private CoreFixture guildWithMondayMoment(TestDatabases.Kind kind) {
        CoreFixture f = CoreFixture.counted(TestDatabases.fresh(kind), CoreFixture.MONDAY_MORNING, counter);
        f.run("lea", "craft", "guild create Craft lang en tz Europe/Amsterdam");
        f.run("lea", "craft", "schedule mon 09:30");
        f.chat.clear();
        return f;
    }
}

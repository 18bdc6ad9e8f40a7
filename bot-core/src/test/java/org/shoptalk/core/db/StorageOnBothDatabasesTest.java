package org.shoptalk.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.shoptalk.core.chat.ChatEvent;
import org.shoptalk.core.chat.DeliveryStore;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.TestDatabases;

/** The same storage behaviour on the embedded default (H2) and on a real PostgreSQL. */
class StorageOnBothDatabasesTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void guilds_schedules_rounds_and_answers_are_stored_and_read_back(TestDatabases.Kind kind) {
        try (CoreFixture f = CoreFixture.on(TestDatabases.fresh(kind), CoreFixture.MONDAY_MORNING)) {
            f.run("lea", "craft", "guild create Craft");
            f.run("lea", "craft", "schedule mon-fri 09:30 every 2 weeks theme goals");
            f.run("lea", "craft", "pause 1 until 2026-12-07");
            f.run("lea", "craft", "skip 2026-12-21..2027-01-03");
            f.run("lea", "craft", "prompt add \"Who notices first when our work gets better?\" theme goals");
            f.run("lea", "craft", "moment own-1");
            String thread = f.latestRoundThread("craft");
            String first = f.reply("craft", thread, "ann", "Our users, when the forms get shorter.");
            // the platform delivers the same message again (a retry): stored once
            f.core()
                    .onEvent(new ChatEvent.MessagePosted(
                            CoreFixture.channel("craft"),
                            CoreFixture.user("ann"),
                            first,
                            thread,
                            "Our users, when the forms get shorter.",
                            List.of(),
                            f.clock.instant()));
            f.edit("craft", first, "Our users, when the forms get shorter and clearer.");

            f.restart();

            assertThat(f.run("lea", "craft", "schedules"))
                    .contains("#1")
                    .contains("weekdays")
                    .contains("every 2 weeks")
                    .contains("[paused until December 7, 2026]")
                    .contains("Breaks: December 21, 2026 – January 3, 2027");
            f.run("ann", "craft", "guild join");
            f.run("ann", "craft", "digest");
            String digest = f.chat.last().text();
            assertThat(digest)
                    .contains("Who notices first when our work gets better?")
                    .contains("shorter and clearer")
                    .contains("People who took part: 1");
            assertThat(digest.split("shorter and clearer", -1))
                    .as("the answer appears once")
                    .hasSize(2);
            assertThat(digest).doesNotContain("get shorter.");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_delivery_id_is_taken_once(TestDatabases.Kind kind) {
        try (CoreFixture f = CoreFixture.on(TestDatabases.fresh(kind), CoreFixture.MONDAY_MORNING)) {
            assertThat(f.core().firstDelivery(CoreFixture.TENANT, "Ev01")).isTrue();
            assertThat(f.core().firstDelivery(CoreFixture.TENANT, "Ev01")).isFalse();
            f.restart();
            assertThat(f.core().firstDelivery(CoreFixture.TENANT, "Ev01")).isFalse();
            assertThat(f.core().firstDelivery(CoreFixture.TENANT, "Ev02")).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_delivered_answer_is_stored_with_its_delivery_once(TestDatabases.Kind kind) {
        try (CoreFixture f = CoreFixture.on(TestDatabases.fresh(kind), CoreFixture.MONDAY_MORNING)) {
            f.run("lea", "craft", "guild create Craft");
            f.run("lea", "craft", "moment");
            String thread = f.latestRoundThread("craft");
            ChatEvent answer = new ChatEvent.MessagePosted(
                    CoreFixture.channel("craft"),
                    CoreFixture.user("ann"),
                    "m-1",
                    thread,
                    "Delivered twice, stored once.",
                    List.of(),
                    f.clock.instant());
            assertThat(f.core().onDelivery(CoreFixture.TENANT, "Ev10", answer)).isTrue();
            assertThat(f.core().onDelivery(CoreFixture.TENANT, "Ev10", answer)).isFalse();
            long stored = f.db.withHandle(h -> h.count("SELECT COUNT(*) FROM answer"));
            assertThat(stored).isEqualTo(1);
            // The same message under another delivery id (Slack resends one event with one id; a platform could
            // deliver a message twice): still one answer, since the answer's own key is the message.
            assertThat(f.core().onDelivery(CoreFixture.TENANT, "Ev11", answer)).isFalse();
            long storedOnce = f.db.withHandle(h -> h.count("SELECT COUNT(*) FROM answer"));
            assertThat(storedOnce).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_retry_of_an_answer_its_author_deleted_since_does_not_bring_it_back(TestDatabases.Kind kind) {
        try (CoreFixture f = CoreFixture.on(TestDatabases.fresh(kind), CoreFixture.MONDAY_MORNING)) {
            f.run("lea", "craft", "guild create Craft");
            f.run("lea", "craft", "moment");
            ChatEvent answer = new ChatEvent.MessagePosted(
                    CoreFixture.channel("craft"),
                    CoreFixture.user("ann"),
                    "m-2",
                    f.latestRoundThread("craft"),
                    "Words Ann took back.",
                    List.of(),
                    f.clock.instant());
            f.core().onDelivery(CoreFixture.TENANT, "Ev20", answer);
            f.core()
                    .onDelivery(
                            CoreFixture.TENANT,
                            "Ev21",
                            new ChatEvent.MessageDeleted(CoreFixture.channel("craft"), "m-2"));

            // Slack retries the first delivery when its ack came late, minutes after the fact.
            assertThat(f.core().onDelivery(CoreFixture.TENANT, "Ev20", answer)).isFalse();

            long stored = f.db.withHandle(h -> h.count("SELECT COUNT(*) FROM answer"));
            assertThat(stored).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_duplicate_skipped_inside_a_transaction_keeps_the_rest_of_the_transaction(TestDatabases.Kind kind) {
        // On H2 no savepoint guards the duplicate (H2 rolls a failed statement back on its own); on PostgreSQL ON
        // CONFLICT skips it. Either way what the transaction did before and after the duplicate is committed.
        try (CoreFixture f = CoreFixture.on(TestDatabases.fresh(kind), CoreFixture.MONDAY_MORNING)) {
            DeliveryStore deliveries = new DeliveryStore();
            List<Boolean> taken = f.db.inTransaction(h -> List.of(
                    deliveries.record(h, CoreFixture.TENANT, "Ev30", f.clock.instant()),
                    deliveries.record(h, CoreFixture.TENANT, "Ev30", f.clock.instant()),
                    deliveries.record(h, CoreFixture.TENANT, "Ev31", f.clock.instant())));

            assertThat(taken).containsExactly(true, false, true);
            assertThat(f.core().firstDelivery(CoreFixture.TENANT, "Ev30")).isFalse();
            assertThat(f.core().firstDelivery(CoreFixture.TENANT, "Ev31")).isFalse();
        }
    }
}

package org.shoptalk.core.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.FakeChatPlatform;
import org.shoptalk.core.testing.TestDatabases;

/**
 * Real Quartz on a real database. The business clock sits in the past week, so the planned moment
 * (Monday 2026-11-16 09:30 Amsterdam) is already due for Quartz: exactly the situation of a bot that
 * was down when its moment came, and the clock decides how late the bot came back.
 */
class QuartzMomentsTest {
    private static final Instant PAST_MONDAY = Instant.parse("2026-11-16T07:00:00Z");
    private static final Instant MOMENT = Instant.parse("2026-11-16T08:30:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_moment_missed_while_down_is_posted_once_when_within_the_grace(TestDatabases.Kind kind) throws Exception {
        try (CoreFixture f = CoreFixture.on(TestDatabases.fresh(kind), PAST_MONDAY)) {
            f.run("lea", "craft", "guild create Craft");
            f.run("lea", "craft", "schedule mon 09:30");
            f.clock.set(MOMENT.plus(Duration.ofHours(5)));

            f.core().start();
            await(() -> rounds(f).size() == 1);

            f.restart();
            f.core().start();
            Thread.sleep(1500);
            assertThat(rounds(f)).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_moment_missed_by_more_than_the_grace_is_skipped_and_the_next_one_planned(TestDatabases.Kind kind) throws Exception {
        try (CoreFixture f = CoreFixture.on(TestDatabases.fresh(kind), PAST_MONDAY)) {
            f.run("lea", "craft", "guild create Craft");
            f.run("lea", "craft", "schedule mon 09:30");
            f.clock.set(MOMENT.plus(Duration.ofHours(7)));

            f.core().start();
            await(() -> f.run("lea", "craft", "schedules").contains("Mon 23 Nov 2026 09:30"));
            Thread.sleep(1000);
            assertThat(rounds(f)).isEmpty();
        }
    }

    private static List<FakeChatPlatform.Sent> rounds(CoreFixture f) {
        return f.chat.topLevel("craft").stream().filter(s -> s.text().startsWith("*Reflection moment")).toList();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(100);
        }
    }
}

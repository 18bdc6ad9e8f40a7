package org.shoptalk.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.shoptalk.core.i18n.Dates;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.testing.Await;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.FakeChatPlatform;
import org.shoptalk.core.testing.TestDatabases;

/**
 * Real Quartz on a real database, on the real clock: Quartz fires on the system clock, so these tests place the
 * moment a few hours before the moment the test runs (in a UTC guild, so no daylight-saving day can move it) and
 * bring core back with its clock on the system clock. They hold on any day the suite runs.
 */
class QuartzMomentsTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_moment_missed_while_down_is_posted_once_when_within_the_grace(TestDatabases.Kind kind) throws Exception {
        ZonedDateTime moment = momentHoursAgo(5);
        try (CoreFixture f =
                CoreFixture.on(TestDatabases.fresh(kind), moment.minusHours(1).toInstant())) {
            planWeekly(f, moment);
            f.clock.set(Instant.now());

            f.core().start();
            // Quartz deletes a fired one-shot trigger only once its run has finished.
            Await.until(
                    () -> plannedFireTimes(f).equals(List.of(moment.plusWeeks(1).toInstant())), Duration.ofSeconds(30));
            assertThat(rounds(f)).hasSize(1);

            f.restart();
            f.core().start();
            // The only plan left is next week's, so nothing can fire again: the moment was posted once.
            assertThat(plannedFireTimes(f)).containsExactly(moment.plusWeeks(1).toInstant());
            assertThat(rounds(f)).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_moment_missed_by_more_than_the_grace_is_skipped_and_the_next_one_planned(TestDatabases.Kind kind)
            throws Exception {
        ZonedDateTime moment = momentHoursAgo(7);
        try (CoreFixture f =
                CoreFixture.on(TestDatabases.fresh(kind), moment.minusHours(1).toInstant())) {
            planWeekly(f, moment);
            f.clock.set(Instant.now());

            f.core().start();
            // Quartz deletes a fired one-shot trigger only once its run has finished.
            Await.until(
                    () -> plannedFireTimes(f).equals(List.of(moment.plusWeeks(1).toInstant())), Duration.ofSeconds(30));
            assertThat(rounds(f)).isEmpty();
            assertThat(f.run("lea", "craft", "schedules")).contains(Dates.dateTime(Language.EN, moment.plusWeeks(1)));
        }
    }

    /**
     * Five hours late is past Quartz's old one-minute misfire threshold but within the grace: it is fired in Quartz's
     * ordinary batches and posted once; and a one-off moment, once run, leaves no job or trigger rows behind.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_one_off_moment_is_posted_once_and_leaves_no_quartz_rows_behind(TestDatabases.Kind kind) throws Exception {
        ZonedDateTime moment = momentHoursAgo(5);
        try (CoreFixture f =
                CoreFixture.on(TestDatabases.fresh(kind), moment.minusHours(1).toInstant())) {
            f.run("lea", "craft", "guild create Craft tz UTC");
            f.run(
                    "lea",
                    "craft",
                    "schedule at "
                            + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(moment));
            assertThat(f.count("SELECT COUNT(*) FROM QRTZ_JOB_DETAILS WHERE JOB_NAME LIKE 'moment-%'"))
                    .isEqualTo(1);
            f.clock.set(Instant.now());

            f.core().start();
            Await.until(
                    () -> f.count("SELECT COUNT(*) FROM QRTZ_JOB_DETAILS WHERE JOB_NAME LIKE 'moment-%'") == 0,
                    Duration.ofSeconds(30));
            assertThat(rounds(f)).hasSize(1);
            assertThat(plannedFireTimes(f)).isEmpty();
        }
    }

    @Test
    void the_scheduler_refuses_to_start_on_a_clock_that_is_not_the_system_clock() {
        try (CoreFixture f = CoreFixture.on(TestDatabases.h2(), Instant.now().minus(Duration.ofDays(7)))) {
            assertThatThrownBy(() -> f.core().start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("system clock");
            assertThat(f.core().schedulerStarted()).isFalse();
        }
    }

    /** A whole minute some hours before now, in UTC. */
    private static ZonedDateTime momentHoursAgo(int hours) {
        return Instant.now()
                .minus(Duration.ofHours(hours))
                .truncatedTo(ChronoUnit.MINUTES)
                .atZone(ZoneOffset.UTC);
    }

    private static void planWeekly(CoreFixture f, ZonedDateTime moment) {
        f.run("lea", "craft", "guild create Craft tz UTC");
        DayOfWeek day = moment.getDayOfWeek();
        String reply = f.run(
                "lea",
                "craft",
                "schedule " + day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
                        + String.format(Locale.ROOT, "%02d:%02d", moment.getHour(), moment.getMinute()));
        assertThat(reply).contains(Dates.dateTime(Language.EN, moment));
    }

    private static List<Instant> plannedFireTimes(CoreFixture f) {
        return f.db.withHandle(h -> h.query(
                "SELECT NEXT_FIRE_TIME FROM QRTZ_TRIGGERS WHERE JOB_NAME LIKE 'moment-%'",
                rs -> Instant.ofEpochMilli(rs.getLong(1))));
    }

    private static List<FakeChatPlatform.Sent> rounds(CoreFixture f) {
        return f.chat.momentsIn("craft");
    }
}

package org.shoptalk.core.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.shoptalk.core.task.Task;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.FakeChatPlatform;
import org.shoptalk.core.testing.PlannedRuns;
import org.shoptalk.core.testing.TestDatabases;

/**
 * Issue 15, section 3: a round's reminder reaches each person at a sensible local time in their own zone (the one
 * their platform reports, else the guild's), never in their quiet hours, and as often as their intensity allows; a
 * reminder due in quiet hours is moved, not dropped or sent twice, and its plan survives a restart. Every date comes
 * from a clock the test sets, and the planned times are fired as Quartz would fire them ({@link PlannedRuns}).
 */
class RemindersInEachPersonsTimeTest {
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    /** Monday 2026-11-23 09:00 in Amsterdam: a moment opened now closes Thursday 09:00, its reminder is due Wednesday. */
    private static final Instant MONDAY = CoreFixture.MONDAY_MORNING;

    private CoreFixture f = CoreFixture.onH2();

    @AfterEach
    void close() {
        f.close();
    }

    /** Lea leads Craft (Amsterdam); Ann is in Amsterdam, Bob in New York, Dee in Sydney; Cas's chat tells no zone. */
    private void craftWithColleaguesAcrossZones() {
        f.chat.zoneOf("ann", AMSTERDAM).zoneOf("bob", NEW_YORK).zoneOf("dee", SYDNEY);
        f.run("lea", "craft", "guild create Craft lang en tz Europe/Amsterdam");
        for (String p : List.of("ann", "bob", "cas", "dee")) {
            f.run(p, "craft", "guild join");
        }
    }

    private int moments;

    /** Posts a moment now, with a question that is not on sensitive ground (those are never reminded of). */
    private long momentNow() {
        f.run("lea", "craft", "moment craft-0" + ++moments);
        long round = f.latestRoundId();
        f.chat.clear();
        return round;
    }

    /** Who got a private reminder, and when, as the instant it was sent. */
    private static Map<String, Instant> remindedAt(List<PlannedRuns.Fired> fired) {
        Map<String, Instant> at = new TreeMap<>();
        for (PlannedRuns.Fired run : fired) {
            for (FakeChatPlatform.Sent s : run.sent()) {
                if (s.privateTo() != null) {
                    assertThat(at.put(s.privateTo().id(), run.at()))
                            .as("a second reminder for " + s.privateTo().id())
                            .isNull();
                }
            }
        }
        return at;
    }

    private List<PlannedRuns.Fired> fireAll(long round) {
        return PlannedRuns.fireUntil(
                f, new Task.Reminder(round), f.clock.instant().plus(java.time.Duration.ofDays(7)));
    }

    @Test
    void each_person_is_reminded_at_a_sensible_local_time_in_their_own_zone() {
        craftWithColleaguesAcrossZones();
        long round = momentNow();

        Map<String, Instant> at = remindedAt(fireAll(round));

        // Due Wednesday 08:00 UTC: 09:00 in Amsterdam, 03:00 in New York, 19:00 in Sydney.
        assertThat(at.get("ann")).isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
        assertThat(at.get("cas"))
                .as("no zone from the chat: the guild's")
                .isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
        assertThat(at.get("bob").atZone(NEW_YORK).toLocalTime())
                .as("not at 03:00 in New York but when the night ends")
                .isEqualTo(LocalTime.of(8, 0));
        assertThat(at.get("dee").atZone(SYDNEY).toLocalTime())
                .as("not at 19:00 in Sydney but the next morning")
                .isEqualTo(LocalTime.of(8, 0));
        assertThat(at.get("dee")).isBefore(Instant.parse("2026-11-26T08:00:00Z"));
        assertThat(at).containsOnlyKeys("ann", "bob", "cas", "dee", "lea");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_zone_the_chat_client_reported_is_kept_and_used(TestDatabases.Kind kind) {
        f.close();
        f = CoreFixture.on(TestDatabases.fresh(kind), MONDAY);
        craftWithColleaguesAcrossZones();
        // Cas's platform cannot be asked, but his client (as Teams does) said where he is.
        f.core().timeZoneReported(CoreFixture.user("cas"), NEW_YORK);
        f.core().timeZoneReported(CoreFixture.user("cas"), NEW_YORK);
        f.restart();
        assertThat(f.run("cas", null, "reminders")).contains("Times in America/New_York, your own time zone");
        long round = momentNow();

        Map<String, Instant> at = remindedAt(fireAll(round));

        assertThat(at.get("cas").atZone(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(8, 0));
        f.run("cas", null, "forget me confirm");
        assertThat(f.count("SELECT COUNT(*) FROM person_zone"))
                .as("forget me forgets the zone")
                .isZero();
    }

    @Test
    void an_unknown_zone_is_the_guilds_zone() {
        f.run("lea", "nyc", "guild create Harbor lang en tz America/New_York");
        f.run("cas", "nyc", "guild join");
        f.run("lea", "nyc", "moment craft-01");
        long round = f.latestRoundId();

        Map<String, Instant> at = remindedAt(fireAll(round));

        // Due Wednesday 08:00 UTC is 03:00 in the guild's New York.
        assertThat(at.get("cas").atZone(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(8, 0));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_reminder_due_in_quiet_hours_waits_for_them_to_end_once_and_across_a_restart(TestDatabases.Kind kind) {
        f.close();
        f = CoreFixture.on(TestDatabases.fresh(kind), MONDAY);
        craftWithColleaguesAcrossZones();
        assertThat(f.run("ann", null, "quiet hours 18:00-10:00 weekends")).contains("18:00-10:00");
        long round = momentNow();
        Task task = new Task.Reminder(round);
        Instant due = Instant.parse("2026-11-25T08:00:00Z");

        List<PlannedRuns.Fired> untilDue = PlannedRuns.fireUntil(f, task, due);
        assertThat(remindedAt(untilDue)).doesNotContainKey("ann").containsKey("cas");
        f.restart();
        assertThat(PlannedRuns.planned(f, task))
                .as("Ann's moved reminder is planned in the database and survives the restart")
                .contains(Instant.parse("2026-11-25T09:00:00Z"));
        List<PlannedRuns.Fired> rest = fireAll(round);
        f.core().runTask(task, Instant.parse("2026-11-25T09:00:00Z"));

        assertThat(f.chat.privateTo("ann")).hasSize(1);
        assertThat(remindedAt(rest).get("ann").atZone(AMSTERDAM).toLocalTime())
                .as("at 10:00, when her quiet hours end")
                .isEqualTo(LocalTime.of(10, 0));
        assertThat(f.chat.privateTo("cas")).as("nobody is reminded twice").hasSize(1);
    }

    @Test
    void a_round_that_closes_in_the_weekend_reminds_on_the_last_working_day_before() {
        craftWithColleaguesAcrossZones();
        f.run("cas", null, "quiet hours off");
        // Thursday 09:00 in Amsterdam: closes Sunday 09:00, the reminder is due Saturday, a quiet day by default.
        f.clock.set(Instant.parse("2026-11-26T08:00:00Z"));
        long round = momentNow();

        Map<String, Instant> at = remindedAt(fireAll(round));

        assertThat(at.get("ann").atZone(AMSTERDAM).toString())
                .as("Friday, in the last hour before her weekend")
                .startsWith("2026-11-27T17:00");
        assertThat(at.get("bob").atZone(NEW_YORK).toString())
                .as("Friday 17:00 in New York")
                .startsWith("2026-11-27T17:00");
        assertThat(at.get("cas")).as("no quiet hours: when it is due").isEqualTo(Instant.parse("2026-11-28T08:00:00Z"));
    }

    @Test
    void intensity_off_light_and_normal() {
        craftWithColleaguesAcrossZones();
        assertThat(f.run("ann", null, "reminders light")).contains("at most one gentle private nudge a week");
        assertThat(f.run("bob", null, "reminders off")).contains("Reminders are off");
        f.run("cas", null, "reminders normal");
        long monday = momentNow();
        Map<String, Instant> first = remindedAt(fireAll(monday));
        f.clock.set(Instant.parse("2026-11-26T08:00:00Z"));
        long thursday = momentNow();
        Map<String, Instant> second = remindedAt(fireAll(thursday));
        f.clock.set(Instant.parse("2026-11-30T08:00:00Z"));
        long nextWeek = momentNow();
        Map<String, Instant> third = remindedAt(fireAll(nextWeek));

        assertThat(first).containsKeys("ann", "cas").doesNotContainKey("bob");
        assertThat(second)
                .as("light: one a week, and Ann had this week's")
                .containsKey("cas")
                .doesNotContainKeys("ann", "bob");
        assertThat(third).as("a new week").containsKeys("ann", "cas").doesNotContainKey("bob");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void light_means_one_a_week_even_when_two_instances_remind_of_two_guilds_at_once(TestDatabases.Kind kind)
            throws Exception {
        f.close();
        f = CoreFixture.on(TestDatabases.fresh(kind), MONDAY);
        f.run("lea", "craft", "guild create Craft lang en tz Europe/Amsterdam");
        f.run("lea", "zorg", "guild create Zorg lang en tz Europe/Amsterdam");
        f.run("ann", "craft", "guild join");
        f.run("ann", "zorg", "guild join");
        f.run("ann", null, "reminders light");
        // A second instance on the same database, as in a cluster.
        ShoptalkCore second = ShoptalkCore.create(f.db, CoreSettings.defaults(), f.clock);
        second.register(f.chat);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // Three weeks: craft-01 to craft-06 are not on sensitive ground (those are never reminded of).
            for (int week = 0; week < 3; week++) {
                Instant monday = MONDAY.plus(Duration.ofDays(7L * week));
                f.clock.set(monday);
                f.run("lea", "craft", "moment craft-0" + ++moments);
                long craft = f.latestRoundId();
                f.run("lea", "zorg", "moment craft-0" + ++moments);
                long zorg = f.latestRoundId();
                f.chat.clear();
                // Both rounds' reminders are due Wednesday 09:00 in Amsterdam, on one instance each.
                Instant wednesday = monday.plus(Duration.ofDays(2));
                f.clock.set(wednesday);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> runs = new ArrayList<>();
                for (Map.Entry<ShoptalkCore, Long> run : List.of(Map.entry(f.core(), craft), Map.entry(second, zorg))) {
                    runs.add(pool.submit(() -> {
                        start.await();
                        run.getKey().runTask(new Task.Reminder(run.getValue()), wednesday);
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> run : runs) {
                    run.get();
                }
                assertThat(f.chat.privateTo("ann"))
                        .as("week %d: one reminder for two guilds' questions", week + 1)
                        .hasSize(1);
            }
        } finally {
            pool.shutdownNow();
            second.close();
        }
    }

    @Test
    void across_the_autumn_clock_change_quiet_hours_end_at_the_same_wall_clock_time() {
        f.chat.zoneOf("ann", AMSTERDAM);
        f.clock.set(Instant.parse("2026-10-22T21:00:00Z"));
        f.run("lea", "craft", "guild create Craft lang en tz Europe/Amsterdam");
        f.run("ann", "craft", "guild join");
        f.run("ann", null, "quiet hours 22:00-07:00");
        long round = momentNow();

        Map<String, Instant> at = remindedAt(fireAll(round));

        // Due Saturday 23:00 summer time; the night ends Sunday 07:00 winter time, after the clocks went back.
        assertThat(at.get("ann")).isEqualTo(Instant.parse("2026-10-25T06:00:00Z"));
        assertThat(at.get("ann").atZone(AMSTERDAM).toLocalTime()).isEqualTo(LocalTime.of(7, 0));
    }

    @Test
    void across_the_spring_clock_change_a_quiet_end_that_does_not_exist_is_the_same_moment_after_the_gap() {
        f.chat.zoneOf("ann", AMSTERDAM);
        f.clock.set(Instant.parse("2027-03-25T22:00:00Z"));
        f.run("lea", "craft", "guild create Craft lang en tz Europe/Amsterdam");
        f.run("ann", "craft", "guild join");
        f.run("ann", null, "quiet hours 22:00-02:30");
        long round = momentNow();

        Map<String, Instant> at = remindedAt(fireAll(round));

        // Due Saturday 23:00 winter time; 02:30 on Sunday 2027-03-28 does not exist in Amsterdam: 03:30 summer time.
        assertThat(at.get("ann")).isEqualTo(Instant.parse("2027-03-28T01:30:00Z"));
    }
}

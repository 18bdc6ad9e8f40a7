package org.shoptalk.core.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.shoptalk.core.testing.Await;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.FakeChatPlatform;
import org.shoptalk.core.testing.TestDatabases;
import org.shoptalk.core.testing.Together;

/** Moments due at the same instant: each asks its own question, and a rate-limited workspace still gets every post once. */
class MomentsDueTogetherTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void four_moments_of_one_guild_due_at_once_ask_four_different_questions(TestDatabases.Kind kind) throws Exception {
        Instant moment = CoreFixture.MONDAY_MORNING.plus(Duration.ofMinutes(30));
        try (CoreFixture f = CoreFixture.on(TestDatabases.fresh(kind), CoreFixture.MONDAY_MORNING)) {
            f.run("lea", "craft", "guild create Craft lang en tz Europe/Amsterdam");
            for (String days : List.of("mon", "mon,tue", "weekdays", "mon,wed")) {
                // "anyway": four moments in one minute is what this test is about.
                f.run("lea", "craft", "schedule " + days + " 09:30 anyway");
            }
            f.chat.clear();
            f.clock.set(moment);

            Together.run(
                    () -> f.core().runTask(new Task.Moment(1), moment),
                    () -> f.core().runTask(new Task.Moment(2), moment),
                    () -> f.core().runTask(new Task.Moment(3), moment),
                    () -> f.core().runTask(new Task.Moment(4), moment));

            List<String> questions = f.chat.topLevel("craft").stream()
                    .map(FakeChatPlatform.Sent::text)
                    .toList();
            assertThat(questions).hasSize(4).doesNotHaveDuplicates();
        }
    }

    /**
     * Real Quartz on the system clock: eight guilds of one workspace whose moments came due a few minutes ago (the
     * bot was down), 24 channels, and a platform that takes five posts per second per workspace. Quartz runs them at
     * once; each rate-limited run waits and goes on when the platform allows. Each guild's weekly digest came due two
     * minutes before its moment, as it does when the suite runs on a Friday just after 16:00 (the default digest time;
     * CI's shifted-clock run once landed there): it is posted once beside the moment and never counted as one.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void eight_guilds_due_at_once_in_one_rate_limited_workspace_post_every_channel_once(TestDatabases.Kind kind)
            throws Exception {
        ZonedDateTime moment = Instant.now()
                .minus(Duration.ofMinutes(5))
                .truncatedTo(ChronoUnit.MINUTES)
                .atZone(ZoneOffset.UTC);
        try (CoreFixture f = CoreFixture.onSystemClock(TestDatabases.fresh(kind))) {
            f.clock.set(moment.minusHours(1).toInstant());
            ZonedDateTime digest = moment.minusMinutes(2);
            List<String> channels = new ArrayList<>();
            for (int g = 0; g < 8; g++) {
                String lead = "lead" + g;
                f.run(lead, "g" + g + "c0", "guild create Guild" + g + " lang en tz UTC");
                for (int c = 1; c < 3; c++) {
                    f.run(lead, "g" + g + "c" + c, "guild channel add");
                }
                f.run(lead, "g" + g + "c0", "schedule " + dayAndTime(moment));
                assertThat(f.run(lead, "g" + g + "c0", "digest at " + dayAndTime(digest)))
                        .contains("weekly digest now comes");
                for (int c = 0; c < 3; c++) {
                    channels.add("g" + g + "c" + c);
                }
            }
            f.chat.clear();
            f.chat.limitPostsPerSecond(5, f.clock);
            f.clock.resumeTicking();

            f.core().start();

            // Every moment's and every digest's runs are over, waits for the rate limit included (the digests wait
            // longest: the moments' posts take the workspace's budget too), once each has only next week planned.
            Await.until(
                    () -> onlyNextWeekPlanned(f, "moment-%", moment.plusWeeks(1).toInstant())
                            && onlyNextWeekPlanned(
                                    f, "digest-%", digest.plusWeeks(1).toInstant()),
                    Duration.ofSeconds(60));
            assertThat(channels)
                    .hasSize(24)
                    .allSatisfy(c -> assertThat(f.chat.momentsIn(c))
                            .as("moments in " + c)
                            .hasSize(1))
                    .allSatisfy(c -> assertThat(f.chat.digestsIn(c))
                            .as("digests in " + c)
                            .hasSize(1))
                    .allSatisfy(c ->
                            assertThat(f.chat.topLevel(c)).as("posts in " + c).hasSize(2));
            assertThat(f.count("SELECT COUNT(*) FROM round_post WHERE state <> 'POSTED'"))
                    .isZero();
            assertThat(f.chat.all().stream().filter(s -> s.privateTo() != null)).isEmpty();
        }
    }

    /** Whether each of the eight guilds' tasks named like {@code jobs} has one trigger, at {@code nextWeek}. */
    private static boolean onlyNextWeekPlanned(CoreFixture f, String jobs, Instant nextWeek) {
        List<Instant> planned = f.db.withHandle(h -> h.query(
                "SELECT NEXT_FIRE_TIME FROM QRTZ_TRIGGERS WHERE JOB_NAME LIKE '" + jobs + "'",
                rs -> Instant.ofEpochMilli(rs.getLong(1))));
        return planned.size() == 8 && planned.stream().allMatch(nextWeek::equals);
    }

    /** "Fri 16:10": a schedule's or digest's day and time in the command's words. */
    private static String dayAndTime(ZonedDateTime at) {
        return at.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                + String.format(Locale.ROOT, " %02d:%02d", at.getHour(), at.getMinute());
    }
}

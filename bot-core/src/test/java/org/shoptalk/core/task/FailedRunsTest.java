package org.shoptalk.core.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.RateLimitedException;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.UnknownOutcomeException;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.command.CommandRequest;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.TestDatabases;

/**
 * A run that fails never stops what comes after it: the next occurrence stays planned, the failed post is
 * tried again and, when it keeps failing, recorded as failed and reported to the leads; a rate limit is a wait.
 * Time is moved by hand and each planned run is started as the scheduler would start it.
 */
class FailedRunsTest {
    /** Monday 09:30 in Amsterdam, the guild's moment. */
    private static final Instant MOMENT = CoreFixture.MONDAY_MORNING.plus(Duration.ofMinutes(30));
    /** Friday 16:00 in Amsterdam, the guild's digest. */
    private static final Instant DIGEST =
            CoreFixture.MONDAY_MORNING.plus(Duration.ofDays(4)).plus(Duration.ofHours(7));

    private static final Tenant ACME = new Tenant(CoreFixture.TENANT.platform(), "acme");
    private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_moment_whose_post_throws_keeps_next_week_planned_and_its_retry_posts_it_once(TestDatabases.Kind kind) {
        try (CoreFixture f = guildWithMondayMoment(kind)) {
            f.chat.failNextPosts("craft", new IllegalStateException("the stored token no longer decrypts"));
            f.clock.set(MOMENT);

            f.core().runTask(new Task.Moment(1), MOMENT);

            assertThat(f.chat.topLevel("craft")).isEmpty();
            assertThat(states(f)).containsExactly("PENDING");
            assertThat(planned(f, "moment-1"))
                    .containsExactly(MOMENT.plus(Duration.ofMinutes(1)), MOMENT.plus(Duration.ofDays(7)));

            f.clock.advance(Duration.ofMinutes(1));
            f.core().retryTask(new Task.Moment(1), MOMENT, 1);

            assertPostedOnceAndNobodyTold(f, "craft");
            assertThat(planned(f, "moment-1")).containsExactly(MOMENT.plus(Duration.ofDays(7)));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_moment_that_keeps_failing_is_recorded_failed_and_its_leads_are_told(TestDatabases.Kind kind) {
        try (CoreFixture f = guildWithMondayMoment(kind)) {
            f.chat.failNextPosts("craft", hiccup(), hiccup(), hiccup(), hiccup());
            f.clock.set(MOMENT);

            f.core().runTask(new Task.Moment(1), MOMENT);
            retryUntilGivenUp(f, new Task.Moment(1), MOMENT);

            assertFailedAndLeadTold(f);
            assertThat(planned(f, "moment-1")).containsExactly(MOMENT.plus(Duration.ofDays(7)));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_post_whose_outcome_was_unknown_is_looked_up_and_never_posted_twice(TestDatabases.Kind kind) {
        try (CoreFixture f = guildWithMondayMoment(kind)) {
            f.chat.landThenFail("craft", new UnknownOutcomeException("HTTP 502 after sending", null));
            f.clock.set(MOMENT);

            f.core().runTask(new Task.Moment(1), MOMENT);

            assertThat(f.chat.topLevel("craft")).hasSize(1);
            assertThat(states(f)).containsExactly("POSTING");
            assertThat(planned(f, "moment-1"))
                    .containsExactly(MOMENT.plus(Duration.ofMinutes(1)), MOMENT.plus(Duration.ofDays(7)));

            f.clock.advance(Duration.ofMinutes(1));
            f.core().retryTask(new Task.Moment(1), MOMENT, 1);

            assertPostedOnceAndNobodyTold(f, "craft");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_rate_limit_is_a_wait_that_holds_its_workspace_while_other_workspaces_post(TestDatabases.Kind kind) {
        try (CoreFixture f = guildWithMondayMoment(kind)) {
            f.run("sam", "studio", "guild create Studio lang en tz Europe/Amsterdam");
            f.run("sam", "studio", "schedule mon 09:30");
            f.core()
                    .command(new CommandRequest(
                            new UserRef(ACME, "bob"),
                            new ChannelRef(ACME, "hall"),
                            "guild create Hall lang en tz Europe/Amsterdam"));
            f.core()
                    .command(new CommandRequest(
                            new UserRef(ACME, "bob"), new ChannelRef(ACME, "hall"), "schedule mon 09:30"));
            f.chat.clear();
            f.chat.failNextPosts("craft", rateLimit(RateLimitedException.Scope.WORKSPACE));
            f.clock.set(MOMENT);

            f.core().runTask(new Task.Moment(1), MOMENT);
            f.core().runTask(new Task.Moment(2), MOMENT);
            f.core().runTask(new Task.Moment(3), MOMENT);

            assertThat(f.chat.topLevel("hall")).hasSize(1);
            assertThat(f.chat.topLevel("craft")).isEmpty();
            assertThat(f.chat.topLevel("studio")).isEmpty();
            assertThat(states(f)).containsExactly("PENDING", "PENDING", "POSTED");
            Instant retryAfter = MOMENT.plus(RETRY_AFTER);
            assertThat(planned(f, "moment-1")).containsExactly(retryAfter, MOMENT.plus(Duration.ofDays(7)));
            assertThat(planned(f, "moment-2")).containsExactly(retryAfter, MOMENT.plus(Duration.ofDays(7)));
            assertThat(f.chat.privateTo("lea")).isEmpty();

            f.clock.set(retryAfter);
            f.core().retryTask(new Task.Moment(1), MOMENT, 0);
            f.core().retryTask(new Task.Moment(2), MOMENT, 0);

            assertThat(f.chat.topLevel("craft")).hasSize(1);
            assertThat(f.chat.topLevel("studio")).hasSize(1);
            assertThat(states(f)).containsOnly("POSTED");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_one_off_moment_held_by_a_rate_limit_is_posted_when_the_limit_ends(TestDatabases.Kind kind) {
        try (CoreFixture f = guildWith(kind, oneOffAtMoment())) {
            f.chat.failNextPosts("craft", rateLimit(RateLimitedException.Scope.CHANNEL));
            f.clock.set(MOMENT);

            f.core().runTask(new Task.Moment(1), MOMENT);

            assertThat(states(f)).containsExactly("PENDING");
            Instant retryAfter = MOMENT.plus(RETRY_AFTER);
            assertThat(planned(f, "moment-1")).containsExactly(retryAfter);

            f.clock.set(retryAfter);
            f.core().retryTask(new Task.Moment(1), MOMENT, 0);

            assertPostedOnceAndNobodyTold(f, "craft");
            assertThat(done(f)).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_one_off_moment_whose_posts_fail_twice_is_posted_once_by_a_retry_after_a_restart_and_only_then_done(
            TestDatabases.Kind kind) {
        try (CoreFixture f = guildWith(kind, oneOffAtMoment())) {
            f.chat.failNextPosts("craft", hiccup(), hiccup());
            f.clock.set(MOMENT);

            f.core().runTask(new Task.Moment(1), MOMENT);
            f.restart();

            Instant firstRetry = MOMENT.plus(TaskRuns.BACKOFF.get(0));
            assertThat(planned(f, "moment-1"))
                    .as("its retry survives a restart")
                    .containsExactly(firstRetry);
            assertThat(done(f)).as("not done while its post is still to come").isFalse();
            assertThat(f.run("lea", "craft", "schedules")).contains("#1").doesNotContain("next: none");

            f.clock.set(firstRetry);
            f.core().retryTask(new Task.Moment(1), MOMENT, 1);

            assertThat(f.chat.topLevel("craft")).isEmpty();
            assertThat(done(f)).isFalse();

            f.clock.advance(TaskRuns.BACKOFF.get(1));
            f.core().retryTask(new Task.Moment(1), MOMENT, 2);
            f.core().retryTask(new Task.Moment(1), MOMENT, 2);

            assertPostedOnceAndNobodyTold(f, "craft");
            assertThat(done(f)).isTrue();
            assertThat(f.run("lea", "craft", "schedules")).doesNotContain("#1");
            assertThat(planned(f, "moment-1")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_one_off_moment_that_keeps_failing_is_done_once_its_leads_are_told(TestDatabases.Kind kind) {
        try (CoreFixture f = guildWith(kind, oneOffAtMoment())) {
            f.chat.failNextPosts("craft", hiccup(), hiccup(), hiccup(), hiccup());
            f.clock.set(MOMENT);

            f.core().runTask(new Task.Moment(1), MOMENT);
            retryUntilGivenUp(f, new Task.Moment(1), MOMENT);

            assertFailedAndLeadTold(f);
            assertThat(done(f)).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void the_last_moment_of_a_series_whose_post_fails_is_posted_by_its_retry(TestDatabases.Kind kind) {
        try (CoreFixture f = guildWith(kind, "series explore 2 mon 09:30")) {
            f.clock.set(MOMENT);
            f.core().runTask(new Task.Moment(1), MOMENT);
            Instant last = MOMENT.plus(Duration.ofDays(7));
            f.chat.failNextPosts("craft", hiccup());
            f.clock.set(last);

            f.core().runTask(new Task.Moment(1), last);
            assertThat(done(f))
                    .as("not done while its last post is still to come")
                    .isFalse();
            f.clock.advance(TaskRuns.BACKOFF.get(0));
            f.core().retryTask(new Task.Moment(1), last, 1);

            assertThat(f.chat.topLevel("craft"))
                    .as("both moments of the series")
                    .hasSize(2);
            assertThat(states(f)).containsOnly("POSTED");
            assertThat(f.count("SELECT COUNT(*) FROM round"))
                    .as("two rounds, each counted once")
                    .isEqualTo(2);
            assertThat(done(f)).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_moment_asked_for_now_that_a_channel_delays_is_posted_there_when_the_platform_allows(
            TestDatabases.Kind kind) {
        try (CoreFixture f = guildWithMondayMoment(kind)) {
            f.run("lea", "craft-north", "guild channel add");
            f.chat.clear();
            f.chat.failNextPosts("craft-north", rateLimit(RateLimitedException.Scope.CHANNEL));

            String reply = f.run("lea", "craft", "moment");

            assertThat(reply)
                    .contains("reached 1 of the guild's 2 channels")
                    .contains("try again there as soon as it lets me");
            assertThat(f.chat.topLevel("craft-north")).isEmpty();
            long round = f.latestRoundId();
            Instant retryAfter = CoreFixture.MONDAY_MORNING.plus(RETRY_AFTER);
            assertThat(planned(f, "posts-" + round)).containsExactly(retryAfter);

            f.clock.set(retryAfter);
            f.core().runTask(new Task.Posts(round), retryAfter);

            assertPostedOnceAndNobodyTold(f, "craft-north");
            assertThat(f.chat.topLevel("craft"))
                    .as("posted once where it landed at first")
                    .hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_moment_asked_for_now_that_keeps_failing_is_given_up_and_its_leads_are_told(TestDatabases.Kind kind) {
        try (CoreFixture f = guildWithMondayMoment(kind)) {
            f.chat.failNextPosts("craft", hiccup(), hiccup(), hiccup(), hiccup(), hiccup());

            String reply = f.run("lea", "craft", "moment");

            assertThat(reply).contains("is not posted yet").contains("tell the leads if it never does");
            long round = f.latestRoundId();
            Instant first = CoreFixture.MONDAY_MORNING.plus(TaskRuns.BACKOFF.get(0));
            assertThat(planned(f, "posts-" + round)).containsExactly(first);
            f.clock.set(first);
            f.core().runTask(new Task.Posts(round), first);
            retryUntilGivenUp(f, new Task.Posts(round), first);

            assertFailedAndLeadTold(f);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_digest_that_fails_is_retried_and_next_weeks_digest_stays_planned(TestDatabases.Kind kind) {
        try (CoreFixture f = guildWithMondayMoment(kind)) {
            f.chat.failNextPosts("craft", hiccup());
            f.clock.set(DIGEST);

            f.core().runTask(new Task.Digest(1), DIGEST);

            assertThat(f.chat.topLevel("craft")).isEmpty();
            assertThat(planned(f, "digest-1"))
                    .containsExactly(DIGEST.plus(Duration.ofMinutes(1)), DIGEST.plus(Duration.ofDays(7)));

            f.clock.advance(Duration.ofMinutes(1));
            f.core().retryTask(new Task.Digest(1), DIGEST, 1);
            f.core().retryTask(new Task.Digest(1), DIGEST, 1);

            assertThat(f.chat.topLevel("craft"))
                    .singleElement()
                    .satisfies(s -> assertThat(s.text()).contains("Craft"));
            assertThat(planned(f, "digest-1")).containsExactly(DIGEST.plus(Duration.ofDays(7)));
        }
    }

    /**
     * The platform failed after accepting the digest (a 502 after sending, or the instance died before recording it):
     * the retry asks the platform, finds the digest there and does not post it again.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_digest_whose_outcome_was_unknown_is_looked_up_and_never_posted_twice(TestDatabases.Kind kind) {
        try (CoreFixture f = guildWithMondayMoment(kind)) {
            f.chat.landThenFail("craft", new UnknownOutcomeException("HTTP 502 after sending", null));
            f.clock.set(DIGEST);

            f.core().runTask(new Task.Digest(1), DIGEST);
            assertThat(f.chat.digestsIn("craft")).hasSize(1);

            f.clock.advance(Duration.ofMinutes(1));
            f.core().retryTask(new Task.Digest(1), DIGEST, 1);

            assertThat(f.chat.digestsIn("craft")).as("posted once").hasSize(1);
            assertThat(planned(f, "digest-1")).containsExactly(DIGEST.plus(Duration.ofDays(7)));
            assertThat(f.chat.privateTo("lea")).as("no failure reported").isEmpty();
        }
    }

    /** The same doubt where the digest had not landed: the retry finds nothing and posts it, once. */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_digest_whose_outcome_was_unknown_and_that_never_landed_is_posted_by_the_retry(TestDatabases.Kind kind) {
        try (CoreFixture f = guildWithMondayMoment(kind)) {
            f.chat.failNextPosts("craft", new UnknownOutcomeException("connection reset while sending", null));
            f.clock.set(DIGEST);

            f.core().runTask(new Task.Digest(1), DIGEST);
            assertThat(f.chat.digestsIn("craft")).isEmpty();

            f.clock.advance(Duration.ofMinutes(1));
            f.core().retryTask(new Task.Digest(1), DIGEST, 1);

            assertThat(f.chat.digestsIn("craft")).as("posted once").hasSize(1);
            assertThat(planned(f, "digest-1")).containsExactly(DIGEST.plus(Duration.ofDays(7)));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void schedules_shows_what_is_really_planned_and_plans_again_a_moment_whose_plan_was_lost(TestDatabases.Kind kind) {
        try (CoreFixture f = guildWithMondayMoment(kind)) {
            f.db.useTransaction(h -> {
                h.update("DELETE FROM QRTZ_SIMPLE_TRIGGERS WHERE TRIGGER_NAME LIKE 'moment-1@%'");
                h.update("DELETE FROM QRTZ_TRIGGERS WHERE JOB_NAME = 'moment-1'");
            });
            assertThat(planned(f, "moment-1")).isEmpty();

            assertThat(f.run("lea", "craft", "schedules")).contains("#1").contains("Mon, Nov 23, 2026, 09:30");

            assertThat(planned(f, "moment-1")).containsExactly(MOMENT);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void housekeeping_forgets_deliveries_older_than_a_day_and_plans_the_next_clean_up(TestDatabases.Kind kind) {
        try (CoreFixture f = guildWithMondayMoment(kind)) {
            assertThat(f.core().firstDelivery(CoreFixture.TENANT, "Ev-old")).isTrue();
            f.clock.advance(Duration.ofHours(30));
            assertThat(f.core().firstDelivery(CoreFixture.TENANT, "Ev-new")).isTrue();

            f.core().runTask(Task.Housekeeping.DAILY, f.clock.instant());

            assertThat(f.core().firstDelivery(CoreFixture.TENANT, "Ev-new")).isFalse();
            assertThat(f.count("SELECT COUNT(*) FROM processed_event WHERE event_id = 'Ev-old'"))
                    .isZero();
            assertThat(planned(f, "housekeeping-0"))
                    .singleElement()
                    .satisfies(at -> assertThat(Duration.between(f.clock.instant(), at))
                            .isPositive()
                            .isLessThanOrEqualTo(Duration.ofDays(1)));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void housekeeping_plans_again_a_pairing_whose_plan_was_lost(TestDatabases.Kind kind) {
        try (CoreFixture f = guildWithMondayMoment(kind)) {
            assertThat(f.run("lea", "craft", "pairs every 2 weeks")).contains("every 2 weeks");
            List<Instant> plannedPairing = planned(f, "pairs-1");
            assertThat(plannedPairing).hasSize(1);
            f.db.useTransaction(h -> {
                h.update("DELETE FROM QRTZ_SIMPLE_TRIGGERS WHERE TRIGGER_NAME LIKE 'pairs-1@%'");
                h.update("DELETE FROM QRTZ_TRIGGERS WHERE JOB_NAME = 'pairs-1'");
            });

            f.core().runTask(Task.Housekeeping.DAILY, f.clock.instant());

            assertThat(planned(f, "pairs-1")).isEqualTo(plannedPairing);
        }
    }

    private static CoreFixture guildWithMondayMoment(TestDatabases.Kind kind) {
        return guildWith(kind, "schedule mon 09:30");
    }

    /** Lea's guild Craft on Monday morning, with the moment {@code scheduling} plans. */
    private static CoreFixture guildWith(TestDatabases.Kind kind, String scheduling) {
        CoreFixture f = CoreFixture.on(TestDatabases.fresh(kind), CoreFixture.MONDAY_MORNING);
        f.run("lea", "craft", "guild create Craft lang en tz Europe/Amsterdam");
        f.run("lea", "craft", scheduling);
        f.chat.clear();
        return f;
    }

    /** Today's one-off moment at the guild's Monday time. */
    private static String oneOffAtMoment() {
        return "schedule at " + MOMENT.atZone(ZoneId.of("Europe/Amsterdam")).toLocalDate() + " 09:30";
    }

    /** A platform error that may pass. */
    private static ChatPlatformException hiccup() {
        return new ChatPlatformException("internal_error", false);
    }

    private static RateLimitedException rateLimit(RateLimitedException.Scope scope) {
        return new RateLimitedException("ratelimited", RETRY_AFTER, scope);
    }

    /** What people see when a post got through in the end: there once, every post posted, no lead bothered. */
    private static void assertPostedOnceAndNobodyTold(CoreFixture f, String channel) {
        assertThat(f.chat.topLevel(channel)).as("posted once in " + channel).hasSize(1);
        assertThat(states(f)).containsOnly("POSTED");
        assertThat(f.chat.privateTo("lea")).as("no failure reported").isEmpty();
    }

    /** What people see when a post never got through: nothing in craft, recorded failed, the lead told once. */
    private static void assertFailedAndLeadTold(CoreFixture f) {
        assertThat(f.chat.topLevel("craft")).isEmpty();
        assertThat(states(f)).containsExactly("FAILED");
        assertThat(f.chat.privateTo("lea"))
                .singleElement()
                .satisfies(s ->
                        assertThat(s.text()).contains("could not be posted").contains("craft"));
    }

    /** Every retry after the first run, each after its back-off, as the scheduler runs them until it gives up. */
    private static void retryUntilGivenUp(CoreFixture f, Task task, Instant occurrence) {
        for (int attempt = 1; attempt <= TaskRuns.BACKOFF.size(); attempt++) {
            f.clock.advance(TaskRuns.BACKOFF.get(attempt - 1));
            f.core().retryTask(task, occurrence, attempt);
        }
    }

    /** Whether the guild's one schedule is done (finished), as the store holds it. */
    private static boolean done(CoreFixture f) {
        return f.count("SELECT COUNT(*) FROM schedule WHERE done") == 1;
    }

    private static List<String> states(CoreFixture f) {
        return f.db.withHandle(h -> h.query("SELECT state FROM round_post ORDER BY state", rs -> rs.getString(1)));
    }

    /**
     * What is still to come for the job: triggers after the test's clock. The runs a test starts by hand leave their
     * own trigger behind (Quartz deletes a trigger only when it fires it), at or before the clock.
     */
    private static List<Instant> planned(CoreFixture f, String job) {
        return f
                .db
                .withHandle(h -> h.query(
                        "SELECT NEXT_FIRE_TIME FROM QRTZ_TRIGGERS WHERE JOB_NAME = ? ORDER BY NEXT_FIRE_TIME",
                        rs -> Instant.ofEpochMilli(rs.getLong(1)),
                        job))
                .stream()
                .filter(t -> t.isAfter(f.clock.instant()))
                .toList();
    }
}

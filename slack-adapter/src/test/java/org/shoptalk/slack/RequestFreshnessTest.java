package org.shoptalk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shoptalk.core.testing.RecordingShoptalk;

/**
 * Slack's rule ("Verifying requests from Slack"): a request stamped more than five minutes from now, either way,
 * may be a replay and is refused, even when its signature is right. "Now" is the adapter's clock, fixed at the
 * moment the test starts; Bolt's own check of old timestamps reads the system clock, a few seconds away at most.
 */
class RequestFreshnessTest {
    private final RecordingShoptalk core = new RecordingShoptalk();
    private final Instant now = Instant.now();
    private SlackHarness slack;

    @BeforeEach
    void start() throws Exception {
        slack = SlackHarness.singleWorkspace(core, Clock.fixed(now, ZoneOffset.UTC));
        slack.adapter.start();
    }

    @AfterEach
    void stop() throws Exception {
        slack.close();
    }

    private HttpResponse<String> replyStampedAt(long timestamp) {
        return slack.postSigned(
                SlackPayloads.reply("EvTs" + timestamp, "U2", "1700000001.000200", "1700000000.000100", "hi"),
                "application/json",
                Map.of(),
                timestamp,
                SlackHarness.SIGNING_SECRET);
    }

    @Test
    void correctly_signed_request_stamped_now_gets_through() {
        HttpResponse<String> r = replyStampedAt(now.getEpochSecond());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(core.events).hasSize(1);
    }

    @Test
    void correctly_signed_request_stamped_ten_minutes_ahead_gets_401() {
        assertRefused(replyStampedAt(now.plus(Duration.ofMinutes(10)).getEpochSecond()));
    }

    @Test
    void correctly_signed_request_stamped_a_day_ahead_gets_401() {
        assertRefused(replyStampedAt(now.plus(Duration.ofDays(1)).getEpochSecond()));
    }

    @Test
    void correctly_signed_request_stamped_in_milliseconds_gets_401() {
        assertRefused(replyStampedAt(now.toEpochMilli()));
    }

    @Test
    void correctly_signed_request_stamped_ten_minutes_ago_gets_401() {
        assertRefused(replyStampedAt(now.minus(Duration.ofMinutes(10)).getEpochSecond()));
    }

    @Test
    void correctly_signed_slash_command_stamped_ahead_gets_401_and_runs_nothing() {
        String body = SlackHarness.form(slack.slashCommand("help"));
        HttpResponse<String> r = slack.postSigned(
                body,
                "application/x-www-form-urlencoded",
                Map.of(),
                now.plus(Duration.ofMinutes(6)).getEpochSecond(),
                SlackHarness.SIGNING_SECRET);

        assertRefused(r);
        assertThat(core.commands).isEmpty();
    }

    private void assertRefused(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        assertThat(core.events).isEmpty();
    }

    private static final Instant SOME_MOMENT = Instant.parse("2031-03-03T09:30:00Z");

    @ParameterizedTest(name = "{0} s from now")
    @ValueSource(longs = {0, 1, -1, 299, -299, 300, -300})
    void timestamps_within_five_minutes_either_way_are_fresh(long offset) {
        assertThat(RequestFreshness.isFresh(Long.toString(SOME_MOMENT.getEpochSecond() + offset), SOME_MOMENT))
                .isTrue();
    }

    @ParameterizedTest(name = "{0} s from now")
    @ValueSource(longs = {301, -301, 600, -600, 86_400})
    void timestamps_beyond_five_minutes_either_way_are_not_fresh(long offset) {
        assertThat(RequestFreshness.isFresh(Long.toString(SOME_MOMENT.getEpochSecond() + offset), SOME_MOMENT))
                .isFalse();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "-1", "1.5", " 1", "1e9", "99999999999999999999", "abc"})
    void timestamps_that_are_not_whole_seconds_are_not_fresh(String header) {
        assertThat(RequestFreshness.isFresh(header, SOME_MOMENT)).isFalse();
    }

    @Test
    void missing_timestamp_is_not_fresh() {
        assertThat(RequestFreshness.isFresh(null, SOME_MOMENT)).isFalse();
        assertThat(RequestFreshness.isFresh(Long.toString(SOME_MOMENT.toEpochMilli()), SOME_MOMENT))
                .isFalse();
    }
}

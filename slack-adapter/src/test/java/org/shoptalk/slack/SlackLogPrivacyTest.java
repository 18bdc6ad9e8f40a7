package org.shoptalk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shoptalk.core.testing.LogCapture;

/**
 * No log line carries what people wrote, whoever writes it: a correctly signed body Bolt would not recognise (and
 * would log whole at WARN) is refused before Bolt sees it. Every logger is captured at INFO, the level the app runs
 * Slack's loggers at.
 */
class SlackLogPrivacyTest extends SingleWorkspaceTest {
    private static final String SECRET = "The merger with Initech closes on Friday, tell nobody";

    record Body(String name, String contentType, String body) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Body> unknownToBolt() {
        String text = SlackPayloads.json(SECRET);
        return Stream.of(
                new Body(
                        "JSON with an unknown top-level type",
                        "application/json",
                        "{\"type\":\"event_callback_v2\",\"team_id\":\"" + SlackHarness.TEAM + "\",\"event\":{\"type\":"
                                + "\"message\",\"channel\":\"C1\",\"user\":\"U2\",\"text\":" + text + "}}"),
                new Body(
                        "JSON whose type is not a string",
                        "application/json",
                        "{\"type\":{\"kind\":\"event_callback\"},\"text\":" + text + "}"),
                new Body(
                        "interactivity payload with an unknown type",
                        "application/x-www-form-urlencoded",
                        SlackHarness.form(Map.of(
                                "payload",
                                "{\"type\":\"block_actions_v2\",\"team\":{\"id\":\"" + SlackHarness.TEAM
                                        + "\"},\"user\":{\"id\":\"U1\"},\"message\":{\"text\":" + text + "}}"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownToBolt")
    void signed_body_bolt_does_not_know_leaves_no_trace_of_its_text_in_any_log(Body body) {
        HttpResponse<String> r;
        try (LogCapture logs = LogCapture.start().atLevel("ROOT", Level.INFO).atLevel("com.slack.api", Level.INFO)) {
            r = slack.postSigned(body.body(), body.contentType(), Map.of());

            assertThat(logs.linesContaining("Initech")).isEmpty();
        }
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("X-Slack-No-Retry")).contains("1");
        assertThat(core.events).isEmpty();
    }
}

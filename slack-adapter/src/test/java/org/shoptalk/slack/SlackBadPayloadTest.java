package org.shoptalk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shoptalk.core.testing.DatabaseGoneShoptalk;

/**
 * Correctly signed Slack requests that can never succeed get a 4xx and a "do not retry" header, so Slack
 * neither retries them nor counts them as an outage; only a database that is really gone earns a 503.
 */
class SlackBadPayloadTest extends SingleWorkspaceTest {
    private static final String ROOT = "1700000000.000100";

    /** A signed request body that no retry can make right. */
    record Bad(String name, String contentType, String body) {
        @Override
        public String toString() {
            return name;
        }

        static Bad event(String name, String eventJson) {
            return new Bad(name, "application/json", SlackPayloads.envelope("EvBad", eventJson));
        }

        static Bad json(String name, String body) {
            return new Bad(name, "application/json", body);
        }

        static Bad form(String name, Map<String, String> fields) {
            return new Bad(name, "application/x-www-form-urlencoded", SlackHarness.form(fields));
        }

        static Bad interaction(String name, String payloadJson) {
            return form(name, Map.of("payload", payloadJson));
        }
    }

    static Stream<Bad> malformedButAuthentic() {
        String message =
                "{\"type\":\"message\",\"channel\":\"C1\",\"user\":\"U2\",\"text\":\"hi\",\"ts\":\"1700000001.000200\","
                        + "\"thread_ts\":\"" + ROOT + "\",\"channel_type\":\"channel\"}";
        return Stream.of(
                Bad.event("user is an object", message.replace("\"user\":\"U2\"", "\"user\":{\"id\":\"U2\"}")),
                Bad.event(
                        "thread_ts is an array",
                        message.replace("\"thread_ts\":\"" + ROOT + "\"", "\"thread_ts\":[\"" + ROOT + "\"]")),
                Bad.event("text is an object", message.replace("\"text\":\"hi\"", "\"text\":{\"a\":1}")),
                Bad.event("ts is an array", message.replace("\"ts\":\"1700000001.000200\"", "\"ts\":[1,2]")),
                Bad.event("channel is an object", message.replace("\"channel\":\"C1\"", "\"channel\":{}")),
                Bad.event(
                        "edit whose message is a string",
                        "{\"type\":\"message\",\"subtype\":\"message_changed\","
                                + "\"channel\":\"C1\",\"message\":\"new words\",\"ts\":\"1700000999.000001\"}"),
                Bad.event(
                        "delete whose deleted_ts is an object",
                        "{\"type\":\"message\",\"subtype\":\"message_deleted\","
                                + "\"channel\":\"C1\",\"deleted_ts\":{\"ts\":1},\"ts\":\"1700000998.000001\"}"),
                Bad.event(
                        "mention whose user is an array",
                        "{\"type\":\"app_mention\",\"channel\":\"C1\",\"user\":[\"U2\"],"
                                + "\"text\":\"hi\",\"ts\":\"1700000500.000100\"}"),
                Bad.event(
                        "direct message whose user is an object",
                        "{\"type\":\"message\",\"channel\":\"D1\","
                                + "\"user\":{\"id\":\"U2\"},\"text\":\"help\",\"ts\":\"1700000800.000100\",\"channel_type\":\"im\"}"),
                Bad.event(
                        "home opened whose user is an object",
                        "{\"type\":\"app_home_opened\",\"user\":{\"id\":\"U2\"},"
                                + "\"channel\":\"D1\",\"tab\":\"home\"}"),
                Bad.json(
                        "event is a string",
                        "{\"type\":\"event_callback\",\"team_id\":\"" + SlackHarness.TEAM
                                + "\",\"event_id\":\"EvBad\",\"event\":\"message\"}"),
                Bad.json(
                        "event_callback without an event",
                        "{\"type\":\"event_callback\",\"team_id\":\"" + SlackHarness.TEAM
                                + "\",\"event_id\":\"EvBad\"}"),
                Bad.json(
                        "team_id is an object",
                        SlackPayloads.envelope("EvBad", message)
                                .replace(
                                        "\"team_id\":\"" + SlackHarness.TEAM + "\",\"api_app_id\"",
                                        "\"team_id\":{},\"api_app_id\"")),
                Bad.json(
                        "authorizations is a string",
                        SlackPayloads.envelope("EvBad", message)
                                .replaceFirst("\"authorizations\":\\[.*\\]}$", "\"authorizations\":\"all\"}")),
                Bad.form(
                        "slash command without a user",
                        Map.of(
                                "command",
                                "/shoptalk",
                                "text",
                                "help",
                                "team_id",
                                SlackHarness.TEAM,
                                "channel_id",
                                "C1")),
                Bad.interaction(
                        "button without a user",
                        SlackPayloads.buttonClick("U1", "C1", "resume 1", "https://x")
                                .replaceFirst("\"user\":\\{[^}]*},", "")),
                Bad.interaction(
                        "button whose actions are a string",
                        "{\"type\":\"block_actions\",\"team\":{\"id\":\"" + SlackHarness.TEAM
                                + "\"},\"user\":{\"id\":\"U1\"},\"actions\":\"resume 1\"}"),
                Bad.interaction(
                        "schedule form without a view",
                        "{\"type\":\"view_submission\",\"team\":{\"id\":\"" + SlackHarness.TEAM
                                + "\"},\"user\":{\"id\":\"U1\"}}"),
                Bad.interaction(
                        "schedule form whose state is a list",
                        SlackPayloads.scheduleSubmission("U1", "C1", "mon", "09:30", "1", "")
                                .replaceFirst("\"state\":\\{\"values\":.*$", "\"state\":[1]}}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedButAuthentic")
    void malformed_but_authentic_request_gets_4xx_that_slack_does_not_retry(Bad bad) {
        HttpResponse<String> r = slack.postSigned(bad.body(), bad.contentType(), Map.of());

        assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
        assertThat(r.headers().firstValue("X-Slack-No-Retry")).contains("1");
        assertThat(core.events).isEmpty();
        assertThat(core.commands).isEmpty();
    }

    @Test
    void well_formed_reply_next_to_them_is_still_taken() {
        HttpResponse<String> r = slack.event(SlackPayloads.reply("EvGood", "U2", "1700000001.000200", ROOT, "fine"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(core.events).hasSize(1);
    }

    @Test
    void reply_while_the_database_is_gone_gets_503_so_slack_retries_it() throws Exception {
        try (DatabaseGoneShoptalk down = new DatabaseGoneShoptalk();
                SlackHarness outage = SlackHarness.singleWorkspace(down)) {
            outage.adapter.start();

            HttpResponse<String> reply =
                    outage.event(SlackPayloads.reply("EvDown", "U2", "1700000001.000200", ROOT, "kept"));
            HttpResponse<String> direct = outage.event(SlackPayloads.directMessage("EvDown2", "U2", "help"));

            assertThat(reply.statusCode()).isEqualTo(503);
            assertThat(reply.headers().firstValue("X-Slack-No-Retry")).isEmpty();
            assertThat(direct.statusCode()).isEqualTo(503);
        }
    }
}

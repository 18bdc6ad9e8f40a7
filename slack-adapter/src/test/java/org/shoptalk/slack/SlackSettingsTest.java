package org.shoptalk.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackSettingsTest {

    @Test
    void no_slack_variables_means_no_slack() {
        assertThat(SlackSettings.fromEnvironment(Map.of("SHOPTALK_PORT", "8080", "SLACK_API_URL", "http://x")))
                .isEmpty();
        assertThat(SlackSettings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "  ")))
                .isEmpty();
    }

    @Test
    void single_workspace_needs_a_bot_token_and_a_signing_secret() {
        SlackSettings s = SlackSettings.fromEnvironment(
                        Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s"))
                .orElseThrow();

        assertThat(s.oauth()).isFalse();
        assertThat(s.socketMode()).isFalse();
        assertThat(s.apiUrl()).isEqualTo("https://slack.com/api/");
        assertThat(s.toString()).doesNotContain("xoxb-1");
    }

    @Test
    void api_url_gets_its_trailing_slash() {
        SlackSettings s = SlackSettings.fromEnvironment(Map.of(
                        "SLACK_BOT_TOKEN",
                        "xoxb-1",
                        "SLACK_SIGNING_SECRET",
                        "s",
                        "SLACK_API_URL",
                        "https://slack-gov.com/api"))
                .orElseThrow();

        assertThat(s.apiUrl()).isEqualTo("https://slack-gov.com/api/");
    }

    @Test
    void oauth_mode_needs_client_id_secret_signing_secret_and_shoptalk_secret() {
        Map<String, String> env = new HashMap<>(Map.of(
                "SLACK_CLIENT_ID",
                "1.2",
                "SLACK_CLIENT_SECRET",
                "c",
                "SLACK_SIGNING_SECRET",
                "s",
                "SHOPTALK_SECRET",
                "sixteen-chars-at-least"));

        assertThat(SlackSettings.fromEnvironment(env).orElseThrow().oauth()).isTrue();

        env.remove("SHOPTALK_SECRET");
        assertFailsNaming(env, "SHOPTALK_SECRET");
    }

    @Test
    void socket_mode_works_without_a_signing_secret() {
        SlackSettings s = SlackSettings.fromEnvironment(
                        Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1"))
                .orElseThrow();

        assertThat(s.socketMode()).isTrue();
        assertThat(s.signingSecret()).isNull();
    }

    @Test
    void each_incomplete_or_wrong_setting_fails_with_one_line_naming_the_variable() {
        assertFailsNaming(Map.of("SLACK_SIGNING_SECRET", "s"), "SLACK_BOT_TOKEN");
        assertFailsNaming(Map.of("SLACK_BOT_TOKEN", "xoxb-1"), "SLACK_SIGNING_SECRET");
        assertFailsNaming(Map.of("SLACK_BOT_TOKEN", "xoxp-user-token", "SLACK_SIGNING_SECRET", "s"), "SLACK_BOT_TOKEN");
        assertFailsNaming(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xoxb-2"), "SLACK_APP_TOKEN");
        assertFailsNaming(Map.of("SLACK_CLIENT_ID", "1.2", "SLACK_SIGNING_SECRET", "s"), "SLACK_CLIENT_SECRET");
        assertFailsNaming(
                Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s", "SLACK_API_URL", "slack.com"),
                "SLACK_API_URL");
        assertFailsNaming(
                Map.of(
                        "SLACK_CLIENT_ID",
                        "1.2",
                        "SLACK_CLIENT_SECRET",
                        "c",
                        "SLACK_SIGNING_SECRET",
                        "s",
                        "SHOPTALK_SECRET",
                        "sixteen-chars-at-least",
                        "SLACK_BOT_TOKEN",
                        "xoxb-1"),
                "SLACK_BOT_TOKEN");
    }

    private static void assertFailsNaming(Map<String, String> env, String variable) {
        assertThatThrownBy(() -> SlackSettings.fromEnvironment(env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(variable)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}

package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SHOPTALK_PUBLIC_URL, SHOPTALK_SECRET and SHOPTALK_DIGEST_LINK_DAYS, as an operator sets them. */
class DigestPageConfigTest {
    private static final String SECRET = "0123456789abcdef-long-enough";

    @Test
    void locally_links_point_at_this_server_with_a_generated_key_for_sixty_days() {
        DigestPageConfig pages = AppConfig.fromEnvironment(Map.of()).digestPages();

        assertThat(pages.publicUrl()).isEmpty();
        assertThat(pages.secret()).isEmpty();
        assertThat(pages.linkValidity()).isEqualTo(Duration.ofDays(60));
    }

    @Test
    void every_variable_is_read_and_a_trailing_slash_dropped() {
        DigestPageConfig pages = AppConfig.fromEnvironment(Map.of(
                        "SHOPTALK_PUBLIC_URL",
                        "https://shoptalk.example.org/",
                        "SHOPTALK_SECRET",
                        SECRET,
                        "SHOPTALK_DIGEST_LINK_DAYS",
                        "14"))
                .digestPages();

        assertThat(pages.publicUrl()).contains("https://shoptalk.example.org");
        assertThat(pages.secret()).contains(SECRET);
        assertThat(pages.linkValidity()).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void slack_or_teams_without_a_secret_stops_the_start_with_what_to_set() {
        Map<String, String> slack = Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s3cr3t");
        Map<String, String> teams = Map.of(
                "MICROSOFT_APP_ID",
                "11111111-2222-3333-4444-555555555555",
                "MICROSOFT_APP_PASSWORD",
                "pw",
                "MICROSOFT_APP_TENANT_ID",
                "66666666-7777-8888-9999-000000000000");
        for (Map<String, String> platform : List.of(slack, teams)) {
            assertThatThrownBy(() -> AppConfig.fromEnvironment(platform))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("SHOPTALK_SECRET must be set when Slack or Teams is configured");
        }
    }

    @Test
    void bad_values_are_named_with_the_expected_form() {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("SHOPTALK_SECRET", "short")))
                .hasMessage(
                        "SHOPTALK_SECRET must be at least 16 characters (a long random string, e.g. from openssl rand"
                                + " -base64 32), got one of 5");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("SHOPTALK_PUBLIC_URL", "shoptalk.example.org")))
                .hasMessageStartingWith("SHOPTALK_PUBLIC_URL must be the address people open Shoptalk at")
                .hasMessageEndingWith("got \"shoptalk.example.org\"");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("SHOPTALK_PUBLIC_URL", "https://x.org/?a=b")))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("SHOPTALK_DIGEST_LINK_DAYS", "0")))
                .hasMessage("SHOPTALK_DIGEST_LINK_DAYS must be a whole number of days from 1 to 3650, got \"0\"");
    }

    @Test
    void the_secret_never_shows_in_the_configuration_text() {
        DigestPageConfig pages = new DigestPageConfig(Optional.empty(), Optional.of(SECRET), Duration.ofDays(1));
        assertThat(pages.toString()).doesNotContain(SECRET).contains("(set)");
        assertThat(AppConfig.fromEnvironment(Map.of("SHOPTALK_SECRET", SECRET)).toString())
                .doesNotContain(SECRET);
    }
}

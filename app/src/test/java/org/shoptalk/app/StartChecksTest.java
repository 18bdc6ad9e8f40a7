package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shoptalk.core.testing.LogCapture;

/**
 * Issue 12: the jar warns at start when Slack or Teams is on while digest links would point at this machine; the
 * check itself, and the line a real start with Slack writes.
 */
class StartChecksTest {
    @TempDir
    Path dir;

    @Test
    void slack_or_teams_without_a_public_url_is_warned_about_with_the_address_links_would_have() {
        assertThat(StartChecks.digestLinks(Optional.empty(), "http://localhost:8080", true))
                .hasValueSatisfying(w ->
                        assertThat(w).contains("SHOPTALK_PUBLIC_URL is not set").contains("http://localhost:8080"));
    }

    @Test
    void a_public_url_of_this_machine_only_is_warned_about_too() {
        for (String url : List.of("http://localhost:8080", "http://127.0.0.1:9000", "http://[::1]:8080")) {
            assertThat(StartChecks.digestLinks(Optional.of(url), url, true))
                    .as(url)
                    .hasValueSatisfying(w -> assertThat(w).contains("this machine only"));
        }
    }

    @Test
    void a_real_public_url_or_the_local_console_alone_needs_no_warning() {
        assertThat(StartChecks.digestLinks(
                        Optional.of("https://shoptalk.example.org"), "https://shoptalk.example.org", true))
                .isEmpty();
        assertThat(StartChecks.digestLinks(Optional.empty(), "http://localhost:8080", false))
                .isEmpty();
    }

    @Test
    void starting_with_slack_and_no_public_url_logs_the_warning_and_with_one_does_not() {
        List<String> without = startWithSlack(Map.of());
        List<String> with = startWithSlack(Map.of("SHOPTALK_PUBLIC_URL", "https://shoptalk.example.org"));

        assertThat(without)
                .singleElement()
                .asString()
                .contains("WARN")
                .contains("SHOPTALK_PUBLIC_URL is not set, so digest links point at http://localhost:");
        assertThat(with).isEmpty();
    }

    /** The log lines about SHOPTALK_PUBLIC_URL of one start and stop of the app with Slack on. */
    private List<String> startWithSlack(Map<String, String> more) {
        try (FakeSlack slack = FakeSlack.start();
                LogCapture log = LogCapture.start()) {
            Map<String, String> env = new HashMap<>(more);
            env.put("SLACK_BOT_TOKEN", "xoxb-start-checks");
            env.put("SLACK_SIGNING_SECRET", "start-checks-signing-secret");
            env.put("SHOPTALK_SECRET", "start-checks-secret-0123456789");
            env.put("SLACK_API_URL", slack.apiUrl());
            env.put("SHOPTALK_DB_URL", "jdbc:h2:file:" + dir.resolve("db-" + more.size()));
            ShoptalkApp app = ShoptalkApp.start(AppConfig.fromEnvironment(env).withPort(0), List.of());
            app.close();
            return log.linesContaining("SHOPTALK_PUBLIC_URL");
        }
    }
}

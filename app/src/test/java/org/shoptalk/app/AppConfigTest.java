package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.db.DbSettings;

class AppConfigTest {

    @Test
    void defaults_run_embedded_with_the_local_console_on_port_8080() {
        AppConfig config = AppConfig.fromEnvironment(Map.of());

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.database()).isEqualTo(DbSettings.embedded());
        assertThat(config.localConsole()).isTrue();
        assertThat(config.core().missedMomentGrace()).isEqualTo(Duration.ofHours(6));
        assertThat(config.core().roundOpen()).isEqualTo(Duration.ofDays(3));
        assertThat(config.core().reminderBeforeClose()).isEqualTo(Duration.ofHours(24));
        assertThat(config.core().clustered()).isFalse();
        assertThat(config.core().instanceId()).isEqualTo("AUTO");
    }

    @Test
    void every_variable_is_read() {
        AppConfig config = AppConfig.fromEnvironment(Map.of(
                "SHOPTALK_PORT", "9090",
                "SHOPTALK_DB_URL", "jdbc:postgresql://db:5432/shoptalk",
                "SHOPTALK_DB_USER", "bot",
                "SHOPTALK_DB_PASSWORD", "secret",
                "SHOPTALK_DB_CONNECT_TIMEOUT", "2s",
                "SHOPTALK_MISSED_GRACE", "1h30m",
                "SHOPTALK_ROUND_HOURS", "48",
                "SHOPTALK_REMINDER_HOURS_BEFORE_CLOSE", "12",
                "SHOPTALK_CLUSTERED", "TRUE",
                "SHOPTALK_INSTANCE_ID", "pod-1"));

        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.database().url()).isEqualTo("jdbc:postgresql://db:5432/shoptalk");
        assertThat(config.database().user()).isEqualTo("bot");
        assertThat(config.database().password()).isEqualTo("secret");
        assertThat(config.database().connectionTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.core().missedMomentGrace()).isEqualTo(Duration.ofMinutes(90));
        assertThat(config.core().roundOpen()).isEqualTo(Duration.ofDays(2));
        assertThat(config.core().reminderBeforeClose()).isEqualTo(Duration.ofHours(12));
        assertThat(config.core().clustered()).isTrue();
        assertThat(config.core().instanceId()).isEqualTo("pod-1");
    }

    @Test
    void grace_takes_iso_durations_too() {
        assertThat(AppConfig.fromEnvironment(Map.of("SHOPTALK_MISSED_GRACE", "PT6H"))
                        .core()
                        .missedMomentGrace())
                .isEqualTo(Duration.ofHours(6));
        assertThat(AppConfig.fromEnvironment(Map.of("SHOPTALK_MISSED_GRACE", "0"))
                        .core()
                        .missedMomentGrace())
                .isZero();
    }

    @Test
    void a_real_platform_switches_the_local_console_off_unless_asked_for() {
        AppConfig slack = AppConfig.fromEnvironment(Map.of(
                "SLACK_BOT_TOKEN",
                "xoxb-1",
                "SLACK_SIGNING_SECRET",
                "s3cr3t",
                "SHOPTALK_SECRET",
                "0123456789abcdef0123456789abcdef"));
        assertThat(slack.localConsole()).isFalse();
        assertThat(slack.slack()).isPresent();
        assertThat(AppConfig.fromEnvironment(Map.of(
                                "SLACK_CLIENT_ID",
                                "1.2",
                                "SLACK_CLIENT_SECRET",
                                "c",
                                "SLACK_SIGNING_SECRET",
                                "s",
                                "SHOPTALK_SECRET",
                                "0123456789abcdef0123456789abcdef"))
                        .localConsole())
                .isFalse();
        Map<String, String> teams = Map.of(
                "MICROSOFT_APP_ID",
                "11111111-2222-3333-4444-555555555555",
                "MICROSOFT_APP_PASSWORD",
                "pw",
                "MICROSOFT_APP_TENANT_ID",
                "66666666-7777-8888-9999-000000000000",
                "SHOPTALK_SECRET",
                "0123456789abcdef0123456789abcdef");
        assertThat(AppConfig.fromEnvironment(teams).localConsole()).isFalse();
        assertThat(AppConfig.fromEnvironment(teams).teams()).isPresent();
        Map<String, String> teamsAndConsole = new java.util.HashMap<>(teams);
        teamsAndConsole.put("SHOPTALK_LOCAL_CONSOLE", "true");
        assertThat(AppConfig.fromEnvironment(teamsAndConsole).localConsole()).isTrue();
        assertThat(AppConfig.fromEnvironment(Map.of("SHOPTALK_LOCAL_CONSOLE", "false"))
                        .localConsole())
                .isFalse();
    }

    @Test
    void incomplete_slack_settings_stop_the_start_naming_the_missing_variable() {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("SLACK_SIGNING_SECRET is missing");
    }

    @Test
    void incomplete_teams_settings_stop_the_start_naming_the_variable() {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("MICROSOFT_APP_ID", "abc")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("MICROSOFT_APP_ID");
    }

    @Test
    void the_installation_secret_reaches_core_for_anonymous_answers() {
        assertThat(AppConfig.fromEnvironment(Map.of("SHOPTALK_SECRET", "0123456789abcdef0123"))
                        .core()
                        .secret())
                .isEqualTo("0123456789abcdef0123");
        assertThat(AppConfig.fromEnvironment(Map.of()).core().secret()).isNull();
    }

    @Test
    void blank_values_count_as_unset() {
        assertThat(AppConfig.fromEnvironment(Map.of("SHOPTALK_PORT", " ", "SLACK_BOT_TOKEN", ""))
                        .port())
                .isEqualTo(8080);
    }

    @Test
    void bad_port_is_named_with_the_expected_form() {
        assertRejected(Map.of("SHOPTALK_PORT", "abc"), "SHOPTALK_PORT must be a port number 1-65535, got \"abc\"");
        assertRejected(Map.of("SHOPTALK_PORT", "70000"), "SHOPTALK_PORT must be a port number 1-65535, got \"70000\"");
    }

    @Test
    void bad_switches_durations_and_hours_are_named() {
        assertRejected(
                Map.of("SHOPTALK_LOCAL_CONSOLE", "yes"), "SHOPTALK_LOCAL_CONSOLE must be true or false, got \"yes\"");
        assertRejected(Map.of("SHOPTALK_CLUSTERED", "1"), "SHOPTALK_CLUSTERED must be true or false, got \"1\"");
        assertRejected(
                Map.of("SHOPTALK_MISSED_GRACE", "soon"),
                "SHOPTALK_MISSED_GRACE must be a duration such as 6h, 90m, 1h30m or PT6H, got \"soon\"");
        assertRejected(
                Map.of("SHOPTALK_MISSED_GRACE", "PT-1H"),
                "SHOPTALK_MISSED_GRACE must be a duration such as 6h, 90m, 1h30m or PT6H, got \"PT-1H\"");
        assertRejected(
                Map.of("SHOPTALK_ROUND_HOURS", "0"),
                "SHOPTALK_ROUND_HOURS must be a whole number of hours from 1 to 720, got \"0\"");
        assertRejected(
                Map.of("SHOPTALK_REMINDER_HOURS_BEFORE_CLOSE", "-2"),
                "SHOPTALK_REMINDER_HOURS_BEFORE_CLOSE must be a whole number of hours from 0 to 719, got \"-2\"");
        assertRejected(
                Map.of("SHOPTALK_ROUND_HOURS", "24", "SHOPTALK_REMINDER_HOURS_BEFORE_CLOSE", "24"),
                "SHOPTALK_REMINDER_HOURS_BEFORE_CLOSE must be less than SHOPTALK_ROUND_HOURS (24), got \"24\"");
        assertRejected(
                Map.of("SHOPTALK_INSTANCE_ID", "pod 1"),
                "SHOPTALK_INSTANCE_ID must be a name of up to 80 printable characters without spaces, got \"pod 1\"");
    }

    @Test
    void database_settings_must_fit_together() {
        assertRejected(
                Map.of("SHOPTALK_DB_URL", "postgres://db/shoptalk?password=hunter2"),
                "SHOPTALK_DB_URL must be a JDBC URL starting with jdbc:postgresql:// or jdbc:h2:,"
                        + " got \"postgres://db/shoptalk?...\"");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("SHOPTALK_DB_PASSWORD", "x")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("SHOPTALK_DB_PASSWORD is set but SHOPTALK_DB_URL is not");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("SHOPTALK_CLUSTERED", "true")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("SHOPTALK_CLUSTERED=true needs a database the instances share");
    }

    @Test
    void database_connection_timeout_is_one_second_unless_set_within_half_a_second_and_thirty() {
        assertThat(AppConfig.fromEnvironment(Map.of()).database().connectionTimeout())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(AppConfig.fromEnvironment(Map.of("SHOPTALK_DB_CONNECT_TIMEOUT", "PT0.5S"))
                        .database()
                        .connectionTimeout())
                .isEqualTo(Duration.ofMillis(500));
        assertRejected(
                Map.of("SHOPTALK_DB_CONNECT_TIMEOUT", "0"),
                "SHOPTALK_DB_CONNECT_TIMEOUT must be a duration"
                        + " from PT0.5S to 30s (e.g. 1s, 2s, PT0.5S), got \"0\"");
        assertRejected(
                Map.of("SHOPTALK_DB_CONNECT_TIMEOUT", "1m"),
                "SHOPTALK_DB_CONNECT_TIMEOUT must be a duration"
                        + " from PT0.5S to 30s (e.g. 1s, 2s, PT0.5S), got \"1m\"");
    }

    @Test
    void error_messages_are_one_line() {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("SHOPTALK_PORT", "80\n80")))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private static void assertRejected(Map<String, String> env, String message) {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(env))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }

    @Test
    void with_the_local_console_it_listens_on_loopback_and_with_only_a_platform_on_every_interface() {
        assertThat(AppConfig.fromEnvironment(Map.of()).listen()).isEqualTo(ListenAddress.LOOPBACK);
        assertThat(AppConfig.fromEnvironment(Map.of("SHOPTALK_LOCAL_CONSOLE", "false"))
                        .listen())
                .isEqualTo(ListenAddress.ALL_INTERFACES);
    }

    @Test
    void shoptalk_host_chooses_the_address_to_listen_on() {
        assertThat(AppConfig.fromEnvironment(Map.of("SHOPTALK_HOST", "0.0.0.0"))
                        .listen()
                        .loopback())
                .isFalse();
        assertThat(AppConfig.fromEnvironment(Map.of("SHOPTALK_HOST", "::"))
                        .listen()
                        .host())
                .isEqualTo("::");
        assertThat(AppConfig.fromEnvironment(Map.of("SHOPTALK_HOST", "[::1]"))
                        .listen()
                        .loopback())
                .isTrue();
        assertThat(AppConfig.fromEnvironment(Map.of("SHOPTALK_HOST", "localhost"))
                        .listen())
                .isEqualTo(ListenAddress.LOOPBACK);
        assertThat(AppConfig.fromEnvironment(Map.of("SHOPTALK_HOST", "127.0.0.1", "SHOPTALK_LOCAL_CONSOLE", "false"))
                        .listen())
                .isEqualTo(ListenAddress.LOOPBACK);
    }

    @Test
    void shoptalk_host_that_is_not_an_ip_address_stops_the_start_with_a_clear_error() {
        for (String bad : new String[] {"shoptalk.example.org", "300.1.1.1", "0.0.0", "*", "g::1"}) {
            assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("SHOPTALK_HOST", bad)))
                    .as(bad)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("SHOPTALK_HOST must be an IP address")
                    .hasMessageContaining("0.0.0.0");
        }
    }
}

package org.shoptalk.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TeamsSettingsTest {
    static final String APP = "3f1e2d4c-5b6a-4789-9abc-def012345678";
    static final String TENANT = "5e3c1a2b-9d8f-4e7a-b6c5-0a1b2c3d4e5f";

    private static Map<String, String> complete() {
        Map<String, String> env = new HashMap<>();
        env.put("MICROSOFT_APP_ID", APP);
        env.put("MICROSOFT_APP_PASSWORD", "s3cr3t~value");
        env.put("MICROSOFT_APP_TENANT_ID", TENANT);
        return env;
    }

    @Test
    void no_teams_variables_means_no_teams() {
        assertThat(TeamsSettings.fromEnvironment(Map.of("PATH", "/usr/bin"))).isEmpty();
    }

    @Test
    void complete_settings_default_to_the_public_bot_framework_keys() {
        TeamsSettings settings = TeamsSettings.fromEnvironment(complete()).orElseThrow();

        assertThat(settings.appId()).isEqualTo(APP);
        assertThat(settings.openIdMetadataUrl())
                .isEqualTo("https://login.botframework.com/v1/.well-known/openidconfiguration");
        assertThat(settings.tokenUrl()).isNull();
        assertThat(settings.botId()).isEqualTo("28:" + APP);
        assertThat(settings.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void a_missing_password_is_named_in_one_line() {
        Map<String, String> env = complete();
        env.remove("MICROSOFT_APP_PASSWORD");

        assertThatThrownBy(() -> TeamsSettings.fromEnvironment(env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("MICROSOFT_APP_PASSWORD is missing")
                .hasMessageNotContaining("\n");
    }

    @Test
    void an_app_id_that_is_not_a_guid_is_refused_with_the_right_form() {
        Map<String, String> env = complete();
        env.put("MICROSOFT_APP_ID", "shoptalk-bot");

        assertThatThrownBy(() -> TeamsSettings.fromEnvironment(env))
                .hasMessageStartingWith("MICROSOFT_APP_ID must be")
                .hasMessageContaining("00000000-0000-0000-0000-000000000000");
    }

    @Test
    void a_missing_tenant_is_named() {
        Map<String, String> env = complete();
        env.remove("MICROSOFT_APP_TENANT_ID");

        assertThatThrownBy(() -> TeamsSettings.fromEnvironment(env))
                .hasMessageStartingWith("MICROSOFT_APP_TENANT_ID is missing");
    }

    @Test
    void metadata_url_must_be_https_except_on_this_machine() {
        Map<String, String> env = complete();
        env.put("TEAMS_OPENID_METADATA_URL", "http://keys.example.com/openid");
        assertThatThrownBy(() -> TeamsSettings.fromEnvironment(env))
                .hasMessageStartingWith("TEAMS_OPENID_METADATA_URL must be an https:// URL");

        env.put("TEAMS_OPENID_METADATA_URL", "http://127.0.0.1:8089/v1/.well-known/openidconfiguration");
        assertThat(TeamsSettings.fromEnvironment(env).orElseThrow().openIdMetadataUrl())
                .startsWith("http://127.0.0.1:8089");
    }

    @Test
    void only_a_metadata_url_is_still_incomplete() {
        assertThatThrownBy(
                        () -> TeamsSettings.fromEnvironment(Map.of("TEAMS_OPENID_METADATA_URL", "https://x.example/o")))
                .hasMessageStartingWith("MICROSOFT_APP_ID is missing");
    }
}

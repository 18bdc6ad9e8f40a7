package org.shoptalk.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shoptalk.teams.TeamsFixture.APP_ID;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shoptalk.core.testing.RecordingShoptalk;

class MessagesEndpointAuthTest {
    @TempDir
    Path dir;

    TeamsFixture teams;
    RecordingShoptalk core;
    String reply;

    @BeforeEach
    void start() {
        core = RecordingShoptalk.answeringInChannel();
        teams = new TeamsFixture(dir, db -> core);
        reply = teams.activity("channel-reply", Map.of("text", "I keep a decision log", "id", "1763803000001"));
    }

    @AfterEach
    void stop() {
        teams.close();
    }

    @Test
    void properly_signed_activity_is_accepted() {
        assertThat(teams.post(reply).statusCode()).isEqualTo(200);
        assertThat(core.events).hasSize(1);
    }

    @Test
    void activity_without_a_token_gets_401_and_reaches_nobody() {
        var response = teams.post(reply, null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(core.events).isEmpty();
    }

    @Test
    void activity_signed_with_a_key_the_bot_framework_never_published_gets_401() {
        String forged = teams.botFramework.forgedToken(APP_ID, teams.botFramework.serviceUrl());
        assertThat(teams.post(reply, "Bearer " + forged).statusCode()).isEqualTo(401);
        assertThat(core.events).isEmpty();
    }

    @Test
    void token_issued_for_another_bot_gets_401() {
        String other =
                teams.botFramework.token("11111111-2222-3333-4444-555555555555", teams.botFramework.serviceUrl());
        assertThat(teams.post(reply, "Bearer " + other).statusCode()).isEqualTo(401);
    }

    @Test
    void token_from_another_issuer_gets_401() {
        String other =
                teams.botFramework.tokenFromIssuer("https://evil.example.com", APP_ID, teams.botFramework.serviceUrl());
        assertThat(teams.post(reply, "Bearer " + other).statusCode()).isEqualTo(401);
    }

    @Test
    void token_for_another_service_url_gets_401() {
        String other = teams.botFramework.token(APP_ID, "https://smba.trafficmanager.net/emea/");
        assertThat(teams.post(reply, "Bearer " + other).statusCode()).isEqualTo(401);
        assertThat(core.events).isEmpty();
    }

    @Test
    void expired_token_gets_401() {
        String expired = teams.botFramework.expiredToken(APP_ID, teams.botFramework.serviceUrl());
        assertThat(teams.post(reply, "Bearer " + expired).statusCode()).isEqualTo(401);
    }

    @Test
    void garbage_or_non_bearer_authorization_gets_401() {
        assertThat(teams.post(reply, "Bearer not.a.jwt").statusCode()).isEqualTo(401);
        assertThat(teams.post(reply, "Basic dXNlcjpwYXNz").statusCode()).isEqualTo(401);
    }

    @Test
    void malformed_json_gets_400_with_a_reason() {
        var response = teams.post(
                "{\"type\": \"message\", \"text\": ",
                "Bearer " + teams.botFramework.token(APP_ID, teams.botFramework.serviceUrl()));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Bot Framework activity");
    }

    @Test
    void json_that_is_not_an_activity_gets_400() {
        assertThat(teams.post("[1, 2, 3]").statusCode()).isEqualTo(400);
        assertThat(teams.post("{\"hello\": \"world\"}").statusCode()).isEqualTo(400);
    }
}

package org.shoptalk.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shoptalk.teams.TeamsFixture.APP_ID;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shoptalk.core.testing.RecordingShoptalk;

/**
 * What the Bot Framework SDK lets through and Shoptalk does not: a token without {@code exp}, a signing key published
 * without endorsements, and an authentic activity from a tenant other than the bot's own.
 */
class ChannelTokenRulesTest {
    private static final String FOREIGN_TENANT = "99999999-8888-4777-a666-555544443333";

    @TempDir
    Path dir;

    private final RecordingShoptalk core = RecordingShoptalk.answeringInChannel();

    private TeamsFixture teams(BotFrameworkFake botFramework) {
        return new TeamsFixture(dir, db -> core, Clock.systemUTC(), botFramework);
    }

    private static String reply(TeamsFixture teams, Map<String, String> vars) {
        Map<String, String> all =
                new java.util.HashMap<>(Map.of("text", "I keep a decision log", "id", "1763803000001"));
        all.putAll(vars);
        return teams.activity("channel-reply", all);
    }

    @Test
    void good_token_from_an_endorsed_key_for_our_tenant_is_accepted() {
        try (TeamsFixture teams = teams(new BotFrameworkFake())) {
            assertThat(teams.post(reply(teams, Map.of())).statusCode()).isEqualTo(200);
            assertThat(core.events).hasSize(1);
        }
    }

    @Test
    void token_without_an_expiry_gets_401() {
        try (TeamsFixture teams = teams(new BotFrameworkFake())) {
            String forever = teams.botFramework.tokenWithoutExpiry(APP_ID, teams.botFramework.serviceUrl());

            assertThat(teams.post(reply(teams, Map.of()), "Bearer " + forever).statusCode())
                    .isEqualTo(401);
            assertThat(core.events).isEmpty();
        }
    }

    @Test
    void token_signed_by_a_key_published_without_endorsements_gets_401() {
        try (TeamsFixture teams = teams(BotFrameworkFake.withUnendorsedKey())) {
            assertThat(teams.post(reply(teams, Map.of())).statusCode()).isEqualTo(401);
            assertThat(core.events).isEmpty();
        }
    }

    @Test
    void token_signed_by_a_key_endorsed_only_for_another_channel_gets_401() {
        try (TeamsFixture teams = teams(BotFrameworkFake.withKeyEndorsedFor("webchat"))) {
            assertThat(teams.post(reply(teams, Map.of())).statusCode()).isEqualTo(401);
            assertThat(core.events).isEmpty();
        }
    }

    @Test
    void authentic_activity_from_another_tenant_gets_403_and_reaches_nobody() {
        try (TeamsFixture teams = teams(new BotFrameworkFake())) {
            var response = teams.post(reply(teams, Map.of("tenantId", FOREIGN_TENANT)));

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(core.events).isEmpty();
        }
    }

    @Test
    void activity_whose_conversation_names_another_tenant_than_its_channel_data_gets_403() {
        try (TeamsFixture teams = teams(new BotFrameworkFake())) {
            String mixed = reply(teams, Map.of())
                    .replaceFirst(
                            "\"tenantId\": \"" + TeamsFixture.TENANT_ID + "\"",
                            "\"tenantId\": \"" + FOREIGN_TENANT + "\"");
            assertThat(mixed).contains(FOREIGN_TENANT);

            assertThat(teams.post(mixed).statusCode()).isEqualTo(403);
            assertThat(core.events).isEmpty();
        }
    }
}

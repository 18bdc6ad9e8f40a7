package org.shoptalk.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.shoptalk.teams.TeamsFixture.CHANNEL_ID;
import static org.shoptalk.teams.TeamsFixture.LEAD;
import static org.shoptalk.teams.TeamsFixture.TEAM_ID;
import static org.shoptalk.teams.TeamsFixture.TENANT;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.testing.RecordingShoptalk;

/** What the bot remembers from install and team events, and what it can reach afterwards. */
class InstallsTest {
    @TempDir
    Path dir;

    TeamsFixture teams;
    RecordingShoptalk core;

    @BeforeEach
    void start() {
        core = RecordingShoptalk.answeringInChannel();
        teams = new TeamsFixture(dir, db -> core);
    }

    @AfterEach
    void stop() {
        teams.close();
    }

    private List<String> storedChannels() {
        return teams.database.withHandle(h -> h.query(
                "SELECT channel_id FROM teams_channel WHERE tenant = ? AND team_id = ? "
                        + "AND deleted = FALSE ORDER BY channel_id",
                rs -> rs.getString(1),
                TENANT.key(),
                TEAM_ID));
    }

    @Test
    void installing_in_a_team_stores_its_channels_and_welcomes_everyone_once_in_the_installers_language() {
        teams.botFramework.wireMock.stubFor(get(urlPathEqualTo("/teams/v3/teams/" + TEAM_ID + "/conversations"))
                .willReturn(okJson("{\"conversations\": [{\"id\": \"" + TEAM_ID + "\"}, {\"id\": \"" + CHANNEL_ID
                        + "\", \"name\": \"Craft guild\"}]}")));
        String added = teams.activity("conversation-update-bot-added", Map.of("id", "0001"));
        String installed =
                teams.activity("installation-update-add", Map.of("id", "0002")).replace("\"en-US\"", "\"nl-NL\"");

        assertThat(teams.post(added).statusCode()).isEqualTo(200);
        assertThat(teams.post(added).statusCode()).as("a redelivery").isEqualTo(200);
        assertThat(teams.post(installed).statusCode()).isEqualTo(200);
        assertThat(teams.post(installed).statusCode()).as("a redelivery").isEqualTo(200);
        teams.awaitIdle();

        assertThat(storedChannels()).containsExactlyInAnyOrder(TEAM_ID, CHANNEL_ID);
        assertThat(core.commands).as("the greeting is core's, not a command").isEmpty();
        assertThat(teams.connectorCalls(
                        postRequestedFor(urlPathEqualTo("/teams/v3/conversations/" + TEAM_ID + "/activities"))))
                .isEqualTo(1);
        assertThat(teams.connectorCalls(
                        postRequestedFor(urlPathEqualTo("/teams/v3/conversations/" + TEAM_ID + "/activities"))
                                .withRequestBody(containing("hello nl-NL"))))
                .as("greeted once, in the locale only the installationUpdate carries")
                .isEqualTo(1);
    }

    @Test
    void a_deleted_channel_and_a_removed_bot_are_no_longer_posted_to() {
        teams.deliver("conversation-update-bot-added", Map.of("id", "0001"));
        teams.deliver("conversation-update-channel-created", Map.of("id", "0002"));
        assertThat(storedChannels()).contains(CHANNEL_ID);

        teams.deliver("conversation-update-channel-created", Map.of("id", "0003", "eventType", "channelDeleted"));
        assertThat(storedChannels()).doesNotContain(CHANNEL_ID);

        String removed = teams.activity("conversation-update-bot-added", Map.of("id", "0004"))
                .replace("\"membersAdded\"", "\"membersRemoved\"")
                .replace("teamMemberAdded", "teamMemberRemoved");
        assertThat(teams.post(removed).statusCode()).isEqualTo(200);
        assertThatThrownBy(() ->
                        teams.adapter.platform().postTopLevel(new ChannelRef(TENANT, TEAM_ID), ChatMessage.text("hi")))
                .isInstanceOfSatisfying(
                        ChatPlatformException.class,
                        e -> assertThat(e.permanent()).isTrue());
    }

    @Test
    void personal_install_remembers_the_chat_and_greets_there_in_the_persons_locale() {
        String install = teams.activity("conversation-update-personal-install", Map.of("id", "0005"));
        teams.post(install.replace(
                "\"type\": \"conversationUpdate\"", "\"type\": \"conversationUpdate\", \"locale\": \"nl-NL\""));
        teams.awaitIdle();

        assertThat(core.commands).isEmpty();
        String chat = "a:1Jq9f0xG6l4-personal-" + LEAD.aad();
        assertThat(teams.connectorCalls(
                        postRequestedFor(urlPathEqualTo("/teams/v3/conversations/" + chat + "/activities"))
                                .withRequestBody(containing("hello nl-NL"))))
                .isEqualTo(1);

        // Later private messages use that chat; no new conversation is created.
        teams.adapter.platform().sendPrivate(new UserRef(TENANT, LEAD.aad()), ChatMessage.text("One gentle reminder"));
        assertThat(teams.connectorCalls(postRequestedFor(urlPathEqualTo("/teams/v3/conversations"))))
                .isZero();
        assertThat(teams.connectorCalls(
                        postRequestedFor(urlPathEqualTo("/teams/v3/conversations/" + chat + "/activities"))))
                .isEqualTo(2);
    }
}

package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shoptalk.teams.TeamsActivities.COLLEAGUE;
import static org.shoptalk.teams.TeamsActivities.LEAD;
import static org.shoptalk.teams.TeamsActivities.MEMBER;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shoptalk.core.db.DbSettings;
import org.shoptalk.teams.BotFrameworkFake;
import org.shoptalk.teams.TeamsActivities;

/**
 * The whole process as a Teams bot: configured from environment variables, with the Bot Framework's
 * signing keys, token endpoint and Bot Connector on a fake on loopback, and signed activities arriving
 * over real HTTP at /api/messages.
 */
class TeamsAppTest {
    @TempDir
    Path dir;

    private BotFrameworkFake botFramework;
    private ShoptalkApp app;
    private TeamsSender teams;

    @BeforeEach
    void start() {
        botFramework = new BotFrameworkFake();
        AppConfig config = AppConfig.fromEnvironment(Map.of(
                        "MICROSOFT_APP_ID",
                        TeamsActivities.APP_ID,
                        "MICROSOFT_APP_PASSWORD",
                        "app-test-client-secret",
                        "MICROSOFT_APP_TENANT_ID",
                        TeamsActivities.TENANT_ID,
                        "SHOPTALK_SECRET",
                        "teams-app-test-secret-0123456789",
                        "TEAMS_OPENID_METADATA_URL",
                        botFramework.openIdMetadataUrl(),
                        "TEAMS_TOKEN_URL",
                        botFramework.tokenUrl()))
                .withPort(0)
                .withDatabase(new DbSettings("jdbc:h2:file:" + dir.resolve("shoptalk"), "sa", "", 5));
        app = ShoptalkApp.start(config, List.of());
        teams = new TeamsSender(new Http(app.port()), botFramework);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        botFramework.close();
    }

    @Test
    void a_team_installs_the_bot_and_its_thread_replies_reach_the_digest_once() {
        assertThat(teams.send(teams.activity("conversation-update-bot-added", Map.of("id", "0001")))
                        .status())
                .isEqualTo(200);
        assertThat(teams.send(teams.activity("installation-update-add", Map.of("id", "0002")))
                        .status())
                .isEqualTo(200);
        ServeEvent welcome = botFramework
                .awaitRequests(
                        e -> BotFrameworkFake.isActivity(e) && cardOrText(e).contains("guild create"), 1)
                .get(0);
        assertThat(URLDecoder.decode(welcome.getRequest().getUrl(), StandardCharsets.UTF_8))
                .as("the welcome goes to the team's General channel")
                .contains(TeamsActivities.TEAM_ID);

        assertThat(teams.command(LEAD, "1764000000101", "guild create Craft lang en")
                        .status())
                .isEqualTo(200);
        botFramework.awaitRequests(
                e -> BotFrameworkFake.isActivity(e) && cardOrText(e).contains("Craft"), 1);

        assertThat(teams.command(LEAD, "1764000000102", "moment").status()).isEqualTo(200);
        ServeEvent moment =
                botFramework.awaitRequests(BotFrameworkFake::isMomentPost, 1).get(0);
        // The command's answer comes once the moment's thread is stored; a reply sent before that has no round to join.
        botFramework.awaitRequests(
                e -> BotFrameworkFake.isActivity(e)
                        && e.getRequest().getBodyAsString().contains("Posted reflection moment"),
                1);
        JsonNode created = BotFrameworkFake.json(moment.getRequest().getBodyAsString());
        assertThat(created.path("channelData").path("channel").path("id").asText())
                .isEqualTo(TeamsActivities.CHANNEL_ID);
        assertThat(cardText(created.path("activity"))).contains("Why this question");
        String conversation = BotFrameworkFake.json(moment.getResponse().getBodyAsString())
                .path("id")
                .asText();
        String root = conversation.substring(conversation.indexOf(";messageid=") + ";messageid=".length());

        String answer = "We stopped the weekly status meeting and wrote notes instead.";
        assertThat(teams.reply(MEMBER, "1764000000201", root, answer).status()).isEqualTo(200);
        assertThat(teams.reply(MEMBER, "1764000000201", root, answer).status())
                .as("Teams redelivers")
                .isEqualTo(200);
        assertThat(teams.reply(COLLEAGUE, "1764000000202", root, "Our reviews got kinder when we paired.")
                        .status())
                .isEqualTo(200);
        String forged = teams.activity(
                "channel-reply",
                Map.of("id", "1764000000203", "root", root, "text", "Forged answer that must never show."));
        assertThat(teams.send(forged, "Bearer " + botFramework.forgedToken(TeamsActivities.APP_ID))
                        .status())
                .isEqualTo(401);

        ServeEvent digestPost = botFramework.digestAfter(
                () -> assertThat(teams.command(LEAD, "1764000000103", "digest").status())
                        .isEqualTo(200));
        String digest = cardText(
                BotFrameworkFake.json(digestPost.getRequest().getBodyAsString()).path("activity"));

        assertThat(digest)
                .contains("Craft")
                .contains("Our reviews got kinder")
                .contains("People who took part: 2")
                .doesNotContain("Forged answer");
        assertThat(occurrences(digest, "wrote notes instead"))
                .as("the answer, stored once")
                .isEqualTo(1);
    }

    @Test
    void activities_without_a_valid_bot_framework_token_get_401_and_change_nothing() {
        String create = teams.activity(
                "channel-message-mention",
                Map.of("id", "1764000000301", "root", "1764000000301", "text", "guild create Craft lang en"));

        Http.Answer unsigned = teams.send(create, null);
        Http.Answer forged = teams.send(create, "Bearer " + botFramework.forgedToken(TeamsActivities.APP_ID));
        Http.Answer otherBot =
                teams.send(create, "Bearer " + botFramework.token("00000000-0000-4000-8000-000000000000"));

        assertThat(List.of(unsigned.status(), forged.status(), otherBot.status()))
                .containsOnly(401);
        assertThat(teams.command(LEAD, "1764000000302", "guild").status()).isEqualTo(200);
        String reply = cardOrText(
                botFramework.awaitRequests(BotFrameworkFake::isActivity, 1).get(0));
        assertThat(reply).contains("no guild yet");
    }

    /** The text a person sees in an outgoing activity: its plain text and every text of its Adaptive Card. */
    private static String cardOrText(ServeEvent sent) {
        JsonNode activity = BotFrameworkFake.json(sent.getRequest().getBodyAsString());
        return activity.path("text").asText("") + "\n" + cardText(activity);
    }

    private static String cardText(JsonNode activity) {
        StringBuilder text = new StringBuilder();
        for (JsonNode attachment : activity.path("attachments")) {
            attachment
                    .path("content")
                    .findValues("text")
                    .forEach(t -> text.append(t.asText()).append('\n'));
        }
        return text.toString();
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}

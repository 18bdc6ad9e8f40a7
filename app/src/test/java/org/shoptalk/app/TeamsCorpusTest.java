package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shoptalk.teams.TeamsActivities.LEAD;
import static org.shoptalk.teams.TeamsActivities.MEMBER;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shoptalk.core.db.DbSettings;
import org.shoptalk.slack.CorpusBlocks;
import org.shoptalk.teams.BotFrameworkFake;
import org.shoptalk.teams.TeamsActivities;

/**
 * Each Teams activity of the corpus ({@link Corpus}), with a real Bot Framework JWT, sent to the real app's
 * messages endpoint as a reply in a moment's thread, then the digest: as Teams gets it (the card posted to the fake
 * Bot Connector), as Slack Block Kit of the same digest, and as its web page.
 */
class TeamsCorpusTest {
    private static final Pattern PAGE = Pattern.compile("\\]\\((http://localhost:\\d+(/digest/[^)]+))\\)");

    @TempDir
    Path dir;

    private BotFrameworkFake botFramework;
    private ShoptalkApp app;

    static Stream<Corpus.Entry> corpus() {
        return Corpus.entries("teams");
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (botFramework != null) {
            botFramework.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void every_teams_shape_reads_as_written_in_all_three_renderings(Corpus.Entry entry) throws Exception {
        botFramework = new BotFrameworkFake();
        app = ShoptalkApp.start(
                AppConfig.fromEnvironment(Map.of(
                                "MICROSOFT_APP_ID",
                                TeamsActivities.APP_ID,
                                "MICROSOFT_APP_PASSWORD",
                                "corpus-client-secret",
                                "MICROSOFT_APP_TENANT_ID",
                                TeamsActivities.TENANT_ID,
                                "SHOPTALK_SECRET",
                                "teams-corpus-secret-0123456789",
                                "TEAMS_OPENID_METADATA_URL",
                                botFramework.openIdMetadataUrl(),
                                "TEAMS_TOKEN_URL",
                                botFramework.tokenUrl()))
                        .withPort(0)
                        .withDatabase(new DbSettings("jdbc:h2:file:" + dir.resolve("shoptalk"), "sa", "", 5)),
                List.of());
        Http http = new Http(app.port());
        TeamsSender teams = new TeamsSender(http, botFramework);
        assertThat(teams.command(LEAD, "1764000000101", "guild create Craft lang en")
                        .status())
                .isEqualTo(200);
        botFramework.awaitRequests(BotFrameworkFake::isActivity, 1);
        assertThat(teams.command(LEAD, "1764000000102", "moment").status()).isEqualTo(200);
        ServeEvent moment =
                botFramework.awaitRequests(BotFrameworkFake::isMomentPost, 1).get(0);
        // The command's answer comes once the moment's thread is stored; a reply sent before that has no round to join.
        botFramework.awaitRequests(
                e -> BotFrameworkFake.isActivity(e)
                        && e.getRequest().getBodyAsString().contains("Posted reflection moment"),
                1);
        String conversation = BotFrameworkFake.json(moment.getResponse().getBodyAsString())
                .path("id")
                .asText();
        String root = conversation.substring(conversation.indexOf(";messageid=") + ";messageid=".length());

        for (String payload : entry.payloads()) {
            String activity = teams.activityFrom(
                    payload,
                    Map.of(
                            "id", "1764000000201",
                            "root", root,
                            "fromId", MEMBER.id(),
                            "fromAad", MEMBER.aad(),
                            "fromName", MEMBER.name()));
            assertThat(teams.send(Corpus.fill(activity, Map.of())).status())
                    .as(entry.name())
                    .isEqualTo(200);
        }
        ServeEvent posted = botFramework.digestAfter(
                () -> assertThat(teams.command(LEAD, "1764000000103", "digest").status())
                        .isEqualTo(200));
        JsonNode card = BotFrameworkFake.json(posted.getRequest().getBodyAsString())
                .path("activity")
                .path("attachments")
                .path(0)
                .path("content");

        Matcher page = PAGE.matcher(card.toString());
        assertThat(page.find()).as("the digest links to its page").isTrue();
        Http.Answer html = http.get(page.group(2));
        assertThat(html.status()).isEqualTo(200);

        Corpus.checkTeams(entry, card);
        Corpus.checkSlack(entry, CorpusBlocks.json(Corpus.neutralDigest(app.database(), page.group(1))));
        Corpus.checkPage(entry, html.body());
    }
}

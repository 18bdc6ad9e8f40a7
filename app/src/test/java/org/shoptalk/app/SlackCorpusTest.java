package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.shoptalk.teams.CorpusCards;

/**
 * Each Slack payload of the corpus ({@link Corpus}), signed and sent to the real app's events endpoint as a reply in
 * a moment's thread, then the digest: as Slack gets it (Block Kit posted to the fake Slack), as a Teams card of the
 * same digest, and as its web page.
 */
class SlackCorpusTest {
    private static final String SIGNING_SECRET = "corpus-test-signing-secret-0123456789";
    private static final Pattern PAGE = Pattern.compile("<(http://localhost:\\d+(/digest/[^|>]+))\\|");

    @TempDir
    Path dir;

    private FakeSlack slack;
    private ShoptalkApp app;

    static Stream<Corpus.Entry> corpus() {
        return Corpus.entries("slack");
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (slack != null) {
            slack.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void every_slack_shape_reads_as_written_in_all_three_renderings(Corpus.Entry entry) throws Exception {
        slack = FakeSlack.start();
        app = ShoptalkApp.start(
                AppConfig.fromEnvironment(Map.of(
                                "SLACK_BOT_TOKEN",
                                "xoxb-corpus-token",
                                "SLACK_SIGNING_SECRET",
                                SIGNING_SECRET,
                                "SHOPTALK_SECRET",
                                "slack-corpus-secret-0123456789",
                                "SLACK_API_URL",
                                slack.apiUrl()))
                        .withPort(0)
                        .withDatabase(new DbSettings("jdbc:h2:file:" + dir.resolve("shoptalk"), "sa", "", 5)),
                List.of());
        Http http = new Http(app.port());
        SlackSender sender = new SlackSender(http, SIGNING_SECRET, slack.responseUrl());
        assertThat(sender.command("U1", "guild create Craft lang en").status()).isEqualTo(200);
        assertThat(sender.command("U1", "moment").status()).isEqualTo(200);
        slack.awaitPosts(FakeSlack::isMoment, 1);
        String root = slack.tsOfPost("C1", "Reflection moment");

        Map<String, String> vars = Map.of(
                "team",
                FakeSlack.TEAM,
                "botUser",
                FakeSlack.BOT_USER,
                "root",
                root,
                "ts",
                "1764000100.000100",
                "eventId",
                "EvCorpus" + entry.name().hashCode());
        for (String payload : entry.payloads()) {
            assertThat(sender.event(Corpus.fill(payload, vars), Map.of()).status())
                    .as(entry.name())
                    .isEqualTo(200);
        }
        String blocks = slack.digestAfter(() ->
                        assertThat(sender.command("U1", "digest").status()).isEqualTo(200))
                .get("blocks");

        // Slack's client writes "<" as \\u003c; read back as JSON, the mrkdwn link reads as Slack will show it.
        Matcher page = PAGE.matcher(new ObjectMapper().readTree(blocks).toString());
        assertThat(page.find()).as("the digest links to its page").isTrue();
        Http.Answer html = http.get(page.group(2));
        assertThat(html.status()).isEqualTo(200);

        Corpus.checkSlack(entry, blocks);
        Corpus.checkTeams(entry, CorpusCards.card(Corpus.neutralDigest(app.database(), page.group(1))));
        Corpus.checkPage(entry, html.body());
        // The same neutral digest through the Slack renderer directly agrees with what was posted.
        Corpus.checkSlack(entry, CorpusBlocks.json(Corpus.neutralDigest(app.database(), page.group(1))));
    }
}

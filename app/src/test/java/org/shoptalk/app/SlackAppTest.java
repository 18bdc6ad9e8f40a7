package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shoptalk.core.db.DbSettings;
import org.shoptalk.core.testing.UnplannedPosts;

/**
 * The whole process as a single-workspace Slack app: configured from environment variables, its Web API
 * calls going to a fake Slack on loopback, and Slack's signed requests arriving over real HTTP.
 */
class SlackAppTest {
    private static final String SIGNING_SECRET = "app-test-signing-secret-0123456789";

    @TempDir
    Path dir;

    private FakeSlack slack;
    private ShoptalkApp app;
    private SlackSender sender;
    private int delayedReplies;

    @BeforeEach
    void start() {
        slack = FakeSlack.start();
        AppConfig config = AppConfig.fromEnvironment(Map.of(
                        "SLACK_BOT_TOKEN",
                        "xoxb-app-test-token",
                        "SLACK_SIGNING_SECRET",
                        SIGNING_SECRET,
                        "SHOPTALK_SECRET",
                        "slack-app-test-secret-0123456789",
                        "SLACK_API_URL",
                        slack.apiUrl()))
                .withPort(0)
                .withDatabase(new DbSettings("jdbc:h2:file:" + dir.resolve("shoptalk"), "sa", "", 5));
        app = ShoptalkApp.start(config, List.of());
        sender = new SlackSender(new Http(app.port()), SIGNING_SECRET, slack.responseUrl());
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        slack.close();
    }

    @Test
    void a_thread_reply_reaches_the_digest_once_even_when_slack_delivers_it_twice() {
        assertThat(reply(sender.command("U1", "guild create Craft lang en"))).contains("Craft");

        // The command's reply comes once the moment is posted and its thread stored (on the ack or, when that takes
        // longer than the ack waits, through the response_url); an answer sent before that has no round to join.
        reply(sender.command("U1", "moment"));
        Map<String, String> prompt = slack.awaitPosts(FakeSlack::isMoment, 1).get(0);
        assertThat(prompt.get("channel")).isEqualTo("C1");
        assertThat(prompt.get("blocks")).contains("Reflection moment");
        String root = slack.tsOfPost("C1", "Reflection moment");

        String answer = SlackSender.message(
                "EvAnswer1",
                "U2",
                "1700000100.000100",
                root,
                "We stopped the weekly status meeting and wrote notes instead.");
        assertThat(sender.event(answer, Map.of()).status()).isEqualTo(200);
        Http.Answer retried =
                sender.event(answer, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));
        assertThat(retried.status()).isEqualTo(200);

        Map<String, String> digest = slack.digestAfter(
                () -> assertThat(sender.command("U1", "digest").status()).isEqualTo(200));

        assertThat(digest.get("blocks")).contains("Craft").contains("People who took part: 1");
        assertThat(occurrences(digest.get("blocks"), "wrote notes instead"))
                .as("the answer, stored once")
                .isEqualTo(1);
        assertThat(slack.awaitPosts(call -> !FakeSlack.isDigest(call), 1))
                .as("besides digests, only the moment is posted")
                .hasSize(1);
        assertThat(slack.awaitPosts(FakeSlack::isDigest, 1))
                .as("the digest asked for, and one per channel of a weekly digest that came meanwhile")
                .hasSize(1 + (int) UnplannedPosts.scheduledDigests(app.database()));
    }

    @Test
    void requests_not_signed_with_the_signing_secret_get_401_and_change_nothing() {
        String create = SlackSender.form(sender.slashCommand("U1", "guild create Craft lang en"));
        long now = System.currentTimeMillis() / 1000;

        Http.Answer forged = sender.send(create, "application/x-www-form-urlencoded", Map.of(), now, "not-the-secret");
        Http.Answer stale =
                sender.send(create, "application/x-www-form-urlencoded", Map.of(), now - 10 * 60, SIGNING_SECRET);
        Http.Answer unsigned = new Http(app.port())
                .post(SlackSender.EVENTS_PATH, "application/x-www-form-urlencoded", create, Map.of());

        assertThat(List.of(forged.status(), stale.status(), unsigned.status())).containsOnly(401);
        assertThat(reply(sender.command("U1", "guild"))).contains("no guild yet");
    }

    @Test
    void slack_can_verify_the_request_url_when_the_app_is_set_up() {
        Http.Answer answer = sender.event(
                "{\"token\":\"legacy\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
                        + "\"type\":\"url_verification\"}",
                Map.of());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    /**
     * Issue 11: a lively week once built a digest of about 39,000 characters of block text, which Slack refuses. Here
     * 80 answers of a few sentences arrive as signed Slack events, and the fake Slack checks every post against
     * Slack's limits: it takes the digest, and the digest's link opens a page that holds all 80 answers.
     */
    @Test
    void an_eighty_answer_week_makes_a_digest_slack_accepts_whose_page_holds_every_answer() {
        assertThat(reply(sender.command("U1", "guild create Busy lang en"))).contains("Busy");
        // Through reply(): on a busy machine the moment's answer comes by response_url, and the count must know.
        assertThat(reply(sender.command("U1", "moment"))).contains("Posted reflection moment");
        slack.awaitPosts(FakeSlack::isMoment, 1);
        String root = slack.tsOfPost("C1", "Reflection moment");

        for (int i = 1; i <= 80; i++) {
            String user = "U" + (100 + i % 20);
            String mention = i % 5 == 0 ? "<@U" + (100 + (i - 1) % 20) + "> " : "";
            String text = mention + "[answer " + String.format("%03d", i) + "] This week I paired on the billing"
                    + " migration and learnt how much of our schema nobody understands any more. I wrote down three"
                    + " questions for the next refinement & asked the team to look at them. Next week I want to try"
                    + " ensemble work on the hardest part, because talking it through saved us hours last time.";
            String ts = String.format("1700001%03d.000100", i);
            assertThat(sender.event(SlackSender.message("EvBusy" + i, user, ts, root, text), Map.of())
                            .status())
                    .isEqualTo(200);
        }

        String digest = slack.digestAfter(
                        () -> assertThat(reply(sender.command("U1", "digest"))).contains("The digest is posted"))
                .get("blocks");

        assertThat(slack.refusals())
                .as("what the limit-checking fake Slack refused")
                .isEmpty();
        Matcher link =
                Pattern.compile("/digest/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+").matcher(digest);
        assertThat(link.find()).as(digest).isTrue();
        Http.Answer page = new Http(app.port()).get(link.group());
        assertThat(page.status()).isEqualTo(200);
        for (int i = 1; i <= 80; i++) {
            assertThat(page.body()).contains("[answer " + String.format("%03d", i) + "]");
        }
    }

    /** A slash command's reply: on the ack when it is quick, otherwise through the response_url. */
    private String reply(Http.Answer ack) {
        assertThat(ack.status()).isEqualTo(200);
        if (!ack.body().isBlank()) {
            return ack.body();
        }
        delayedReplies++;
        List<String> replies = slack.awaitDelayedReplies(delayedReplies);
        return replies.get(replies.size() - 1);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}

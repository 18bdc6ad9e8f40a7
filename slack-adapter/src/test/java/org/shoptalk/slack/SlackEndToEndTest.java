package org.shoptalk.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.CoreSettings;
import org.shoptalk.core.ShoptalkCore;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.task.Task;

/**
 * The real core behind the real adapter: a guild lead sets Shoptalk up with slash commands, a moment
 * is posted to the fake Slack, people answer in the thread, and the digest shows what they said.
 */
class SlackEndToEndTest {
    private final DelegatingShoptalk shoptalk = new DelegatingShoptalk();
    private SlackHarness slack;
    private ShoptalkCore core;

    @BeforeEach
    void start() throws Exception {
        slack = SlackHarness.start(
                Map.of("SLACK_BOT_TOKEN", SlackHarness.BOT_TOKEN, "SLACK_SIGNING_SECRET", SlackHarness.SIGNING_SECRET),
                shoptalk,
                Clock.systemUTC(),
                new NewTsPerMessage());
        slack.slackApi.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .willReturn(aResponse().withTransformers(NewTsPerMessage.NAME)));
        for (String[] person : new String[][] {{"U1", "ann"}, {"U2", "bo"}, {"U3", "cy"}}) {
            slack.slackApi.stubFor(post(urlPathEqualTo("/api/users.info"))
                    .withRequestBody(containing("user=" + person[0]))
                    .willReturn(okJson("{\"ok\":true,\"user\":{\"id\":\"" + person[0] + "\",\"name\":\"" + person[1]
                            + "\",\"profile\":{\"display_name\":\"" + person[1] + "\"}}}")));
        }
        core = ShoptalkCore.create(slack.database, CoreSettings.defaults(), Clock.systemUTC());
        shoptalk.delegate = core.shoptalk();
        core.register(slack.adapter.platform());
        core.start();
        slack.adapter.start();
    }

    @AfterEach
    void stop() throws Exception {
        core.close();
        slack.close();
    }

    @Test
    void lead_schedules_members_answer_in_the_thread_and_the_digest_shows_their_words() {
        String created = slack.commandReply(slack.slashCommand("guild create Craft lang en tz Europe/Amsterdam"));
        assertThat(created).contains("Craft");
        String scheduled = slack.commandReply(slack.slashCommand("schedule mon,thu 09:30"));
        assertThat(scheduled).contains("09:30");

        slack.command(slack.slashCommand("moment"));
        SlackHarness.Post prompt = slack.awaitPost(SlackHarness.Post::isMoment);
        assertThat(prompt.body()).contains("channel=C1").contains("\"type\":\"section\"");
        String root = prompt.ts();

        slack.event(
                SlackPayloads.reply("Ev1", "U2", "1700000100.000100", root, "We stopped the weekly status meeting."));
        slack.event(SlackPayloads.reply("Ev2", "U3", "1700000200.000100", root, "I will delete this one."));
        slack.event(
                SlackPayloads.reply("Ev3", "U1", "1700000300.000100", root, "<@U2> what did you do with the hour?"));
        HttpResponse<String> retry = slack.postSigned(
                SlackPayloads.reply("Ev3", "U1", "1700000300.000100", root, "<@U2> what did you do with the hour?"),
                "application/json",
                Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));
        assertThat(retry.statusCode()).isEqualTo(200);
        slack.event(SlackPayloads.edited(
                "Ev4",
                "U2",
                "1700000100.000100",
                root,
                "We stopped the weekly status meeting.",
                "We stopped the weekly status meeting and wrote notes instead."));
        slack.event(SlackPayloads.deleted("Ev5", "U3", "1700000200.000100", root));

        String digest = slack.digestAfter(() -> slack.command(slack.slashCommand("digest")))
                .body();

        assertThat(digest)
                .contains("wrote notes instead")
                .doesNotContain("I will delete this one")
                .contains("what did you do with the hour?")
                .contains("https://test.slack.com/archives/C1/p1700000000000100");
        String blocks = digest.substring(digest.indexOf("blocks="));
        // The answers of the round come before the dialogue section, which quotes open questions once more.
        String answers = blocks.substring(0, blocks.indexOf("Where the dialogue went"));
        assertThat(countOccurrences(answers, "what did you do with the hour?"))
                .as("the retried event is stored once")
                .isEqualTo(1);
        assertThat(blocks.substring(blocks.indexOf("Where the dialogue went")))
                .contains("Open questions")
                .contains("what did you do with the hour?");
        assertThat(blocks)
                .contains("bo (edited)")
                .contains("ann, responding to bo")
                .contains("People who took part: 2")
                .contains("Answers that responded to a colleague: 1");
        List<SlackHarness.Post> posts = slack.awaitPosts(p -> true, 2);
        assertThat(posts.stream().filter(p -> !p.isDigest()))
                .as("besides digests, only moments are posted: the one asked for and any a schedule opened")
                .allMatch(SlackHarness.Post::isMoment)
                .hasSize(1 + (int) slack.scheduledMoments());
        assertThat(posts.stream().filter(SlackHarness.Post::isDigest))
                .as("the digest asked for, and any the weekly digest posted")
                .hasSize(1 + (int) slack.scheduledDigestPosts());
    }

    @Test
    void a_person_slack_did_not_resolve_or_typed_as_characters_is_refused_and_nothing_is_stored() {
        assertThat(slack.commandReply(slack.slashCommand("guild create Craft lang en")))
                .contains("Craft");

        // Slack leaves a name it could not resolve as plain text, and sends typed brackets HTML-escaped.
        String unknown = slack.commandReply(slack.slashCommand("guild lead add @carl"));
        String typed = slack.commandReply(slack.slashCommand("guild lead add &lt;@U2&gt;"));
        String guild = slack.commandReply(slack.slashCommand("guild"));

        assertThat(unknown)
                .contains("ephemeral")
                .contains("Slack did not tell me who @carl is, so nothing changed")
                .contains("pick your colleague from the list Slack shows");
        assertThat(typed).contains("ephemeral").contains("is not a mention of a person");
        assertThat(guild).contains("Members: 1").doesNotContain("carl");

        String added = slack.commandReply(slack.slashCommand("guild lead add <@U2|bo>"));
        assertThat(added).contains("in_channel").contains("\\u003c@U2\\u003e is now a lead");
        assertThat(slack.commandReply(slack.slashCommand("guild"))).contains("Members: 2");
    }

    @Test
    void mention_characters_typed_in_an_answer_are_shown_as_typed_and_mention_nobody() {
        slack.commandReply(slack.slashCommand("guild create Craft lang en"));
        slack.command(slack.slashCommand("moment"));
        String root = slack.awaitPost(SlackHarness.Post::isMoment).ts();
        slack.event(SlackPayloads.reply("Ev1", "U1", "1700000100.000100", root, "I plan the retro."));
        slack.event(SlackPayloads.reply(
                "Ev2", "U3", "1700000200.000100", root, "Slack ids look like &lt;@U2&gt;, I read in the docs."));

        String digest = slack.digestAfter(() -> slack.command(slack.slashCommand("digest")))
                .body();

        assertThat(digest)
                .contains("ids look like &lt;\u2060@U2&gt;")
                .doesNotContain("<@U2>")
                .doesNotContain("@bo")
                .doesNotContain("responding to bo");
    }

    private static int countOccurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }

    @Test
    void the_home_welcomes_someone_in_no_guild_and_shows_a_lead_their_guild_with_buttons() {
        slack.event(SlackPayloads.homeOpened("EvHome1", "U1"));
        String welcome = decoded(slack.awaitRequests("/api/views.publish", 1).get(0));
        assertThat(welcome)
                .contains("user_id=U1")
                .contains("Welcome to Shoptalk")
                .contains("/shoptalk guild create NAME")
                .doesNotContain("I do not know which guild");

        slack.command(slack.slashCommand("guild create Craft lang en tz Europe/Amsterdam"));
        slack.command(slack.slashCommand("schedule mon,thu 09:30"));
        slack.event(SlackPayloads.homeOpened("EvHome2", "U1"));

        String home = decoded(slack.awaitRequests("/api/views.publish", 2).get(1));
        assertThat(home)
                .contains("Craft (you lead it)")
                .contains("#1 Mon, Thu at 09:30")
                .contains("pause 1\"")
                .contains(AppHome.OPEN_SCHEDULE_ACTION)
                .doesNotContain("I do not know which guild");
    }

    /**
     * Issue 12: "forget me" asks first, privately, with a button that runs the confirmation as the person. The button
     * is pressed on the message in the channel: the confirmation reaches them there (ephemeral, through the response
     * URL, which needs nothing the adapter kept), and the adapter forgets the name it had looked up.
     */
    @Test
    void forget_me_confirmed_by_a_button_in_the_channel_answers_privately_and_the_adapter_forgets_the_name() {
        slack.commandReply(slack.slashCommand("guild create Craft lang en"));
        UserRef ann = new UserRef(SlackIds.tenant(SlackHarness.TEAM), "U1");
        assertThat(slack.adapter.platform().displayName(ann)).isEqualTo("ann");

        HttpResponse<String> ack = slack.command(slack.slashCommand("forget me"));
        // On a busy machine the reply misses the ack and goes to the response URL instead.
        String preview = reply(ack).isBlank() ? responseSaying("Nothing changes until you confirm") : ack.body();

        assertThat(preview)
                .contains("ephemeral")
                .contains("Nothing changes until you confirm")
                .contains("your membership of 1 guild")
                .contains("\"value\":\"forget me confirm\"");
        assertThat(members()).as("a preview removes nothing").isEqualTo(1);

        slack.interaction(SlackPayloads.buttonClick("U1", "C1", "forget me confirm", slack.responseUrl()));

        assertThat(responseSaying("Shoptalk has forgotten you"))
                .contains("ephemeral")
                .contains("your membership of 1 guild");
        assertThat(members()).as("Ann is no member any more").isZero();
        int lookups = usersInfoCalls();
        slack.adapter.platform().displayName(ann);
        assertThat(usersInfoCalls())
                .as("the name is asked of Slack again, not kept")
                .isEqualTo(lookups + 1);
    }

    /** "@Shoptalk forget me confirm" in a channel: the confirmation is an ephemeral message there, to that person. */
    @Test
    void forget_me_confirmed_by_a_mention_in_the_channel_answers_with_an_ephemeral_message() {
        slack.commandReply(slack.slashCommand("guild create Craft lang en"));

        slack.event(SlackPayloads.mention("EvForget1", "U1", "<@" + SlackHarness.BOT_USER + "> forget me confirm"));

        String confirmation =
                decoded(slack.awaitRequests("/api/chat.postEphemeral", 1).get(0));
        assertThat(confirmation).contains("user=U1").contains("channel=C1").contains("Shoptalk has forgotten you");
        assertThat(members()).isZero();
    }

    private int usersInfoCalls() {
        return slack.slackApi
                .findAll(postRequestedFor(urlPathEqualTo("/api/users.info")).withRequestBody(containing("user=U1")))
                .size();
    }

    /**
     * Issue 15, section 3: a week after pairing, each member gets one private check-in with three buttons (Block Kit
     * buttons whose values are core's commands), and a press is that person's answer.
     */
    @Test
    void the_pair_check_in_comes_privately_with_three_buttons_and_a_press_answers_it() {
        slack.commandReply(slack.slashCommand("guild create Craft lang en tz Europe/Amsterdam"));
        // No quiet hours for Ann, so the check-in is due now whatever day and hour this test runs.
        slack.commandReply(slack.slashCommand("quiet hours off"));
        long pair = slack.database.withHandle(h -> h.insert(
                "INSERT INTO pairing (guild_id, members, prompt_id, formed_at) VALUES (1, ?, 'craft-01', ?)",
                "U1\nU2",
                Instant.now().minus(Duration.ofDays(7)).minusSeconds(60)));

        core.runTask(new Task.CheckIn(pair), Instant.now());

        String checkIn = slack.awaitPost(p -> p.body().contains("channel=U1")).body();
        assertThat(checkIn)
                .contains("A week ago you and <@U2> became professional friends in Craft")
                .contains("\"value\":\"pairs met " + pair + "\"")
                .contains("\"value\":\"pairs not yet " + pair + "\"")
                .contains("\"value\":\"pairs skip " + pair + "\"");

        slack.interaction(SlackPayloads.buttonClick("U1", "D1", "pairs met " + pair, slack.responseUrl()));

        assertThat(responseSaying("Good to hear")).contains("digest of Craft");
        long met = slack.database.withHandle(h -> h.count("SELECT COUNT(*) FROM pairing WHERE met_at IS NOT NULL"));
        assertThat(met).isEqualTo(1);
    }

    /** The first reply sent to the response URL that contains {@code text}; fails after the harness's wait. */
    private String responseSaying(String text) {
        for (int n = 1; ; n++) {
            List<LoggedRequest> found = slack.awaitRequests("/response-url", n);
            for (LoggedRequest r : found) {
                if (r.getBodyAsString().contains(text)) {
                    return r.getBodyAsString();
                }
            }
            n = found.size();
        }
    }

    private long members() {
        return slack.database.withHandle(h -> h.count("SELECT COUNT(*) FROM guild_member"));
    }

    private static String reply(HttpResponse<String> ack) {
        assertThat(ack.statusCode()).isEqualTo(200);
        return ack.body();
    }

    private static String decoded(LoggedRequest request) {
        return URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8);
    }

    /**
     * Issue 12: when core fails on a Dutch guild's command (its moments' table is gone, the guild's is not), the
     * private apology is Dutch: the adapter passes who typed it where, core knows the guild's language.
     */
    @Test
    void a_dutch_guilds_command_that_fails_in_core_gets_the_apology_in_dutch() {
        assertThat(slack.commandReply(slack.slashCommand("gilde start Vakwerk taal nl")))
                .contains("Vakwerk");
        slack.database.useTransaction(h -> h.update("ALTER TABLE schedule RENAME TO schedule_gone"));

        HttpResponse<String> ack = slack.command(slack.slashCommand("rooster"));
        String apology = reply(ack).isBlank()
                // A machine too busy to answer within the wait: the reply then comes through the response_url.
                ? responseSaying("Sorry")
                : ack.body();

        assertThat(apology)
                .contains("ephemeral")
                .contains("Sorry, dat lukte Shoptalk nu niet")
                .doesNotContain("could not do that");
    }
}

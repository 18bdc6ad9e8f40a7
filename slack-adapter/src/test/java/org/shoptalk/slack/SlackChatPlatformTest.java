package org.shoptalk.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.Platform;
import org.shoptalk.core.chat.PostLookup;
import org.shoptalk.core.chat.Posted;
import org.shoptalk.core.chat.RateLimitedException;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.ThreadRef;
import org.shoptalk.core.chat.UnknownOutcomeException;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.testing.MutableClock;
import org.shoptalk.core.testing.RecordingShoptalk;
import org.shoptalk.core.testing.SleepWatch;

/**
 * Core's port onto Slack against a fake Web API. Calls are made once and never wait: a rate limit and a post
 * that may have landed come back to core as typed exceptions, at once.
 */
class SlackChatPlatformTest {
    private static final Tenant TENANT = new Tenant(Platform.SLACK, SlackHarness.TEAM);
    private static final ChannelRef C1 = new ChannelRef(TENANT, "C1");
    private static final ChatMessage PROMPT = ChatMessage.builder()
            .header("Reflection moment")
            .text("What did you stop doing this month, and what did it give you?")
            .context("Why this question: decluttering makes room for the work that matters.")
            .text("Answer in this thread.")
            .build();

    private SlackHarness slack;

    @AfterEach
    void stop() throws Exception {
        if (slack != null) {
            slack.close();
        }
    }

    private SlackHarness start() throws Exception {
        return start(Clock.systemUTC());
    }

    private SlackHarness start(Clock clock, Extension... extensions) throws Exception {
        slack = SlackHarness.start(
                Map.of("SLACK_BOT_TOKEN", SlackHarness.BOT_TOKEN, "SLACK_SIGNING_SECRET", SlackHarness.SIGNING_SECRET),
                new RecordingShoptalk(),
                clock,
                extensions);
        return slack;
    }

    @Test
    void prompt_is_posted_as_block_kit_with_the_bot_token_and_a_permalink() throws Exception {
        start();

        Posted posted = slack.adapter.platform().postTopLevel(C1, PROMPT);

        assertThat(posted.messageId()).isEqualTo("1700000000.000100");
        assertThat(posted.threadId()).isEqualTo(posted.messageId());
        assertThat(posted.permalink()).isEqualTo("https://test.slack.com/archives/C1/p1700000000000100");
        LoggedRequest request = slack.slackApi
                .findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage")))
                .get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + SlackHarness.BOT_TOKEN);
        String body = decoded(request);
        assertThat(body)
                .contains("channel=C1")
                .contains("\"type\":\"header\"")
                .contains("Reflection moment")
                .contains("\"type\":\"context\"")
                .contains("Why this question")
                .contains("Reflection moment\nWhat did you stop doing");
    }

    @Test
    void the_notification_text_is_plain_words_in_the_messages_language_and_quoted_words_mention_nobody()
            throws Exception {
        start();
        ChatMessage digest = ChatMessage.builder()
                .header("Deze week in Vakmanschap")
                .context("30 november 2026 - 4 december 2026")
                .text("Gevraagd door <@U9>: wat ging goed?")
                .quote("<!channel> kijk *hier* & <https://evil.example|klik> en <\u2060@U7>", "Ann")
                .divider()
                .link("Lees alle 12 antwoorden", "https://shoptalk.example/digest/a?b=1&c=2")
                .button("Pauzeer", "pause 1")
                .build();

        slack.adapter.platform().postTopLevel(C1, digest);

        String text = formField(
                slack.slackApi
                        .findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage")))
                        .get(0),
                "text");
        assertThat(text)
                .isEqualTo("Deze week in Vakmanschap\n"
                        + "30 november 2026 - 4 december 2026\n"
                        + "Gevraagd door <@U9>: wat ging goed?\n"
                        + "“&lt;!channel&gt; kijk *hier* &amp; &lt;https://evil.example|klik&gt; en &lt;\u2060@U7&gt;”"
                        + " — Ann\n"
                        + "Lees alle 12 antwoorden: https://shoptalk.example/digest/a?b=1&amp;c=2");
        // Slack reads <...> as a mention or link: only the one core wrote itself is left for it to read.
        assertThat(text.replace("<@U9>", "")).doesNotContain("<").doesNotContain(">");
    }

    @Test
    void thread_reply_and_private_message_go_where_they_belong() throws Exception {
        start();

        slack.adapter.platform().postInThread(new ThreadRef(C1, "1700000000.000100"), ChatMessage.text("reply"));
        slack.adapter.platform().sendPrivate(new UserRef(TENANT, "U5"), ChatMessage.text("A gentle reminder"));

        List<LoggedRequest> posts = slack.slackApi.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage")));
        assertThat(decoded(posts.get(0)))
                .contains("thread_ts=1700000000.000100")
                .contains("channel=C1");
        assertThat(decoded(posts.get(1))).contains("channel=U5").doesNotContain("thread_ts");
    }

    @Test
    void a_429_on_a_post_is_a_wait_for_that_channel_reported_at_once_without_sleeping() throws Exception {
        start();
        slack.slackApi.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "30")
                        .withBody("{\"ok\":false,\"error\":\"ratelimited\"}")));

        Throwable thrown;
        List<SleepWatch.Sleep> sleeps;
        try (SleepWatch watch = SleepWatch.start()) {
            thrown = catchThrowable(() -> slack.adapter.platform().postTopLevel(C1, PROMPT));
            sleeps = watch.sleeps();
        }

        assertThat(thrown).isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
            assertThat(e.scope()).isEqualTo(RateLimitedException.Scope.CHANNEL);
        });
        assertThat(sleeps).isEmpty();
        slack.slackApi.verify(1, postRequestedFor(urlPathEqualTo("/api/chat.postMessage")));
    }

    @Test
    void slack_s_ratelimited_error_in_an_ok_answer_is_a_wait_too() throws Exception {
        start();
        slack.slackApi.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"ratelimited\"}")));

        assertThatThrownBy(() -> slack.adapter.platform().postInThread(new ThreadRef(C1, "1700000000.000100"), PROMPT))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
                    assertThat(e.scope()).isEqualTo(RateLimitedException.Scope.CHANNEL);
                });
    }

    @Test
    void a_rate_limited_update_is_a_wait_for_the_whole_workspace() throws Exception {
        start();
        slack.slackApi.stubFor(post(urlPathEqualTo("/api/chat.update"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));

        assertThatThrownBy(() -> slack.adapter
                        .platform()
                        .update(new Posted(C1, "1700000000.000100", "1700000000.000100", null), PROMPT))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(e.scope()).isEqualTo(RateLimitedException.Scope.WORKSPACE);
                });
    }

    @Test
    void a_server_error_on_a_post_is_an_unknown_outcome_and_the_post_is_not_sent_again() throws Exception {
        start();
        slack.slackApi.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> slack.adapter.platform().postTopLevel(C1, PROMPT))
                .isInstanceOf(UnknownOutcomeException.class);

        slack.slackApi.verify(1, postRequestedFor(urlPathEqualTo("/api/chat.postMessage")));
    }

    @Test
    void a_connection_lost_after_sending_a_post_or_slack_s_internal_error_is_an_unknown_outcome() throws Exception {
        start();
        slack.slackApi.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .withRequestBody(containing("channel=CRESET"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        slack.slackApi.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .withRequestBody(containing("channel=CINTERNAL"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"internal_error\"}")));

        // A post that lands first leaves a pooled connection, the kind HTTP clients like to retry on silently.
        slack.adapter.platform().postTopLevel(C1, PROMPT);

        for (String channel : List.of("CRESET", "CINTERNAL")) {
            assertThatThrownBy(() -> slack.adapter.platform().postTopLevel(new ChannelRef(TENANT, channel), PROMPT))
                    .as(channel)
                    .isInstanceOf(UnknownOutcomeException.class);
            slack.slackApi.verify(
                    1,
                    postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                            .withRequestBody(containing("channel=" + channel)));
        }
    }

    @Test
    void a_failed_read_is_only_transient_a_post_keeps_its_place_and_a_name_is_asked_again() throws Exception {
        start();
        slack.slackApi.stubFor(post(urlPathEqualTo("/api/chat.getPermalink"))
                .willReturn(aResponse().withStatus(503)));
        slack.slackApi.stubFor(
                post(urlPathEqualTo("/api/users.info")).willReturn(aResponse().withStatus(502)));
        UserRef ann = new UserRef(TENANT, "U1");

        Posted posted = slack.adapter.platform().postTopLevel(C1, PROMPT);
        String first = slack.adapter.platform().displayName(ann);
        String second = slack.adapter.platform().displayName(ann);

        assertThat(posted.messageId()).isEqualTo("1700000000.000100");
        assertThat(posted.permalink()).isNull();
        slack.slackApi.verify(1, postRequestedFor(urlPathEqualTo("/api/chat.postMessage")));
        assertThat(List.of(first, second)).containsOnly("U1");
        slack.slackApi.verify(2, postRequestedFor(urlPathEqualTo("/api/users.info")));
    }

    @Test
    void channel_the_bot_was_removed_from_fails_permanently_without_retrying() throws Exception {
        start();
        slack.slackApi.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .withRequestBody(containing("channel=CGONE"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"not_in_channel\"}")));
        slack.slackApi.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .withRequestBody(containing("channel=CDELETED"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"channel_not_found\"}")));

        for (String channel : List.of("CGONE", "CDELETED")) {
            assertThatThrownBy(() -> slack.adapter.platform().postTopLevel(new ChannelRef(TENANT, channel), PROMPT))
                    .isInstanceOfSatisfying(
                            ChatPlatformException.class,
                            e -> assertThat(e.permanent()).isTrue());
        }
        slack.slackApi.verify(2, postRequestedFor(urlPathEqualTo("/api/chat.postMessage")));
    }

    /**
     * What core does with the adapter's answers, in virtual time: every refused post is planned again after its
     * Retry-After, for its channel only. Against a fake Slack that enforces one post per second per channel and a
     * workspace burst, a round to 100 channels (a prompt and an immediate reply in its thread) lands every message
     * exactly once, and every wait the adapter reported is the wait Slack asked for.
     */
    @Test
    void a_round_fanned_out_against_slack_s_limits_lands_every_channel_once_when_each_wait_is_honoured()
            throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2031-03-03T09:30:00Z"));
        RateLimitedSlack fakeSlack = new RateLimitedSlack(clock, 50, Duration.ofMinutes(1));
        start(clock, fakeSlack);
        fakeSlack.answerPostsOn(slack.slackApi);
        Instant begin = clock.instant();

        List<RateLimitedException> waits = new ArrayList<>();
        List<SleepWatch.Sleep> sleeps;
        try (SleepWatch watch = SleepWatch.start()) {
            PriorityQueue<Due> due = new PriorityQueue<>();
            for (int i = 0; i < 100; i++) {
                due.add(new Due(begin, i, new ChannelRef(TENANT, "C" + (1000 + i)), null));
            }
            while (!due.isEmpty()) {
                Due next = due.poll();
                if (next.at().isAfter(clock.instant())) {
                    clock.set(next.at());
                }
                try {
                    if (next.root() == null) {
                        Posted posted = slack.adapter.platform().postTopLevel(next.channel(), PROMPT);
                        due.add(new Due(clock.instant(), next.order(), next.channel(), posted.messageId()));
                    } else {
                        slack.adapter
                                .platform()
                                .postInThread(new ThreadRef(next.channel(), next.root()), ChatMessage.text("Welcome"));
                    }
                } catch (RateLimitedException e) {
                    waits.add(e);
                    due.add(new Due(clock.instant().plus(e.retryAfter()), next.order(), next.channel(), next.root()));
                }
            }
            sleeps = watch.sleeps();
        }

        Map<String, List<RateLimitedSlack.Accepted>> accepted = fakeSlack.accepted();
        assertThat(accepted).hasSize(100).allSatisfy((channel, posts) -> {
            assertThat(posts).hasSize(2);
            assertThat(posts.get(0).threadTs()).isNull();
            assertThat(posts.get(1).threadTs()).isEqualTo(posts.get(0).ts());
        });
        assertThat(waits)
                .extracting(RateLimitedException::retryAfter)
                .containsExactlyElementsOf(fakeSlack.refused().stream()
                        .map(RateLimitedSlack.Refused::retryAfter)
                        .toList());
        assertThat(waits).extracting(RateLimitedException::scope).containsOnly(RateLimitedException.Scope.CHANNEL);
        assertThat(waits)
                .extracting(RateLimitedException::retryAfter)
                .as("both limits were met: the channel's second and the workspace burst")
                .contains(Duration.ofSeconds(1))
                .anySatisfy(d -> assertThat(d).isGreaterThan(Duration.ofSeconds(1)));
        assertThat(Duration.between(begin, clock.instant()))
                .as("200 posts at 50 a minute")
                .isGreaterThanOrEqualTo(Duration.ofMinutes(3));
        assertThat(sleeps).isEmpty();
    }

    /** A post planned for a moment; {@code root} is set for the reply in the post's thread. */
    private record Due(Instant at, int order, ChannelRef channel, String root) implements Comparable<Due> {
        @Override
        public int compareTo(Due other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Integer.compare(order, other.order);
        }
    }

    @Test
    void display_name_comes_from_the_profile_and_is_cached() throws Exception {
        start();
        UserRef ann = new UserRef(TENANT, "U1");

        assertThat(slack.adapter.platform().displayName(ann)).isEqualTo("ann");
        assertThat(slack.adapter.platform().displayName(ann)).isEqualTo("ann");

        slack.slackApi.verify(
                1, postRequestedFor(urlPathEqualTo("/api/users.info")).withRequestBody(containing("user=U1")));
    }

    /** One field of a form-encoded Web API call, decoded on its own (a decoded body would mix up its "&"). */
    private static String formField(LoggedRequest request, String name) {
        for (String pair : request.getBodyAsString().split("&", -1)) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no field " + name + " in " + request.getBodyAsString());
    }

    /** Issue 15, section 3: reminders come at a sensible local time, in the zone Slack shows the person in. */
    @Test
    void the_time_zone_is_the_users_tz_from_users_info_cached_with_the_name() throws Exception {
        start();
        slack.slackApi.stubFor(post(urlPathEqualTo("/api/users.info"))
                .withRequestBody(containing("user=U7"))
                .willReturn(okJson("{\"ok\":true,\"user\":{\"id\":\"U7\",\"name\":\"bo\",\"tz\":\"America/New_York\","
                        + "\"tz_label\":\"Eastern Standard Time\",\"tz_offset\":-18000}}")));
        slack.slackApi.stubFor(post(urlPathEqualTo("/api/users.info"))
                .withRequestBody(containing("user=U8"))
                .willReturn(okJson("{\"ok\":true,\"user\":{\"id\":\"U8\",\"name\":\"cy\",\"tz\":\"Mars/Olympus\"}}")));
        UserRef bo = new UserRef(TENANT, "U7");

        assertThat(slack.adapter.platform().timeZone(bo)).contains(ZoneId.of("America/New_York"));
        assertThat(slack.adapter.platform().displayName(bo)).isEqualTo("bo");
        assertThat(slack.adapter.platform().timeZone(new UserRef(TENANT, "U8")))
                .as("a zone Java does not know: the guild's is used instead")
                .isEmpty();
        assertThat(slack.adapter.platform().timeZone(new UserRef(TENANT, "U1")))
                .as("no tz in the profile")
                .isEmpty();

        slack.slackApi.verify(
                1, postRequestedFor(urlPathEqualTo("/api/users.info")).withRequestBody(containing("user=U7")));
    }

    private static String decoded(LoggedRequest request) {
        return URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8);
    }

    @Test
    void a_post_whose_outcome_was_unknown_is_found_in_the_channel_history_as_slack_escaped_it() throws Exception {
        start();
        ChatMessage prompt = ChatMessage.builder()
                .header("Reflection moment")
                .text("Craft & care: what is <good> work?")
                .build();
        slack.slackApi.stubFor(
                post(urlPathEqualTo("/api/conversations.history")).willReturn(okJson("""
                {"ok":true,"messages":[
                  {"type":"message","user":"U1","text":"Craft & care: what is <good> work?","ts":"1700000300.000100"},
                  {"type":"message","bot_id":"B1","text":"Something else the bot said","ts":"1700000200.000100"},
                  {"type":"message","bot_id":"B1","text":"Reflection moment\nCraft &amp; care: what is &lt;good&gt; work?","ts":"1700000100.000100"}
                ]}""")));

        Posted found = lookup().findTopLevel(C1, prompt, Instant.ofEpochSecond(1_700_000_000))
                .orElseThrow();

        assertThat(found.messageId()).isEqualTo("1700000100.000100");
        assertThat(found.threadId()).isEqualTo("1700000100.000100");
        String asked = URLDecoder.decode(
                slack.slackApi
                        .findAll(postRequestedFor(urlPathEqualTo("/api/conversations.history")))
                        .get(0)
                        .getBodyAsString(),
                StandardCharsets.UTF_8);
        assertThat(asked).contains("channel=C1").contains("oldest=1700000000.000000");
    }

    @Test
    void a_post_that_never_landed_is_not_found_and_a_history_rate_limit_is_a_wait() throws Exception {
        start();
        slack.slackApi.stubFor(
                post(urlPathEqualTo("/api/conversations.history")).willReturn(okJson("""
                {"ok":true,"messages":[{"type":"message","bot_id":"B1","text":"Another question","ts":"1700000100.000100"}]}""")));

        assertThat(lookup().findTopLevel(C1, PROMPT, Instant.ofEpochSecond(1_700_000_000)))
                .isEmpty();

        slack.slackApi.stubFor(post(urlPathEqualTo("/api/conversations.history"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")));
        assertThatThrownBy(() -> lookup().findTopLevel(C1, PROMPT, Instant.ofEpochSecond(1_700_000_000)))
                .isInstanceOfSatisfying(
                        RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(60)));
    }

    /** Slack's port also looks up doubtful posts; core asks through {@link PostLookup}. */
    private PostLookup lookup() {
        assertThat(slack.adapter.platform()).isInstanceOf(PostLookup.class);
        return (PostLookup) slack.adapter.platform();
    }
}

package org.shoptalk.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.Platform;
import org.shoptalk.core.chat.Posted;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.ThreadRef;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.testing.RecordingShoptalk;

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

    private SlackHarness start(com.github.tomakehurst.wiremock.extension.Extension... extensions) throws Exception {
        slack = SlackHarness.start(Map.of("SLACK_BOT_TOKEN", SlackHarness.BOT_TOKEN,
                "SLACK_SIGNING_SECRET", SlackHarness.SIGNING_SECRET), new RecordingShoptalk(), Clock.systemUTC(), extensions);
        return slack;
    }

    @Test
    void prompt_is_posted_as_block_kit_with_the_bot_token_and_a_permalink() throws Exception {
        start();

        Posted posted = slack.adapter.platform().postTopLevel(C1, PROMPT);

        assertThat(posted.messageId()).isEqualTo("1700000000.000100");
        assertThat(posted.threadId()).isEqualTo(posted.messageId());
        assertThat(posted.permalink()).isEqualTo("https://test.slack.com/archives/C1/p1700000000000100");
        LoggedRequest request = slack.slackApi.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))).get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + SlackHarness.BOT_TOKEN);
        String body = decoded(request);
        assertThat(body).contains("channel=C1")
                .contains("\"type\":\"header\"").contains("Reflection moment")
                .contains("\"type\":\"context\"").contains("Why this question")
                .contains("text=*Reflection moment*");
    }

    @Test
    void thread_reply_and_private_message_go_where_they_belong() throws Exception {
        start();

        slack.adapter.platform().postInThread(new ThreadRef(C1, "1700000000.000100"), ChatMessage.text("reply"));
        slack.adapter.platform().sendPrivate(new UserRef(TENANT, "U5"), ChatMessage.text("A gentle reminder"));

        List<LoggedRequest> posts = slack.slackApi.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage")));
        assertThat(decoded(posts.get(0))).contains("thread_ts=1700000000.000100").contains("channel=C1");
        assertThat(decoded(posts.get(1))).contains("channel=U5").doesNotContain("thread_ts");
    }

    @Test
    void rate_limited_post_waits_for_retry_after_and_then_succeeds() throws Exception {
        start();
        slack.slackApi.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("limited")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")));
        slack.slackApi.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).inScenario("limit")
                .whenScenarioStateIs("limited")
                .willReturn(okJson("{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000.000777\"}")));

        Posted posted = slack.adapter.platform().postTopLevel(C1, PROMPT);

        assertThat(posted.messageId()).isEqualTo("1700000000.000777");
        assertThat(slack.pauses).containsExactly(Duration.ofSeconds(3));
        slack.slackApi.verify(2, postRequestedFor(urlPathEqualTo("/api/chat.postMessage")));
    }

    @Test
    void server_errors_are_retried_with_growing_backoff_but_not_forever() throws Exception {
        start();
        slack.slackApi.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> slack.adapter.platform().postTopLevel(C1, PROMPT))
                .isInstanceOfSatisfying(ChatPlatformException.class, e -> assertThat(e.permanent()).isFalse());

        slack.slackApi.verify(6, postRequestedFor(urlPathEqualTo("/api/chat.postMessage")));
        assertThat(slack.pauses).hasSize(5);
        for (int i = 1; i < slack.pauses.size(); i++) {
            assertThat(slack.pauses.get(i)).isEqualTo(slack.pauses.get(i - 1).multipliedBy(2));
        }
    }

    @Test
    void channel_the_bot_was_removed_from_fails_permanently_without_retrying() throws Exception {
        start();
        slack.slackApi.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).withRequestBody(
                containing("channel=CGONE"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"not_in_channel\"}")));
        slack.slackApi.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).withRequestBody(
                containing("channel=CDELETED"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"channel_not_found\"}")));

        for (String channel : List.of("CGONE", "CDELETED")) {
            assertThatThrownBy(() -> slack.adapter.platform().postTopLevel(new ChannelRef(TENANT, channel), PROMPT))
                    .isInstanceOfSatisfying(ChatPlatformException.class, e -> assertThat(e.permanent()).isTrue());
        }
        slack.slackApi.verify(2, postRequestedFor(urlPathEqualTo("/api/chat.postMessage")));
        assertThat(slack.pauses).isEmpty();
    }

    @Test
    void round_to_200_channels_under_rate_limiting_posts_each_channel_exactly_once() throws Exception {
        FirstTryRateLimited limiter = new FirstTryRateLimited();
        start(limiter);
        slack.slackApi.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(aResponse()
                .withTransformers(FirstTryRateLimited.NAME)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Posted>> posts = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                ChannelRef channel = new ChannelRef(TENANT, "C" + (1000 + i));
                posts.add(pool.submit(() -> slack.adapter.platform().postTopLevel(channel, PROMPT)));
            }
            List<String> postedChannels = new ArrayList<>();
            for (Future<Posted> f : posts) {
                postedChannels.add(f.get().channel().id());
            }
            assertThat(postedChannels).hasSize(200).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
        assertThat(limiter.successes).hasSize(200).allSatisfy((channel, count) -> assertThat(count.get()).isEqualTo(1));
        assertThat(slack.pauses).hasSize(200).allSatisfy(d -> assertThat(d).isEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void display_name_comes_from_the_profile_and_is_cached() throws Exception {
        start();
        UserRef ann = new UserRef(TENANT, "U1");

        assertThat(slack.adapter.platform().displayName(ann)).isEqualTo("ann");
        assertThat(slack.adapter.platform().displayName(ann)).isEqualTo("ann");

        slack.slackApi.verify(1, postRequestedFor(urlPathEqualTo("/api/users.info")).withRequestBody(containing("user=U1")));
    }

    private static String decoded(LoggedRequest request) {
        return URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8);
    }

    /** Slack answering 429 to the first post in every channel, as it does when a round fans out fast. */
    static final class FirstTryRateLimited implements ResponseDefinitionTransformerV2 {
        static final String NAME = "first-try-rate-limited";
        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> successes = new ConcurrentHashMap<>();

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String channel = Arrays.stream(URLDecoder.decode(event.getRequest().getBodyAsString(), StandardCharsets.UTF_8)
                            .split("&"))
                    .filter(p -> p.startsWith("channel=")).map(p -> p.substring(8)).findFirst().orElse("?");
            if (attempts.computeIfAbsent(channel, c -> new AtomicInteger()).incrementAndGet() == 1) {
                return ResponseDefinitionBuilder.responseDefinition().withStatus(429).withHeader("Retry-After", "1").build();
            }
            successes.computeIfAbsent(channel, c -> new AtomicInteger()).incrementAndGet();
            return ResponseDefinitionBuilder.okForJson(Map.of("ok", true, "channel", channel,
                    "ts", "1700000000." + channel.substring(1))).build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }

}

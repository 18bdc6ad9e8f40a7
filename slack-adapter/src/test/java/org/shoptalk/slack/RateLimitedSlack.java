package org.shoptalk.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * chat.postMessage as Slack rate-limits it, as a WireMock transformer. Slack's "Rate limits" page
 * (docs.slack.dev/apis/web-api/rate-limits) allows about one message per second per channel, and a workspace-wide
 * limit on top; this fake accepts at most one message per channel per {@link #CHANNEL_INTERVAL} and at most
 * {@code burst} messages per workspace (one bot token) in any {@code window}. Beyond either it answers as Slack does:
 * HTTP 429, {@code Retry-After} in whole seconds until the post would be accepted, and
 * {@code {"ok":false,"error":"ratelimited"}}. Otherwise it answers ok with a fresh {@code ts}.
 * <p>
 * Time is the injected clock's, so tests move the clock instead of sleeping. Every accepted post and every
 * refusal is recorded, so a test can assert "every channel exactly once". Thread-safe: WireMock serves in
 * parallel, so each answer is decided under the fake's lock.
 */
final class RateLimitedSlack implements ResponseDefinitionTransformerV2 {
    static final String NAME = "rate-limited-slack";
    static final Duration CHANNEL_INTERVAL = Duration.ofSeconds(1);

    /** A post Slack accepted; {@code threadTs} is null for a top-level post. */
    record Accepted(String channel, String ts, String threadTs, Instant at) {}

    /** A post Slack refused, and the wait it asked for. */
    record Refused(String channel, Duration retryAfter, Instant at) {}

    private final Clock clock;
    private final int burst;
    private final Duration window;
    private final Map<String, Instant> lastPostInChannel = new HashMap<>();
    private final Map<String, Deque<Instant>> recentPostsInWorkspace = new HashMap<>();
    private final Map<String, List<Accepted>> accepted = new LinkedHashMap<>();
    private final List<Refused> refused = new ArrayList<>();
    private long sequence;

    /**
     * @param clock  the fake's time, moved by the test
     * @param burst  how many posts one workspace may make in any {@code window}
     * @param window the span the workspace burst is counted over
     */
    RateLimitedSlack(Clock clock, int burst, Duration window) {
        this.clock = clock;
        this.burst = burst;
        this.window = window;
    }

    /** Routes chat.postMessage on this WireMock through the fake (registered as an extension when it started). */
    void answerPostsOn(WireMockServer slackApi) {
        slackApi.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .atPriority(1)
                .willReturn(aResponse().withTransformers(NAME)));
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        String workspace = String.valueOf(event.getRequest().getHeader("Authorization"));
        Map<String, List<String>> form = SlackHarness.query(event.getRequest().getBodyAsString());
        String channel = form.getOrDefault("channel", List.of("?")).get(0);
        String threadTs =
                form.getOrDefault("thread_ts", List.of()).stream().findFirst().orElse(null);
        Instant now = clock.instant();

        Deque<Instant> recent = recentPostsInWorkspace.computeIfAbsent(workspace, w -> new ArrayDeque<>());
        while (!recent.isEmpty() && !recent.peekFirst().plus(window).isAfter(now)) {
            recent.removeFirst();
        }
        Duration wait = Duration.ZERO;
        Instant last = lastPostInChannel.get(workspace + "/" + channel);
        if (last != null && last.plus(CHANNEL_INTERVAL).isAfter(now)) {
            wait = Duration.between(now, last.plus(CHANNEL_INTERVAL));
        }
        if (recent.size() >= burst) {
            Duration untilRoom = Duration.between(now, recent.peekFirst().plus(window));
            wait = untilRoom.compareTo(wait) > 0 ? untilRoom : wait;
        }
        if (!wait.isZero()) {
            Duration retryAfter = Duration.ofSeconds(Math.max(1, (wait.toMillis() + 999) / 1000));
            refused.add(new Refused(channel, retryAfter, now));
            return ResponseDefinitionBuilder.responseDefinition()
                    .withStatus(429)
                    .withHeader("Retry-After", Long.toString(retryAfter.toSeconds()))
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"ok\":false,\"error\":\"ratelimited\"}")
                    .build();
        }
        String ts = now.getEpochSecond() + "." + String.format("%06d", ++sequence % 1_000_000);
        recent.addLast(now);
        lastPostInChannel.put(workspace + "/" + channel, now);
        accepted.computeIfAbsent(channel, c -> new ArrayList<>()).add(new Accepted(channel, ts, threadTs, now));
        return ResponseDefinitionBuilder.okForJson(Map.of("ok", true, "channel", channel, "ts", ts))
                .build();
    }

    /** Every accepted post, by channel, in the order channels were first posted to. */
    synchronized Map<String, List<Accepted>> accepted() {
        Map<String, List<Accepted>> copy = new LinkedHashMap<>();
        accepted.forEach((channel, posts) -> copy.put(channel, List.copyOf(posts)));
        return copy;
    }

    /** Every refused post, in order. */
    synchronized List<Refused> refused() {
        return List.copyOf(refused);
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

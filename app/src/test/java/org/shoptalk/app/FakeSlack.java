package org.shoptalk.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.shoptalk.core.testing.Await;
import org.shoptalk.core.testing.UnplannedPosts;
import org.shoptalk.slack.NewTsPerMessage;
import org.shoptalk.slack.SlackApiStubs;

/**
 * The Slack Web API as WireMock on loopback: the Slack adapter's stubs ({@link SlackApiStubs}, from its test-jar)
 * for what Bolt asks about itself and the methods Shoptalk posts with. chat.postMessage answers with a new ts per message, as Slack does, and refuses a
 * message beyond Slack's limits with the error Slack gives ({@link SlackLimits}).
 */
final class FakeSlack implements AutoCloseable {
    static final String TEAM = SlackApiStubs.TEAM;
    static final String BOT_USER = SlackApiStubs.BOT_USER;
    static final String RESPONSE_URL_PATH = SlackApiStubs.RESPONSE_URL_PATH;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer api;

    private FakeSlack(WireMockServer api) {
        this.api = api;
    }

    static FakeSlack start() {
        WireMockServer api = new WireMockServer(
                options().bindAddress("127.0.0.1").dynamicPort().extensions(new NewTsPerMessage(SlackLimits::check)));
        api.start();
        SlackApiStubs.basics(api);
        // Stubbed again, so it wins over the basics: a ts per message, and Slack's errors beyond its limits.
        api.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .willReturn(aResponse().withTransformers(NewTsPerMessage.NAME)));
        return new FakeSlack(api);
    }

    /** What SLACK_API_URL is set to. */
    String apiUrl() {
        return api.baseUrl() + "/api/";
    }

    /** Where Slack would take a slash command's delayed reply. */
    String responseUrl() {
        return api.baseUrl() + RESPONSE_URL_PATH;
    }

    /**
     * Waits until Shoptalk has made this many calls to a Web API method (it calls Slack off the request
     * thread) and gives each call's form parameters, oldest first.
     */
    List<Map<String, String>> awaitCalls(String method, int count) {
        return awaitPosts("/api/" + method, count).stream()
                .map(r -> form(r.getBodyAsString()))
                .toList();
    }

    /**
     * Waits until at least {@code count} chat.postMessage calls match and gives those calls' form parameters, oldest
     * first. Tests pick posts by what they are: on the real clock the weekly digest or a scheduled moment may land in
     * between ({@link UnplannedPosts}).
     */
    List<Map<String, String>> awaitPosts(Predicate<Map<String, String>> which, int count) {
        return Await.atLeast(
                count, () -> postsMatching(which), Duration.ofSeconds(15), "matching chat.postMessage call(s)");
    }

    /**
     * Runs {@code asking} (a digest command, say), waits for one digest more than there was, and gives the newest: a
     * weekly digest that came before cannot pass for it, one that comes after shows the same week.
     */
    Map<String, String> digestAfter(Runnable asking) {
        int before = postsMatching(FakeSlack::isDigest).size();
        asking.run();
        List<Map<String, String>> digests = awaitPosts(FakeSlack::isDigest, before + 1);
        return digests.get(digests.size() - 1);
    }

    /** A chat.postMessage call that posts a digest, scheduled or asked for. */
    static boolean isDigest(Map<String, String> call) {
        return UnplannedPosts.isDigest(call.getOrDefault("blocks", "") + call.getOrDefault("text", ""));
    }

    /** A chat.postMessage call that posts a reflection moment, asked for or scheduled. */
    static boolean isMoment(Map<String, String> call) {
        return !isDigest(call)
                && UnplannedPosts.isMoment(call.getOrDefault("blocks", "") + call.getOrDefault("text", ""));
    }

    private List<Map<String, String>> postsMatching(Predicate<Map<String, String>> which) {
        return api.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .map(r -> form(r.getBodyAsString()))
                .filter(which)
                .toList();
    }

    /** The JSON bodies Shoptalk sent to a slash command's response_url, oldest first. */
    List<String> awaitDelayedReplies(int count) {
        return awaitPosts(RESPONSE_URL_PATH, count).stream()
                .map(LoggedRequest::getBodyAsString)
                .toList();
    }

    /** users.info answers for this person with their name and Slack locale ("nl-NL"), as with include_locale. */
    void person(String id, String name, String locale) {
        api.stubFor(post(urlPathEqualTo("/api/users.info"))
                .withRequestBody(containing("user=" + id))
                .willReturn(okJson("{\"ok\":true,\"user\":{\"id\":\"" + id + "\",\"name\":\"" + name
                        + "\",\"locale\":\"" + locale + "\",\"profile\":{\"display_name\":\"" + name + "\"}}}")));
    }

    /** Every request Shoptalk made to this fake Slack (Web API calls and response_url posts), oldest first. */
    List<LoggedRequest> requests() {
        return api.findAll(postRequestedFor(anyUrl())).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
    }

    /** The ts this fake Slack gave the newest chat.postMessage to {@code channel} whose blocks contain {@code text}. */
    String tsOfPost(String channel, String text) {
        return api.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/api/chat.postMessage"))
                .filter(e -> {
                    Map<String, String> call = form(e.getRequest().getBodyAsString());
                    return channel.equals(call.get("channel"))
                            && call.getOrDefault("blocks", "").contains(text);
                })
                .max(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .map(e -> field(e.getResponse().getBodyAsString(), "ts"))
                .orElseThrow(() -> new AssertionError("no post to " + channel + " with " + text));
    }

    int callCount(String method) {
        return api.findAll(postRequestedFor(urlPathEqualTo("/api/" + method))).size();
    }

    /** The ts this fake Slack gave each chat.postMessage, oldest first. */
    List<String> postedTs() {
        return api.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/api/chat.postMessage"))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .map(e -> field(e.getResponse().getBodyAsString(), "ts"))
                .toList();
    }

    private List<LoggedRequest> awaitPosts(String path, int count) {
        return Await.atLeast(
                        count,
                        () -> api.findAll(postRequestedFor(urlPathEqualTo(path))),
                        Duration.ofSeconds(15),
                        "call(s) to " + path)
                .stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
    }

    static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static String field(String json, String name) {
        try {
            return JSON.readTree(json).path(name).asText();
        } catch (IOException e) {
            throw new UncheckedIOException("fake Slack answered with something other than JSON: " + json, e);
        }
    }

    @Override
    public void close() {
        api.stop();
    }

    /** The errors this fake Slack answered chat.postMessage with (limits broken), oldest first. */
    List<String> refusals() {
        return api.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/api/chat.postMessage"))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .map(e -> field(e.getResponse().getBodyAsString(), "error"))
                .filter(error -> !error.isEmpty())
                .toList();
    }
}

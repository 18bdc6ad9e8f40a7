package org.shoptalk.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.slack.api.app_backend.SlackSignature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.shoptalk.core.Shoptalk;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.DbSettings;
import org.shoptalk.core.testing.Await;
import org.shoptalk.core.testing.UnplannedPosts;
import org.shoptalk.core.web.HttpAnswer;
import org.shoptalk.core.web.HttpCall;
import org.shoptalk.core.web.Route;

/**
 * One Slack adapter under test: WireMock as the Slack Web API, an H2 database in a temp dir, and the
 * adapter's routes served on a loopback HTTP server, with helpers to send requests signed for real.
 */
final class SlackHarness implements AutoCloseable {
    static final String SIGNING_SECRET = "test-signing-secret-0123456789";
    static final String BOT_TOKEN = "xoxb-test-bot-token";
    static final String TEAM = SlackApiStubs.TEAM;
    static final String BOT_USER = SlackApiStubs.BOT_USER;

    final WireMockServer slackApi;
    final Path dir;
    final Database database;
    final SlackAdapter adapter;
    private final HttpServer server;
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private SlackHarness(
            Map<String, String> env, Shoptalk shoptalk, Clock clock, WireMockServer api, Duration inlineReplyWait)
            throws IOException {
        this.slackApi = api;
        this.dir = Files.createTempDirectory("shoptalk-slack");
        this.database =
                Database.start(new DbSettings("jdbc:h2:file:" + dir + "/db", "sa", "", 5), SlackAdapter.MIGRATIONS);
        Map<String, String> withApi = new HashMap<>(env);
        withApi.put("SLACK_API_URL", slackApi.baseUrl() + "/api/");
        SlackSettings settings = SlackSettings.fromEnvironment(withApi).orElseThrow();
        this.adapter = new SlackAdapter(settings, shoptalk, database, clock, new SlackCalls(clock), inlineReplyWait);
        this.server = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        for (Route route : adapter.routes()) {
            server.createContext(route.path(), exchange -> serve(route, exchange));
        }
        server.start();
    }

    static SlackHarness singleWorkspace(Shoptalk shoptalk) throws IOException {
        return singleWorkspace(shoptalk, Clock.systemUTC());
    }

    static SlackHarness singleWorkspace(Shoptalk shoptalk, Clock clock) throws IOException {
        return start(Map.of("SLACK_BOT_TOKEN", BOT_TOKEN, "SLACK_SIGNING_SECRET", SIGNING_SECRET), shoptalk, clock);
    }

    /** With the production inline wait for slash command replies, instead of the tests' generous one. */
    static SlackHarness singleWorkspace(Shoptalk shoptalk, Duration inlineReplyWait) throws IOException {
        return start(
                Map.of("SLACK_BOT_TOKEN", BOT_TOKEN, "SLACK_SIGNING_SECRET", SIGNING_SECRET),
                shoptalk,
                Clock.systemUTC(),
                inlineReplyWait);
    }

    static SlackHarness start(Map<String, String> env, Shoptalk shoptalk, Clock clock, Extension... extensions)
            throws IOException {
        // Generous, so tests whose replies ride on the ack hold on a busy machine.
        return start(env, shoptalk, clock, Duration.ofMillis(1500), extensions);
    }

    private static SlackHarness start(
            Map<String, String> env, Shoptalk shoptalk, Clock clock, Duration inlineReplyWait, Extension... extensions)
            throws IOException {
        WireMockServer api = new WireMockServer(
                options().bindAddress("127.0.0.1").dynamicPort().extensions(extensions));
        api.start();
        stubSlackBasics(api);
        return new SlackHarness(env, shoptalk, clock, api, inlineReplyWait);
    }

    /** What every Bolt app asks Slack about itself, and friendly answers for the posting methods. */
    static void stubSlackBasics(WireMockServer api) {
        SlackApiStubs.basics(api);
    }

    /** Waits (polling) until the fake Slack has seen this many POSTs to the path; work runs off the ack. */
    List<LoggedRequest> awaitRequests(String path, int count) {
        return Await.atLeast(
                count,
                () -> slackApi.findAll(postRequestedFor(urlPathEqualTo(path))),
                Duration.ofSeconds(10),
                "request(s) to " + path);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * One chat.postMessage Shoptalk made: its form body, decoded, and the ts this fake Slack answered with. Tests pick
     * posts by what they are, never by position: on the real clock a guild's weekly digest (Friday 16:00 in its zone)
     * or a scheduled moment may land in between.
     */
    record Post(String body, String ts) {
        /** A digest, scheduled or asked for. */
        boolean isDigest() {
            return UnplannedPosts.isDigest(body);
        }

        /** A reflection moment, asked for or scheduled. */
        boolean isMoment() {
            return UnplannedPosts.isMoment(body) && !isDigest();
        }
    }

    /** Waits (polling) until at least {@code count} chat.postMessage calls match, and gives those, oldest first. */
    List<Post> awaitPosts(Predicate<Post> which, int count) {
        return Await.atLeast(
                count,
                () -> slackApi.getAllServeEvents().stream()
                        .filter(e -> e.getRequest().getUrl().startsWith("/api/chat.postMessage"))
                        .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                        .map(e -> new Post(
                                URLDecoder.decode(e.getRequest().getBodyAsString(), StandardCharsets.UTF_8),
                                tsOf(e.getResponse().getBodyAsString())))
                        .filter(which)
                        .toList(),
                Duration.ofSeconds(10),
                "matching chat.postMessage call(s)");
    }

    /** The first chat.postMessage that matches, waiting for it. */
    Post awaitPost(Predicate<Post> which) {
        return awaitPosts(which, 1).get(0);
    }

    /**
     * Runs {@code asking} (a digest command, say), waits for one digest more than there was, and gives the newest: a
     * weekly digest that came before cannot pass for it, one that comes after shows the same week.
     */
    Post digestAfter(Runnable asking) {
        int before = awaitPosts(Post::isDigest, 0).size();
        asking.run();
        List<Post> digests = awaitPosts(Post::isDigest, before + 1);
        return digests.get(digests.size() - 1);
    }

    /** How many channel posts of scheduled digests core recorded as done (a digest asked for is not recorded). */
    long scheduledDigestPosts() {
        return UnplannedPosts.scheduledDigests(database);
    }

    /** How many rounds core opened for a schedule (a moment asked for has none). */
    long scheduledMoments() {
        return UnplannedPosts.scheduledMoments(database);
    }

    private static String tsOf(String json) {
        Matcher ts = Pattern.compile("\"ts\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return ts.find() ? ts.group(1) : "";
    }

    String responseUrl() {
        return slackApi.baseUrl() + "/response-url";
    }

    HttpResponse<String> postSigned(String body, String contentType, Map<String, String> extraHeaders) {
        long now = System.currentTimeMillis() / 1000;
        return postSigned(body, contentType, extraHeaders, now, SIGNING_SECRET);
    }

    HttpResponse<String> postSigned(
            String body, String contentType, Map<String, String> extraHeaders, long timestamp, String secret) {
        String ts = Long.toString(timestamp);
        String signature = new SlackSignature.Generator(secret).generate(ts, body);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + SlackAdapter.EVENTS_PATH))
                .header("Content-Type", contentType)
                .header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, ts)
                .header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE, signature)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        extraHeaders.forEach(b::header);
        return send(b.build());
    }

    HttpResponse<String> event(String json) {
        return postSigned(json, "application/json", Map.of());
    }

    HttpResponse<String> command(Map<String, String> fields) {
        return postSigned(form(fields), "application/x-www-form-urlencoded", Map.of());
    }

    /**
     * Sends a slash command and gives its reply, wherever Slack would show it from: the ack's body when core answered
     * within the inline wait, or else the follow-up posted to the command's response_url (on a busy machine the first
     * commands after a start can take longer than the wait; both are the same reply to the person).
     */
    String commandReply(Map<String, String> fields) {
        int followUpsBefore = slackApi.findAll(postRequestedFor(urlPathEqualTo(SlackApiStubs.RESPONSE_URL_PATH)))
                .size();
        HttpResponse<String> ack = command(fields);
        if (ack.statusCode() != 200) {
            throw new AssertionError("Slack got HTTP " + ack.statusCode() + " for a slash command: " + ack.body());
        }
        if (!ack.body().isBlank()) {
            return ack.body();
        }
        return awaitRequests(SlackApiStubs.RESPONSE_URL_PATH, followUpsBefore + 1)
                .get(followUpsBefore)
                .getBodyAsString();
    }

    HttpResponse<String> interaction(String payloadJson) {
        return postSigned(form(Map.of("payload", payloadJson)), "application/x-www-form-urlencoded", Map.of());
    }

    HttpResponse<String> get(String pathAndQuery, Map<String, String> headers) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery)).GET();
        headers.forEach(b::header);
        return send(b.build());
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A slash command as Slack sends it, typed by U1 in channel C1 of the test team. */
    Map<String, String> slashCommand(String text) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("token", "legacy");
        f.put("team_id", TEAM);
        f.put("team_domain", "test");
        f.put("channel_id", "C1");
        f.put("channel_name", "guild-craft");
        f.put("user_id", "U1");
        f.put("user_name", "ann");
        f.put("command", "/shoptalk");
        f.put("text", text);
        f.put("api_app_id", "A1");
        f.put("response_url", responseUrl());
        f.put("trigger_id", "123.456.abc");
        return f;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void serve(Route route, HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!route.method().equals(exchange.getRequestMethod())
                    || !route.path().equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, List<String>> headers = new HashMap<>(exchange.getRequestHeaders());
            HttpCall call = new HttpCall(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    query(exchange.getRequestURI().getRawQuery()),
                    headers,
                    body,
                    exchange.getRemoteAddress().getAddress().getHostAddress());
            HttpAnswer answer = route.endpoint().handle(call);
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            byte[] out = answer.body();
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
        }
    }

    static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&", -1)) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return q;
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
        adapter.close();
        database.close();
        slackApi.stop();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

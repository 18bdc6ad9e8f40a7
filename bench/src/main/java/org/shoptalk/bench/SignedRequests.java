package org.shoptalk.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Requests to /slack/events as Slack sends them: events as JSON, slash commands as forms, each signed with the v0
 * scheme (HMAC-SHA256 of "v0:timestamp:body") and stamped with the current second. Thread-safe.
 */
final class SignedRequests {
    static final String SECRET = "bench-signing-secret-0123456789abcdef";

    private final URI events;
    private final String responseUrl;
    private final ThreadLocal<Mac> mac = ThreadLocal.withInitial(SignedRequests::newMac);

    SignedRequests(int port, String responseUrl) {
        this.events = URI.create("http://127.0.0.1:" + port + "/slack/events");
        this.responseUrl = responseUrl;
    }

    /**
     * A thread reply (an answer) in channel C1, event id "Ev{n}", with a ts of its own: the call's id is that ts, the
     * message id the answer is stored under, so the durability count can name each answer.
     */
    Load.Call answer(int n, String root) {
        String ts = String.format("%d.%06d", 1_700_100_000 + n / 1_000_000, n % 1_000_000);
        String user = "U" + (1000 + n % 997);
        String event = "{\"type\":\"message\",\"channel\":\"C1\",\"user\":\"" + user + "\",\"text\":\"Answer " + n
                + ": we paired on the hardest ticket and wrote down what we learned.\",\"ts\":\"" + ts
                + "\",\"thread_ts\":\"" + root + "\",\"event_ts\":\"" + ts + "\",\"channel_type\":\"channel\"}";
        String id = "Ev" + n;
        String body = "{\"token\":\"legacy\",\"team_id\":\"" + FakeSlackApi.TEAM + "\",\"api_app_id\":\"A1\","
                + "\"event\":" + event + ",\"type\":\"event_callback\",\"event_id\":\"" + id + "\","
                + "\"event_time\":1700000000,\"authorizations\":[{\"team_id\":\"" + FakeSlackApi.TEAM
                + "\",\"user_id\":\"" + FakeSlackApi.BOT_USER + "\",\"is_bot\":true}]}";
        return new Load.Call(signed(body, "application/json"), ts);
    }

    /** {@code /shoptalk TEXT} typed by U1 in channel C1. */
    HttpRequest command(String text) {
        return command("C1", text);
    }

    /** {@code /shoptalk TEXT} typed by U1 in the channel with this id. */
    HttpRequest command(String channel, String text) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("token", "legacy");
        f.put("team_id", FakeSlackApi.TEAM);
        f.put("team_domain", "bench");
        f.put("channel_id", channel);
        f.put("channel_name", "guild-" + channel.toLowerCase(java.util.Locale.ROOT));
        f.put("user_id", "U1");
        f.put("user_name", "u1");
        f.put("command", "/shoptalk");
        f.put("text", text);
        f.put("api_app_id", "A1");
        f.put("response_url", responseUrl);
        f.put("trigger_id", "123.456.abc");
        String body = f.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return signed(body, "application/x-www-form-urlencoded");
    }

    /** The same request again, as Slack retries a delivery it thinks failed. */
    static HttpRequest retried(HttpRequest original) {
        return HttpRequest.newBuilder(original, (n, v) -> true)
                .header("X-Slack-Retry-Num", "1")
                .header("X-Slack-Retry-Reason", "http_timeout")
                .build();
    }

    private HttpRequest signed(String body, String contentType) {
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        byte[] digest = mac.get().doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(events)
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", "v0=" + HexFormat.of().formatHex(digest))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static Mac newMac() {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

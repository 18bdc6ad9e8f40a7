package org.shoptalk.app;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends requests to Shoptalk's /slack/events as Slack does: slash commands as forms, events as JSON, each
 * signed with the v0 scheme (HMAC-SHA256 of "v0:timestamp:body"). Signed here with the JDK, not with
 * Bolt, so the test checks Shoptalk against Slack's published scheme rather than against itself.
 */
final class SlackSender {
    static final String EVENTS_PATH = "/slack/events";

    private final Http http;
    private final String signingSecret;
    private final String responseUrl;

    SlackSender(Http http, String signingSecret, String responseUrl) {
        this.http = http;
        this.signingSecret = signingSecret;
        this.responseUrl = responseUrl;
    }

    /** {@code /shoptalk TEXT} typed by a user in channel C1 of the fake workspace. */
    Http.Answer command(String user, String text) {
        return send(form(slashCommand(user, text)), "application/x-www-form-urlencoded", Map.of());
    }

    Http.Answer event(String json, Map<String, String> extraHeaders) {
        return send(json, "application/json", extraHeaders);
    }

    Http.Answer send(String body, String contentType, Map<String, String> extraHeaders) {
        return send(body, contentType, extraHeaders, System.currentTimeMillis() / 1000, signingSecret);
    }

    Http.Answer send(String body, String contentType, Map<String, String> extraHeaders, long timestamp, String secret) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        String ts = Long.toString(timestamp);
        headers.put("X-Slack-Request-Timestamp", ts);
        headers.put("X-Slack-Signature", signature(secret, ts, body));
        return http.post(EVENTS_PATH, contentType, body, headers);
    }

    static String signature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    Map<String, String> slashCommand(String user, String text) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("token", "legacy");
        f.put("team_id", FakeSlack.TEAM);
        f.put("team_domain", "test");
        f.put("channel_id", "C1");
        f.put("channel_name", "guild-craft");
        f.put("user_id", user);
        f.put("user_name", user.toLowerCase(java.util.Locale.ROOT));
        f.put("command", "/shoptalk");
        f.put("text", text);
        f.put("api_app_id", "A1");
        f.put("response_url", responseUrl);
        f.put("trigger_id", "123.456.abc");
        return f;
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A message event in channel C1, as the Events API wraps it; a thread reply when threadTs is set. */
    static String message(String eventId, String user, String ts, String threadTs, String text) {
        String event = "{\"type\":\"message\",\"channel\":\"C1\",\"user\":\"" + user + "\",\"text\":" + Http.json(text)
                + ",\"ts\":\"" + ts + "\"" + (threadTs == null ? "" : ",\"thread_ts\":\"" + threadTs + "\"")
                + ",\"event_ts\":\"" + ts + "\",\"channel_type\":\"channel\"}";
        return "{\"token\":\"legacy\",\"team_id\":\"" + FakeSlack.TEAM + "\",\"api_app_id\":\"A1\",\"event\":" + event
                + ",\"type\":\"event_callback\",\"event_id\":\"" + eventId + "\",\"event_time\":1700000000,"
                + "\"authorizations\":[{\"team_id\":\"" + FakeSlack.TEAM + "\",\"user_id\":\"" + FakeSlack.BOT_USER
                + "\",\"is_bot\":true}]}";
    }
}

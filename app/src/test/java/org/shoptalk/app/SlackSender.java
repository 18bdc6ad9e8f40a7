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

    /** An interaction (a button, a modal's submission) as Slack posts it: its JSON in the form field "payload". */
    Http.Answer interaction(String payloadJson) {
        return send(form(Map.of("payload", payloadJson)), "application/x-www-form-urlencoded", Map.of());
    }

    /** A message event in channel C1, as the Events API wraps it; a thread reply when threadTs is set. */
    static String message(String eventId, String user, String ts, String threadTs, String text) {
        return envelope(
                eventId,
                "{\"type\":\"message\",\"channel\":\"C1\",\"user\":\"" + user + "\",\"text\":" + Http.json(text)
                        + ",\"ts\":\"" + ts + "\"" + (threadTs == null ? "" : ",\"thread_ts\":\"" + threadTs + "\"")
                        + ",\"event_ts\":\"" + ts + "\",\"channel_type\":\"channel\"}");
    }

    /** {@code user} opened the app's Home tab. */
    static String homeOpened(String eventId, String user) {
        return envelope(
                eventId,
                "{\"type\":\"app_home_opened\",\"user\":\"" + user + "\",\"channel\":\"D1\",\"tab\":\"home\","
                        + "\"event_ts\":\"1700000600.000100\"}");
    }

    /** The bot joined {@code channel}, invited by {@code inviter}. */
    static String botJoined(String eventId, String channel, String inviter) {
        return envelope(
                eventId,
                "{\"type\":\"member_joined_channel\",\"user\":\"" + FakeSlack.BOT_USER + "\",\"channel\":\"" + channel
                        + "\",\"channel_type\":\"C\",\"team\":\"" + FakeSlack.TEAM + "\",\"inviter\":\"" + inviter
                        + "\",\"event_ts\":\"1700000650.000100\"}");
    }

    /** {@code user} mentioned the app in channel C1: "@Shoptalk TEXT". */
    static String mention(String eventId, String user, String text) {
        return envelope(
                eventId,
                "{\"type\":\"app_mention\",\"channel\":\"C1\",\"user\":\"" + user + "\",\"text\":"
                        + Http.json("<@" + FakeSlack.BOT_USER + "> " + text)
                        + ",\"ts\":\"1700000500.000100\",\"event_ts\":\"1700000500.000100\"}");
    }

    /** {@code user} pressed a button on a message in channel C1. */
    String buttonInChannel(String user, String actionId, String value) {
        return "{\"type\":\"block_actions\"," + who(user) + ",\"trigger_id\":\"1.2.3\","
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"1700000000.000100\",\"channel_id\":\"C1\"},"
                + "\"channel\":{\"id\":\"C1\",\"name\":\"guild-craft\"},\"response_url\":" + Http.json(responseUrl)
                + ","
                + action(actionId, value) + "}";
    }

    /** {@code user} pressed a button on their Home tab. */
    static String buttonOnHome(String user, String actionId, String value) {
        return "{\"type\":\"block_actions\"," + who(user) + ",\"trigger_id\":\"trigger-home\","
                + "\"container\":{\"type\":\"view\",\"view_id\":\"V1\"},\"view\":{\"id\":\"V1\",\"type\":\"home\","
                + "\"blocks\":[]}," + action(actionId, value) + "}";
    }

    /**
     * {@code user} submitted the modal {@code callbackId} (private metadata {@code metadata}) of core's schedule form:
     * {@code days} ticked (the form's day values, comma-separated), a time picked, the other fields typed.
     */
    static String formSubmission(
            String user, String callbackId, String metadata, String days, String time, String every, String zone) {
        StringBuilder ticked = new StringBuilder();
        for (String day : days.split(",", -1)) {
            ticked.append(ticked.length() == 0 ? "" : ",")
                    .append("{\"text\":{\"type\":\"plain_text\",\"text\":\"")
                    .append(day)
                    .append("\"},\"value\":\"")
                    .append(day)
                    .append("\"}");
        }
        return "{\"type\":\"view_submission\"," + who(user) + ",\"trigger_id\":\"t\","
                + "\"view\":{\"id\":\"V2\",\"type\":\"modal\",\"callback_id\":" + Http.json(callbackId)
                + ",\"private_metadata\":" + Http.json(metadata) + ",\"blocks\":[],\"state\":{\"values\":{"
                + "\"days\":{\"value\":{\"type\":\"checkboxes\",\"selected_options\":[" + ticked + "]}},"
                + "\"time\":{\"value\":{\"type\":\"timepicker\",\"selected_time\":" + Http.json(time) + "}},"
                + "\"every\":{\"value\":{\"type\":\"plain_text_input\",\"value\":" + Http.json(every) + "}},"
                + "\"tz\":{\"value\":{\"type\":\"plain_text_input\",\"value\":" + Http.json(zone) + "}}}}}}";
    }

    private static String who(String user) {
        return "\"team\":{\"id\":\"" + FakeSlack.TEAM + "\",\"domain\":\"test\"},\"user\":{\"id\":\"" + user
                + "\",\"username\":\"" + user.toLowerCase(java.util.Locale.ROOT) + "\",\"team_id\":\"" + FakeSlack.TEAM
                + "\"},\"api_app_id\":\"A1\",\"token\":\"legacy\"";
    }

    private static String action(String actionId, String value) {
        return "\"actions\":[{\"action_id\":" + Http.json(actionId) + ",\"block_id\":\"b1\",\"type\":\"button\","
                + "\"text\":{\"type\":\"plain_text\",\"text\":\"Knop\"},\"value\":" + Http.json(value)
                + ",\"action_ts\":\"1700000700.000100\"}]";
    }

    private static String envelope(String eventId, String event) {
        return "{\"token\":\"legacy\",\"team_id\":\"" + FakeSlack.TEAM + "\",\"api_app_id\":\"A1\",\"event\":" + event
                + ",\"type\":\"event_callback\",\"event_id\":\"" + eventId + "\",\"event_time\":1700000000,"
                + "\"authorizations\":[{\"team_id\":\"" + FakeSlack.TEAM + "\",\"user_id\":\"" + FakeSlack.BOT_USER
                + "\",\"is_bot\":true}]}";
    }
}

package org.shoptalk.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Posts activities to Shoptalk's /api/messages as Teams does: realistic payloads (copied from the Teams
 * adapter's test resources) with ids filled in, each with a bearer token from the fake Bot Framework.
 */
final class TeamsSender {
    static final String MESSAGES_PATH = "/api/messages";
    static final String APP_ID = "3f1e2d4c-5b6a-4789-9abc-def012345678";
    static final String TENANT_ID = "5e3c1a2b-9d8f-4e7a-b6c5-0a1b2c3d4e5f";
    static final String TEAM_ID = "19:Xf3a9c2e1b7d4c6a8e5f0b2d4a6c8e0f@thread.tacv2";
    static final String CHANNEL_ID = "19:c1a2b3d4e5f60718293a4b5c6d7e8f90@thread.tacv2";
    static final Person LEAD =
            new Person("29:1LeadU5erIdFromTeamsAbCdEfGh", "0a1b2c3d-1111-4222-8333-444455556666", "Lena Lead");
    static final Person MEMBER =
            new Person("29:1MemberIdFromTeamsXyZ", "0a1b2c3d-2222-4333-8444-555566667777", "Milan Member");
    static final Person COLLEAGUE =
            new Person("29:1ThirdPersonId", "0a1b2c3d-3333-4444-8555-666677778888", "Cas Colleague");

    record Person(String id, String aad, String name) {}

    private final Http http;
    private final FakeBotFramework botFramework;

    TeamsSender(Http http, FakeBotFramework botFramework) {
        this.http = http;
        this.botFramework = botFramework;
    }

    /** {@code @Shoptalk TEXT} posted by {@code who} as a new post in the guild channel. */
    Http.Answer command(Person who, String messageId, String text) {
        return send(activity(
                "channel-message-mention",
                Map.of(
                        "id",
                        messageId,
                        "root",
                        messageId,
                        "text",
                        text,
                        "fromId",
                        who.id(),
                        "fromAad",
                        who.aad(),
                        "fromName",
                        who.name())));
    }

    /** A reply by {@code who} in the thread of the channel post {@code root}. */
    Http.Answer reply(Person who, String messageId, String root, String text) {
        return send(activity(
                "channel-reply",
                Map.of(
                        "id",
                        messageId,
                        "root",
                        root,
                        "text",
                        text,
                        "fromId",
                        who.id(),
                        "fromAad",
                        who.aad(),
                        "fromName",
                        who.name())));
    }

    Http.Answer send(String activity) {
        return send(activity, "Bearer " + botFramework.token(APP_ID));
    }

    /** {@code authorization} null sends no Authorization header at all. */
    Http.Answer send(String activity, String authorization) {
        Map<String, String> headers = authorization == null ? Map.of() : Map.of("Authorization", authorization);
        return http.post(MESSAGES_PATH, "application/json; charset=utf-8", activity, headers);
    }

    /** A payload template from test resources; {@code vars} override the defaults (the lead, the guild channel). */
    String activity(String name, Map<String, String> vars) {
        return activityFrom(template(name), vars);
    }

    /** An activity from a JSON template with {@code ${name}} placeholders, filled like {@link #activity}. */
    String activityFrom(String template, Map<String, String> vars) {
        Map<String, String> all = new HashMap<>(Map.of(
                "appId",
                APP_ID,
                "tenantId",
                TENANT_ID,
                "teamId",
                TEAM_ID,
                "channelId",
                CHANNEL_ID,
                "aadGroupId",
                "e8a1c2d3-4b5f-4a6e-9d7c-1b2a3c4d5e6f",
                "serviceUrl",
                botFramework.serviceUrl(),
                "fromId",
                LEAD.id(),
                "fromAad",
                LEAD.aad(),
                "fromName",
                LEAD.name(),
                "extraMention",
                ""));
        all.put("id", "1764000000001");
        all.put("root", "1764000000001");
        all.put("text", "");
        all.putAll(vars);
        return fill(template, all);
    }

    /** {@code json} with each {@code ${name}} replaced by its value; "text" is escaped for a JSON string. */
    static String fill(String json, Map<String, String> all) {
        for (Map.Entry<String, String> e : all.entrySet()) {
            String value = e.getKey().equals("text")
                    ? e.getValue().replace("\\", "\\\\").replace("\"", "\\\"")
                    : e.getValue();
            json = json.replace("${" + e.getKey() + "}", value);
        }
        return json;
    }

    private static String template(String name) {
        try (InputStream in = TeamsSender.class.getResourceAsStream("/teams/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no activity template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

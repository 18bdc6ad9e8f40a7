package org.shoptalk.teams;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Realistic Teams activities for tests, shared through this module's test-jar (the app's Teams tests use them too):
 * payload templates from {@code /activities/NAME.json} with {@code ${name}} placeholders, the ids of one team, its
 * guild channel and three people, and the variables of a message by one of them.
 */
public final class TeamsActivities {
    public static final String APP_ID = "3f1e2d4c-5b6a-4789-9abc-def012345678";
    public static final String TENANT_ID = "5e3c1a2b-9d8f-4e7a-b6c5-0a1b2c3d4e5f";
    public static final String TEAM_ID = "19:Xf3a9c2e1b7d4c6a8e5f0b2d4a6c8e0f@thread.tacv2";
    public static final String CHANNEL_ID = "19:c1a2b3d4e5f60718293a4b5c6d7e8f90@thread.tacv2";
    public static final String AAD_GROUP_ID = "e8a1c2d3-4b5f-4a6e-9d7c-1b2a3c4d5e6f";
    public static final Person LEAD =
            new Person("29:1LeadU5erIdFromTeamsAbCdEfGh", "0a1b2c3d-1111-4222-8333-444455556666", "Lena Lead");
    public static final Person MEMBER =
            new Person("29:1MemberIdFromTeamsXyZ", "0a1b2c3d-2222-4333-8444-555566667777", "Milan Member");
    public static final Person COLLEAGUE =
            new Person("29:1ThirdPersonId", "0a1b2c3d-3333-4444-8555-666677778888", "Cas Colleague");

    /** A person in the team: Teams' user id, their Entra (AAD) object id, and the name Teams shows. */
    public record Person(String id, String aad, String name) {}

    private TeamsActivities() {}

    /** The template {@code /activities/NAME.json}, placeholders and all. */
    public static String template(String name) {
        try (InputStream in = TeamsActivities.class.getResourceAsStream("/activities/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no activity template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code template} with each {@code ${name}} filled: {@code vars} over the defaults (the lead, in the guild
     * channel, reached at {@code serviceUrl}); "text" is escaped for a JSON string.
     */
    public static String fill(String template, String serviceUrl, Map<String, String> vars) {
        Map<String, String> all = new HashMap<>();
        all.put("appId", APP_ID);
        all.put("tenantId", TENANT_ID);
        all.put("teamId", TEAM_ID);
        all.put("channelId", CHANNEL_ID);
        all.put("channelName", "Craft guild");
        all.put("aadGroupId", AAD_GROUP_ID);
        all.put("serviceUrl", serviceUrl);
        all.putAll(by(LEAD, "1763802902123", "1763802902123", ""));
        all.put("extraMention", "");
        all.put("value", "{}");
        all.put("eventType", "channelCreated");
        all.putAll(vars);
        String json = template;
        for (Map.Entry<String, String> e : all.entrySet()) {
            String value = e.getKey().equals("text") ? jsonEscape(e.getValue()) : e.getValue();
            json = json.replace("${" + e.getKey() + "}", value);
        }
        return json;
    }

    /**
     * The variables of a message {@code id} by {@code who} in the thread of {@code root} (a new post when it is
     * {@code id}), saying {@code text}. Mutable, so a test can add a mention.
     */
    public static Map<String, String> by(Person who, String id, String root, String text) {
        Map<String, String> vars = new HashMap<>();
        vars.put("id", id);
        vars.put("root", root);
        vars.put("text", text);
        vars.put("fromId", who.id());
        vars.put("fromAad", who.aad());
        vars.put("fromName", who.name());
        return vars;
    }

    /** A mention entity for a person, to put in {@code extraMention}, and its text for the message. */
    public static String mentionEntity(Person person) {
        return "{\"mentioned\": {\"id\": \"" + person.id() + "\", \"name\": \"" + person.name() + "\"}, "
                + "\"text\": \"<at>" + person.name() + "</at>\", \"type\": \"mention\"},";
    }

    private static String jsonEscape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}

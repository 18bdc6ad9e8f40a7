package org.shoptalk.app;

import java.util.Map;
import org.shoptalk.teams.BotFrameworkFake;
import org.shoptalk.teams.TeamsActivities;

/**
 * Posts activities to the app's /api/messages as Teams does: the Teams adapter's realistic payloads
 * ({@link TeamsActivities}, from its test-jar), each with a bearer token from the fake Bot Framework.
 */
final class TeamsSender {
    static final String MESSAGES_PATH = "/api/messages";

    private final Http http;
    private final BotFrameworkFake botFramework;

    TeamsSender(Http http, BotFrameworkFake botFramework) {
        this.http = http;
        this.botFramework = botFramework;
    }

    /** {@code @Shoptalk TEXT} posted by {@code who} as a new post in the guild channel. */
    Http.Answer command(TeamsActivities.Person who, String messageId, String text) {
        return send(activity("channel-message-mention", TeamsActivities.by(who, messageId, messageId, text)));
    }

    /** A reply by {@code who} in the thread of the channel post {@code root}. */
    Http.Answer reply(TeamsActivities.Person who, String messageId, String root, String text) {
        return send(activity("channel-reply", TeamsActivities.by(who, messageId, root, text)));
    }

    Http.Answer send(String activity) {
        return send(activity, "Bearer " + botFramework.token(TeamsActivities.APP_ID));
    }

    /** {@code authorization} null sends no Authorization header at all. */
    Http.Answer send(String activity, String authorization) {
        Map<String, String> headers = authorization == null ? Map.of() : Map.of("Authorization", authorization);
        return http.post(MESSAGES_PATH, "application/json; charset=utf-8", activity, headers);
    }

    /** A payload template; {@code vars} override the defaults (the lead, the guild channel). */
    String activity(String name, Map<String, String> vars) {
        return activityFrom(TeamsActivities.template(name), vars);
    }

    /** An activity from a JSON template with {@code ${name}} placeholders, filled like {@link #activity}. */
    String activityFrom(String template, Map<String, String> vars) {
        return TeamsActivities.fill(template, botFramework.serviceUrl(), vars);
    }
}

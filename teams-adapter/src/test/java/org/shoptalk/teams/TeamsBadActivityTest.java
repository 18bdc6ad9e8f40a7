package org.shoptalk.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shoptalk.core.chat.ChatEvent;
import org.shoptalk.core.testing.DatabaseGoneShoptalk;
import org.shoptalk.core.testing.RecordingShoptalk;

/**
 * Authentic activities (a real RS256 Bot Framework token) that can never be handled get a 400, which Teams
 * does not redeliver; only a database that is really gone earns a 503.
 */
class TeamsBadActivityTest {
    @TempDir
    Path dir;

    TeamsFixture teams;
    RecordingShoptalk core;

    @BeforeEach
    void start() {
        core = RecordingShoptalk.answeringInChannel();
        teams = new TeamsFixture(dir, db -> core);
    }

    @AfterEach
    void stop() {
        teams.close();
    }

    /** An activity template with one part made wrong. */
    record Bad(String name, String template, Map<String, String> vars, String find, String replace) {
        String json(TeamsFixture teams) {
            String json = teams.activity(template, vars);
            if (find == null) {
                return json;
            }
            assertThat(json).as("the template still has the part to break").contains(find);
            return json.replace(find, replace);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Bad> neverHandled() {
        return Stream.of(
                new Bad(
                        "install whose added members include null",
                        "conversation-update-bot-added",
                        Map.of(),
                        "\"membersAdded\": [",
                        "\"membersAdded\": [null, "),
                new Bad(
                        "answer whose sender has an empty object id",
                        "channel-reply",
                        Map.of("text", "hello", "fromAad", ""),
                        null,
                        null),
                new Bad(
                        "command whose sender has an empty object id",
                        "channel-message-mention",
                        Map.of("text", "help", "fromAad", ""),
                        null,
                        null),
                new Bad(
                        "answer whose conversation id is an object",
                        "channel-reply",
                        Map.of("text", "hello"),
                        "\"id\": \"" + TeamsFixture.CHANNEL_ID + ";messageid=1763802902123\"",
                        "\"id\": {\"x\": 1}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("neverHandled")
    void malformed_but_authentic_activity_gets_400_and_reaches_nobody(Bad bad) {
        HttpResponse<String> response = teams.post(bad.json(teams));
        teams.awaitIdle();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(core.events).isEmpty();
        assertThat(core.commands).isEmpty();
    }

    /** Broken mention entities: the message itself is fine, so it is taken and the broken mention left out. */
    static Stream<Bad> brokenMentions() {
        return Stream.of(
                new Bad(
                        "mention entity without any fields",
                        "channel-reply",
                        Map.of("text", "agreed <at>Milan</at>", "extraMention", "{},"),
                        null,
                        null),
                new Bad(
                        "mention entity with only a type",
                        "channel-reply",
                        Map.of("text", "agreed <at>Milan</at>", "extraMention", "{\"type\": \"mention\"},"),
                        null,
                        null),
                new Bad(
                        "mention that names a person as a string",
                        "channel-reply",
                        Map.of(
                                "text",
                                "agreed <at>Milan</at>",
                                "extraMention",
                                "{\"type\": \"mention\", \"mentioned\": \"Milan\", \"text\": \"<at>Milan</at>\"},"),
                        null,
                        null),
                new Bad(
                        "mention whose text is an object",
                        "channel-reply",
                        Map.of(
                                "text",
                                "agreed <at>Milan</at>",
                                "extraMention",
                                "{\"type\": \"mention\", \"mentioned\": {\"id\": \"29:x\"}, \"text\": {\"at\": 1}},"),
                        null,
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenMentions")
    void answer_with_a_broken_mention_entity_is_taken_without_that_mention(Bad bad) {
        HttpResponse<String> response = teams.post(bad.json(teams));
        teams.awaitIdle();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(core.events).singleElement().isInstanceOfSatisfying(ChatEvent.MessagePosted.class, e -> {
            assertThat(e.text()).startsWith("agreed").contains("Milan").doesNotContain("<at>");
            assertThat(e.mentions()).isEmpty();
        });
    }

    @Test
    void command_with_a_mention_entity_without_any_fields_still_runs() {
        HttpResponse<String> response =
                teams.post(teams.activity("channel-message-mention", Map.of("text", "help", "extraMention", "{},")));
        teams.awaitIdle();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(core.commands)
                .singleElement()
                .satisfies(c -> assertThat(c.text()).isEqualTo("help"));
    }

    @Test
    void answer_while_the_database_is_gone_gets_503_so_teams_redelivers_it(@TempDir Path other) {
        try (DatabaseGoneShoptalk down = new DatabaseGoneShoptalk();
                TeamsFixture outage = new TeamsFixture(other, db -> down)) {
            HttpResponse<String> response = outage.post(
                    outage.activity("channel-reply", Map.of("text", "I keep a decision log", "id", "1763803000001")));

            assertThat(response.statusCode()).isEqualTo(503);
        }
    }
}

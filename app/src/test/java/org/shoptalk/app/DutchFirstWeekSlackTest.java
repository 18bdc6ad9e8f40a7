package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shoptalk.core.db.DbSettings;
import org.shoptalk.core.testing.Await;
import org.shoptalk.core.testing.SeenTexts;

/**
 * Issue 12, "Done means", in Slack: the whole app as a single-workspace Slack app, its Web API calls going to a fake
 * Slack (WireMock, through the real slack-api-client), and Slack's requests arriving signed over real HTTP. A Dutch
 * guild's first week: the lead Lotte (her Slack speaks nl-NL) opens the Home and invites the bot, starts the guild,
 * opens the Home's form, asks for help by command and by mention, plans moments (one twice, one in the same minute),
 * fills in the form with a zone Slack's modal must refuse, Bram joins and answers, the digest comes, and Bram has
 * Shoptalk forget him with the button in the channel. Every text Shoptalk sent to Slack or answered Slack with is
 * checked for English.
 */
class DutchFirstWeekSlackTest {
    private static final String SIGNING_SECRET = "dutch-week-signing-secret-0123456789";
    private static final String LEAD = "U1";
    private static final String MEMBER = "U2";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private FakeSlack slack;
    private ShoptalkApp app;
    private SlackSender sender;
    /** What Shoptalk answered Slack's requests with directly (acks), beside what it sent to the fake Slack. */
    private final List<String> acks = new ArrayList<>();

    @BeforeEach
    void start() {
        slack = FakeSlack.start();
        slack.person(LEAD, "lotte", "nl-NL");
        slack.person(MEMBER, "bram", "nl-NL");
        AppConfig config = AppConfig.fromEnvironment(Map.of(
                        "SLACK_BOT_TOKEN",
                        "xoxb-dutch-week-token",
                        "SLACK_SIGNING_SECRET",
                        SIGNING_SECRET,
                        "SHOPTALK_SECRET",
                        "dutch-week-secret-0123456789",
                        "SHOPTALK_PUBLIC_URL",
                        "https://shoptalk.example.org",
                        "SLACK_API_URL",
                        slack.apiUrl()))
                .withPort(0)
                .withDatabase(new DbSettings("jdbc:h2:file:" + dir.resolve("shoptalk"), "sa", "", 5));
        app = ShoptalkApp.start(config, List.of());
        sender = new SlackSender(new Http(app.port()), SIGNING_SECRET, slack.responseUrl());
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        slack.close();
    }

    @Test
    void a_dutch_guild_reads_no_english_in_its_first_week_in_slack() throws InterruptedException {
        ack(sender.event(SlackSender.homeOpened("EvHome1", LEAD), Map.of()));
        assertThat(slack.awaitCalls("views.publish", 1).get(0).get("view"))
                .as("the welcome, in the language her Slack speaks")
                .contains("Welkom bij Shoptalk");
        ack(sender.event(SlackSender.botJoined("EvJoin1", "C1", LEAD), Map.of()));
        awaitSaid("Hallo, ik ben Shoptalk");

        command(LEAD, "gilde start Vakgilde taal nl tijdzone Europe/Amsterdam");
        awaitSaid("Vakgenootschap Vakgilde");
        ack(sender.event(SlackSender.homeOpened("EvHome2", LEAD), Map.of()));
        JsonNode home = json(slack.awaitCalls("views.publish", 2).get(1).get("view"));
        assertThat(home.toString()).contains("Vakgilde (jij bent trekker)");
        JsonNode add = button(home, "plan formulier");
        ack(sender.interaction(SlackSender.buttonOnHome(
                LEAD, add.get("action_id").asText(), add.get("value").asText())));
        assertThat(slack.awaitCalls("views.open", 1).get(0).get("view"))
                .as("the Home's form, in the guild's language")
                .contains("Reflectiemoment")
                .contains("Plannen");

        command(LEAD, "hulp");
        awaitSaid("Voor trekkers");
        ack(sender.event(SlackSender.mention("EvMention1", LEAD, "hulp"), Map.of()));
        slack.awaitCalls("chat.postEphemeral", 1);

        command(LEAD, "schedule ma 10:25");
        awaitSaid("Reflectiemoment #1 gepland");
        command(LEAD, "plan maandag 10.25");
        awaitSaid("Moment #1 doet dit al");
        command(LEAD, "plan werkdagen 10:25");
        awaitSaid("dezelfde minuut als moment #1");
        command(LEAD, "plan werkdagen 10:25 toch");
        awaitSaid("Reflectiemoment #2 gepland");

        command(LEAD, "plan formulier");
        slack.awaitCalls("views.open", 2);
        String refused = ack(sender.interaction(
                SlackSender.formSubmission(LEAD, "shoptalk_form", "C1", "tue", "08:15", "1", "Mars/Olympus")));
        assertThat(refused)
                .as("the error next to the zone field, before the modal closes")
                .contains("\"response_action\":\"errors\"")
                .contains("\"tz\"")
                .contains("geen tijdzone");
        ack(sender.interaction(
                SlackSender.formSubmission(LEAD, "shoptalk_form", "C1", "tue", "08:15", "1", "Europe/Amsterdam")));
        awaitSaid("Reflectiemoment #3 gepland");

        command(MEMBER, "gilde meedoen");
        awaitSaid("Welkom bij Vakgilde");
        command(LEAD, "moment");
        awaitSaid("Reflectiemoment - ");
        String root = slack.tsOfPost("C1", "Reflectiemoment");
        ack(sender.event(
                SlackSender.message(
                        "EvAnswer1", MEMBER, "1700000100.000100", root, "Ik vraag eerst door voordat ik iets oplos."),
                Map.of()));
        ack(sender.event(
                SlackSender.message("EvAnswer2", LEAD, "1700000200.000100", root, "<@U2> dat wil ik ook proberen."),
                Map.of()));
        command(LEAD, "overzicht");
        awaitSaid("lotte, in reactie op bram");

        command(MEMBER, "vergeet mij");
        awaitSaid("Er verandert niets tot je bevestigt");
        assertThat(said()).contains("\"value\":\"vergeet mij bevestig\"");
        ack(sender.interaction(sender.buttonInChannel(MEMBER, "shoptalk_command:0", "vergeet mij bevestig")));
        awaitSaid("Shoptalk is je in deze werkruimte vergeten");

        SeenTexts seen = new SeenTexts().ignoringNames("lotte", "bram", "Vakgilde");
        for (String ack : acks) {
            texts(seen, "answer to Slack", json(ack));
        }
        for (LoggedRequest r : slack.requests()) {
            see(seen, r);
        }
        assertThat(seen.size()).isGreaterThan(30);
        seen.assertNoEnglish();
    }

    /** {@code /shoptalk TEXT} typed in channel C1. */
    private void command(String user, String text) {
        ack(sender.command(user, text));
    }

    /** Keeps what Shoptalk answered a request with, when it answered with something. */
    private String ack(Http.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        if (answer.body().startsWith("{")) {
            acks.add(answer.body());
        }
        return answer.body();
    }

    /** Waits until Shoptalk has said {@code text} somewhere: in an answer, a Web API call or a response_url post. */
    private void awaitSaid(String text) throws InterruptedException {
        try {
            Await.until(() -> said().contains(text), WAIT);
        } catch (AssertionError e) {
            throw new AssertionError("Shoptalk never said \"" + text + "\"; it said:\n" + said(), e);
        }
    }

    private String said() {
        StringBuilder all = new StringBuilder();
        acks.forEach(a -> all.append(a).append('\n'));
        for (LoggedRequest r : slack.requests()) {
            if (r.getUrl().startsWith(FakeSlack.RESPONSE_URL_PATH)) {
                all.append(r.getBodyAsString()).append('\n');
            } else {
                FakeSlack.form(r.getBodyAsString())
                        .values()
                        .forEach(v -> all.append(v).append('\n'));
            }
        }
        return all.toString();
    }

    /** The texts of one request to the fake Slack: a Web API call's text, blocks and view, or a response_url post. */
    private static void see(SeenTexts seen, LoggedRequest r) {
        String where = "Slack " + r.getUrl();
        if (r.getUrl().startsWith(FakeSlack.RESPONSE_URL_PATH)) {
            texts(seen, where, json(r.getBodyAsString()));
            return;
        }
        Map<String, String> call = FakeSlack.form(r.getBodyAsString());
        seen.add(where + " text", call.get("text"));
        for (String json : List.of("blocks", "view")) {
            if (call.containsKey(json)) {
                texts(seen, where + " " + json, json(call.get(json)));
            }
        }
    }

    /** Every text people read in Slack JSON: each "text" (mrkdwn and plain_text alike) and a modal's field errors. */
    private static void texts(SeenTexts seen, String where, JsonNode node) {
        if (node.isArray()) {
            node.forEach(n -> texts(seen, where, n));
        } else if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("text") && field.getValue().isTextual()) {
                    seen.add(where, field.getValue().asText());
                } else if (field.getKey().equals("errors") && field.getValue().isObject()) {
                    field.getValue().forEach(error -> seen.add(where + " error", error.asText()));
                } else {
                    texts(seen, where, field.getValue());
                }
            });
        }
    }

    /** The button in a Block Kit view whose command ends with {@code command}. */
    private static JsonNode button(JsonNode view, String command) {
        for (JsonNode element : view.findValues("elements").stream()
                .flatMap(e -> java.util.stream.StreamSupport.stream(e.spliterator(), false))
                .toList()) {
            if (element.path("type").asText().equals("button")
                    && element.path("value").asText().endsWith(command)) {
                return element;
            }
        }
        throw new AssertionError("no button for " + command + " in " + view);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("not JSON: " + text, e);
        }
    }
}

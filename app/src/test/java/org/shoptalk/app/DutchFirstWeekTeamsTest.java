package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shoptalk.teams.TeamsActivities.LEAD;
import static org.shoptalk.teams.TeamsActivities.MEMBER;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shoptalk.core.db.DbSettings;
import org.shoptalk.core.testing.Await;
import org.shoptalk.core.testing.SeenTexts;
import org.shoptalk.teams.BotFrameworkFake;
import org.shoptalk.teams.TeamsActivities;

/**
 * Issue 12, "Done means", in Microsoft Teams: the whole app as a Teams bot, with the Bot Framework's keys, token
 * endpoint and Bot Connector faked on loopback ({@link BotFrameworkFake}) and every activity signed with a real JWT. A
 * Dutch guild's first week, from Teams clients set to nl-NL: the team installs the bot and Lena installs it for
 * herself, she starts the guild, asks for help, plans moments (one twice, one in the same minute), fills in the card
 * form with a zone core refuses, Milan joins and answers, the digest comes, and Milan has Shoptalk forget him with the
 * card button in the channel. Every text Shoptalk sent to Teams is checked for English.
 */
class DutchFirstWeekTeamsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** The text-bearing members of Adaptive Card elements and actions. */
    private static final Set<String> CARD_TEXTS = Set.of("text", "title", "label", "placeholder", "errorMessage");

    @TempDir
    Path dir;

    private BotFrameworkFake botFramework;
    private ShoptalkApp app;
    private TeamsSender teams;
    private int ids = 1764100000;

    @BeforeEach
    void start() {
        botFramework = new BotFrameworkFake();
        AppConfig config = AppConfig.fromEnvironment(Map.of(
                        "MICROSOFT_APP_ID",
                        TeamsActivities.APP_ID,
                        "MICROSOFT_APP_PASSWORD",
                        "dutch-week-client-secret",
                        "MICROSOFT_APP_TENANT_ID",
                        TeamsActivities.TENANT_ID,
                        "SHOPTALK_SECRET",
                        "dutch-week-teams-secret-0123456789",
                        "SHOPTALK_PUBLIC_URL",
                        "https://shoptalk.example.org",
                        "TEAMS_OPENID_METADATA_URL",
                        botFramework.openIdMetadataUrl(),
                        "TEAMS_TOKEN_URL",
                        botFramework.tokenUrl()))
                .withPort(0)
                .withDatabase(new DbSettings("jdbc:h2:file:" + dir.resolve("shoptalk"), "sa", "", 5));
        app = ShoptalkApp.start(config, List.of());
        teams = new TeamsSender(new Http(app.port()), botFramework);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        botFramework.close();
    }

    @Test
    void a_dutch_guild_reads_no_english_in_its_first_week_in_teams() throws InterruptedException {
        deliver("installation-update-add", Map.of("id", "0001"));
        deliver("conversation-update-bot-added", Map.of("id", "0002"));
        deliver("conversation-update-channel-created", Map.of("id", "0003"));
        awaitSaid("typ hier @Shoptalk gilde start NAAM");
        deliverActivity(personalInstall(), Map.of("id", "0004"));
        awaitSaid("typ in het kanaal van je team @Shoptalk gilde start NAAM");

        command(LEAD, "gilde start Vakgilde taal nl tijdzone Europe/Amsterdam");
        awaitSaid("Vakgenootschap Vakgilde");
        command(LEAD, "hulp");
        awaitSaid("Voor trekkers");

        command(LEAD, "schedule ma 10:25");
        awaitSaid("Reflectiemoment #1 gepland");
        command(LEAD, "plan maandag 10.25");
        awaitSaid("Moment #1 doet dit al");
        command(LEAD, "plan werkdagen 10:25");
        awaitSaid("dezelfde minuut als moment #1");
        command(LEAD, "plan werkdagen 10:25 toch");
        awaitSaid("Reflectiemoment #2 gepland");

        String form = command(LEAD, "plan formulier");
        awaitSaid("Plannen");
        submit(LEAD, form, """
                {"shoptalk": "form", "form": "schedule", "days": "tue", "time": "08:15", "tz": "Mars/Olympus",
                 "every": "1"}""");
        awaitSaid("\\\"Mars/Olympus\\\" is geen tijdzone");
        submit(LEAD, form, """
                {"shoptalk": "form", "form": "schedule", "days": "tue", "time": "08:15", "tz": "Europe/Amsterdam",
                 "every": "1"}""");
        awaitSaid("Reflectiemoment #3 gepland");
        personal(LEAD, "rooster");
        awaitSaid("Reflectiemomenten van Vakgilde");

        command(MEMBER, "gilde meedoen");
        awaitSaid("Welkom bij Vakgilde");
        command(LEAD, "moment");
        ServeEvent moment =
                botFramework.awaitRequests(BotFrameworkFake::isMomentPost, 1).get(0);
        String root = BotFrameworkFake.json(moment.getResponse().getBodyAsString())
                .path("activityId")
                .asText();
        send("channel-reply", TeamsActivities.by(MEMBER, next(), root, "Ik vraag eerst door voordat ik iets oplos."));
        Map<String, String> response =
                TeamsActivities.by(LEAD, next(), root, "<at>Milan Member</at> dat wil ik ook proberen.");
        response.put("extraMention", TeamsActivities.mentionEntity(MEMBER));
        send("channel-reply", response);
        command(LEAD, "overzicht");
        awaitSaid("Lena Lead, in reactie op Milan Member");

        String preview = command(MEMBER, "vergeet mij");
        awaitSaid("Er verandert niets tot je bevestigt");
        assertThat(said()).contains("vergeet mij bevestig");
        submit(MEMBER, preview, """
                {"shoptalk": "command", "command": "vergeet mij bevestig"}""");
        awaitSaid("Shoptalk is je in deze werkruimte vergeten");

        SeenTexts seen = new SeenTexts().ignoringNames(LEAD.name(), MEMBER.name(), "Vakgilde");
        for (ServeEvent e : sent()) {
            JsonNode body = BotFrameworkFake.json(e.getRequest().getBodyAsString());
            JsonNode activity = body.has("activity") ? body.get("activity") : body;
            String where =
                    "Teams " + e.getRequest().getMethod() + " " + e.getRequest().getUrl();
            seen.add(where + " text", activity.path("text").asText(""));
            for (JsonNode attachment : activity.path("attachments")) {
                cardTexts(seen, where, attachment.path("content"));
            }
        }
        assertThat(seen.size()).isGreaterThan(30);
        seen.assertNoEnglish();
    }

    /** {@code @Shoptalk TEXT} as a new post in the guild channel; its message id, which is the thread's root. */
    private String command(TeamsActivities.Person who, String text) {
        String id = next();
        send("channel-message-mention", TeamsActivities.by(who, id, id, text));
        return id;
    }

    /** A message in the person's own chat with the bot. */
    private void personal(TeamsActivities.Person who, String text) {
        Map<String, String> vars = TeamsActivities.by(who, next(), "", text);
        send("personal-message", vars);
    }

    /** A card's button or form submitted, on the card Shoptalk posted in reply to {@code root}. */
    private void submit(TeamsActivities.Person who, String root, String value) {
        Map<String, String> vars = TeamsActivities.by(who, next(), root, "");
        vars.put("value", value);
        send("card-submit", vars);
    }

    private void deliver(String name, Map<String, String> vars) {
        deliverActivity(dutch(TeamsActivities.template(name)), vars);
    }

    private void deliverActivity(String template, Map<String, String> vars) {
        assertThat(teams.send(teams.activityFrom(template, vars)).status()).isEqualTo(200);
    }

    private void send(String name, Map<String, String> vars) {
        deliver(name, vars);
    }

    /** A Teams client set to Dutch: the activity's locale and its client info say nl-NL. */
    private static String dutch(String template) {
        return template.replace("\"en-US\"", "\"nl-NL\"").replace("\"country\": \"US\"", "\"country\": \"NL\"");
    }

    /**
     * Installing the app for oneself: Teams sends an installationUpdate into the new personal chat (with the client's
     * locale) beside the conversationUpdate (without one, microsoft/botbuilder-js#4042).
     */
    private static String personalInstall() {
        return TeamsActivities.template("conversation-update-personal-install")
                .replace(
                        "\"type\": \"conversationUpdate\"",
                        "\"type\": \"installationUpdate\", \"action\": \"add\"," + " \"locale\": \"nl-NL\"");
    }

    private String next() {
        return Integer.toString(++ids);
    }

    /** Waits until Shoptalk has sent {@code text} to Teams in some activity or card. */
    private void awaitSaid(String text) throws InterruptedException {
        try {
            Await.until(() -> said().contains(text), WAIT);
        } catch (AssertionError e) {
            throw new AssertionError("Shoptalk never said \"" + text + "\"; it said:\n" + said(), e);
        }
    }

    private String said() {
        StringBuilder all = new StringBuilder();
        sent().forEach(e -> all.append(e.getRequest().getBodyAsString()).append('\n'));
        return all.toString();
    }

    /** What Shoptalk sent to the Bot Connector with something to read in it, oldest first. */
    private List<ServeEvent> sent() {
        return botFramework.wireMock.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/teams/v3/conversations"))
                .filter(e -> !e.getRequest().getMethod().getName().equals("GET"))
                .filter(e -> BotFrameworkFake.isActivity(e)
                        || BotFrameworkFake.json(e.getRequest().getBodyAsString())
                                .has("activity"))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .toList();
    }

    private static void cardTexts(SeenTexts seen, String where, JsonNode node) {
        if (node.isArray()) {
            node.forEach(n -> cardTexts(seen, where, n));
        } else if (node.isObject()) {
            node.properties().forEach(field -> {
                if (CARD_TEXTS.contains(field.getKey()) && field.getValue().isTextual()) {
                    seen.add(where + " card " + field.getKey(), field.getValue().asText());
                } else if (!field.getKey().equals("data")) {
                    cardTexts(seen, where, field.getValue());
                }
            });
        }
    }
}

package org.shoptalk.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.shoptalk.teams.TeamsFixture.LEAD;
import static org.shoptalk.teams.TeamsFixture.MEMBER;
import static org.shoptalk.teams.TeamsFixture.TEAM_ID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shoptalk.core.CoreSettings;
import org.shoptalk.core.ShoptalkCore;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.task.Task;
import org.shoptalk.core.testing.SleepWatch;

/** Shoptalk in a Teams team, from install to digest, with the real core and the Bot Connector on WireMock. */
class TeamsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    TeamsFixture teams;
    ShoptalkCore core;

    @BeforeEach
    void start() {
        teams = new TeamsFixture(dir, db -> core = ShoptalkCore.create(db, CoreSettings.defaults(), Clock.systemUTC()));
        core.register(teams.adapter.platform());
        core.start();
    }

    @AfterEach
    void stop() {
        core.close();
        teams.close();
    }

    @Test
    void a_guild_lives_a_round_in_teams_from_install_to_digest() {
        install();

        command(LEAD, "1763802900001", "guild create Craft lang en tz Europe/Amsterdam");
        assertThat(lastReplyText()).contains("Craft");
        command(LEAD, "1763802900002", "schedule mon,thu 09:30");
        assertThat(lastReplyText()).contains("#1").contains("Mon, Thu").contains("Europe/Amsterdam");

        command(LEAD, "1763802900003", "moment explore");
        JsonNode round = lastChannelPost("Why this question");
        assertThat(cardText(round.get("request"))).contains("Why this question");
        String root = round.get("response").get("activityId").asText();

        teams.deliver(
                "channel-reply",
                TeamsActivities.by(MEMBER, "1763803000001", root, "I take responsibility for clear code reviews."));
        teams.deliver(
                "channel-reply",
                Map.of("id", "1763803000002", "root", root, "text", "For me it is the patients who read our letters."));
        teams.deliver(
                "channel-reply",
                Map.of(
                        "id",
                        "1763803000003",
                        "root",
                        root,
                        "fromId",
                        "29:1ThirdPersonId",
                        "fromAad",
                        "0a1b2c3d-3333-4444-8555-666677778888",
                        "fromName",
                        "Cas Colleague",
                        "text",
                        "<at>Milan Member</at> what makes a review clear to you?",
                        "extraMention",
                        TeamsFixture.mentionEntity(MEMBER)));
        teams.deliver(
                "message-update",
                TeamsActivities.by(
                        MEMBER, "1763803000001", root, "I take responsibility for kind, clear code reviews."));
        teams.deliver("message-delete", Map.of("id", "1763803000002", "root", root));

        command(LEAD, "1763802900004", "digest");
        String digest = cardText(lastChannelPost("This week in Craft").get("request"));
        assertThat(digest)
                .contains("This week in Craft")
                .contains("kind, clear code reviews")
                .doesNotContain("patients who read our letters")
                .contains("Cas Colleague, responding to Milan Member")
                .contains("People who took part: 2")
                .contains("https://teams.microsoft.com/l/message/");
    }

    /**
     * The adapter hands a 429 to core at once instead of waiting it out on core's thread; planning the post again
     * after Retry-After is core's work (a Quartz job), not a sleep in the adapter.
     */
    @Test
    void a_throttled_moment_is_handed_back_to_core_at_once_not_waited_out_sent_again_or_called_posted() {
        install();
        command(LEAD, "1763802900001", "guild create Craft");
        teams.botFramework.wireMock.stubFor(post(urlPathEqualTo("/teams/v3/conversations"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.isGroup", equalTo("true")))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "30")
                        .withBody("{\"error\": {\"code\": \"TooManyRequests\"}}")));

        List<SleepWatch.Sleep> sleeps;
        try (SleepWatch watch = SleepWatch.start()) {
            command(LEAD, "1763802900002", "moment");
            sleeps = watch.sleeps();
        }

        assertThat(teams.connectorCalls(postRequestedFor(urlPathEqualTo("/teams/v3/conversations"))
                        .withRequestBody(matchingJsonPath("$.isGroup", equalTo("true")))
                        // The weekly digest (Friday 16:00) may be throttled too, on the real clock.
                        .withRequestBody(notContaining("This week in"))))
                .isEqualTo(1);
        assertThat(sleeps).isEmpty();
        assertThat(lastReplyText())
                .as("the lead is not told it was posted, and learns it follows when Teams allows")
                .contains("is not posted yet")
                .contains("I try again as soon as it lets me");
    }

    @Test
    void schedule_form_shows_cores_validation_and_then_schedules() {
        install();
        command(LEAD, "1763802900001", "guild create Craft");
        command(LEAD, "1763802900002", "schedule form");

        teams.deliver("card-submit", Map.of("id", "1763802900010", "root", "1763802900002", "value", """
                {"shoptalk": "form", "form": "schedule", "days": "tue,fri", "time": "08:15", "tz": "Mars/Olympus",
                 "every": "1"}"""));
        assertThat(lastReply()).contains("Mars/Olympus\\\" is not a time zone I know");

        teams.deliver("card-submit", Map.of("id", "1763802900011", "root", "1763802900002", "value", """
                {"shoptalk": "form", "form": "schedule", "days": "tue,fri", "time": "08:15", "tz": "Europe/Amsterdam",
                 "every": "2", "theme": "craft"}"""));
        assertThat(lastReplyText()).contains("#1").contains("Tue, Fri").contains("08:15");
    }

    /** Issue 12: "forget me" asks first, with a card button that runs the confirmation as the person. */
    @Test
    void forget_me_in_the_personal_chat_shows_what_would_go_and_confirming_forgets_the_person() {
        install();
        command(LEAD, "1763802900001", "guild create Craft lang en");
        personal(LEAD, "1763802900002", "forget me");

        assertThat(lastReply()).contains("Action.Submit").contains("forget me confirm");
        assertThat(lastReplyText())
                .contains("Nothing changes until you confirm")
                .contains("your membership of 1 guild");

        personal(LEAD, "1763802900010", "forget me confirm");

        assertThat(lastReplyText()).contains("Shoptalk has forgotten you").contains("your membership of 1 guild");
        personal(LEAD, "1763802900011", "forget me");
        assertThat(lastReplyText()).contains("nothing to forget");
    }

    /**
     * Issue 12: the confirm button on a card in a channel. The confirmation goes to the person's personal chat, opened
     * from the pressed card's own activity (their connector id), since the adapter's record of them is gone by then;
     * afterwards the Teams store holds nothing about them.
     */
    @Test
    void forget_me_confirmed_on_a_channel_card_answers_privately_and_leaves_nothing_in_the_teams_store() {
        install();
        command(LEAD, "1763802900001", "guild create Craft lang en");
        personal(LEAD, "1763802900002", "reminders off");
        command(LEAD, "1763802900003", "forget me");
        assertThat(lastReplyText()).contains("Nothing changes until you confirm");
        assertThat(teamsUserRows(LEAD)).as("the adapter knows the lead before").isEqualTo(1);

        teams.deliver("card-submit", Map.of("id", "1763802900010", "root", "1763802900003", "value", """
                {"shoptalk": "command", "command": "forget me confirm"}"""));

        JsonNode confirmation = json(lastReply());
        assertThat(cardText(confirmation))
                .contains("Shoptalk has forgotten you")
                .contains("your membership of 1 guild")
                .doesNotContain("could not open a chat");
        assertThat(lastReplyUrl()).as("sent to the personal chat").contains("a:1personal-chat-id");
        assertThat(teams.connectorCalls(postRequestedFor(urlPathEqualTo("/teams/v3/conversations"))
                        .withRequestBody(matchingJsonPath("$.members[0].id", equalTo(LEAD.id())))))
                .as("the personal chat was opened for the person who pressed the button")
                .isEqualTo(1);
        assertThat(teamsUserRows(LEAD))
                .as("nothing about the lead is left in the Teams store")
                .isZero();
        assertThat(teams.adapter.platform().displayName(new UserRef(TeamsFixture.TENANT, LEAD.aad())))
                .as("their name is gone too")
                .isEqualTo(LEAD.aad());
    }

    /**
     * Issue 15, section 3: a week after pairing, each member gets one private check-in as a card with three buttons,
     * and pressing one is that person's answer.
     */
    @Test
    void the_pair_check_in_is_a_private_card_with_three_buttons_and_a_press_answers_it() {
        install();
        command(LEAD, "1763802900001", "guild create Craft lang en tz Europe/Amsterdam");
        // No quiet hours for the lead, so the check-in is due now whatever day and hour this test runs.
        personal(LEAD, "1763802900002", "quiet hours off");
        long pair = teams.database.withHandle(h -> h.insert(
                "INSERT INTO pairing (guild_id, members, prompt_id, formed_at) VALUES (1, ?, 'craft-01', ?)",
                LEAD.aad() + "\n" + MEMBER.aad(),
                java.time.Instant.now().minus(java.time.Duration.ofDays(7)).minusSeconds(60)));

        core.runTask(new Task.CheckIn(pair), java.time.Instant.now());

        String card = lastReply();
        assertThat(cardText(json(card))).contains("became professional friends in Craft. Did you manage to talk?");
        assertThat(card)
                .contains("Action.Submit")
                .contains("pairs met " + pair)
                .contains("pairs not yet " + pair)
                .contains("pairs skip " + pair);

        teams.deliver(
                "card-submit", Map.of("id", "1763802900012", "root", "1763802900002", "value", """
                {"shoptalk": "command", "command": "pairs met %d"}""".formatted(pair)));

        assertThat(lastReplyText()).contains("Good to hear");
        long met = teams.database.withHandle(h -> h.count("SELECT COUNT(*) FROM pairing WHERE met_at IS NOT NULL"));
        assertThat(met).isEqualTo(1);
    }

    /** The bot is added to the team, which is announced in General; the guild channel is created after. */
    @Test
    void only_a_mention_entity_names_a_person_in_a_command() {
        install();
        command(LEAD, "1763802900001", "guild create Craft lang en");
        teams.botFramework.wireMock.stubFor(get(urlPathMatching("/teams/v3/conversations/[^/]+/members/.+"))
                .willReturn(okJson("{\"id\": \"" + MEMBER.id() + "\", \"name\": \"" + MEMBER.name()
                        + "\", \"aadObjectId\": \"" + MEMBER.aad() + "\"}")));

        // Typed without picking from the list: plain text, no entity.
        command(LEAD, "1763802900002", "guild lead add @Milan");
        String unresolved = lastReplyText();
        // Text shaped like a mention, but without an entity: Teams did not say who it is.
        command(LEAD, "1763802900003", "guild lead add &lt;@" + MEMBER.aad() + "&gt;");
        String typedId = lastReplyText();
        command(LEAD, "1763802900004", "guild lead add <at>Milan Member</at>");
        String typedTag = lastReplyText();
        command(LEAD, "1763802900005", "guild");

        assertThat(unresolved).contains("Teams did not tell me who @Milan is, so nothing changed");
        assertThat(typedId).contains("is not a mention of a person");
        // Teams markup without an entity reads as the typed name it shows, which core refuses like any typed name.
        assertThat(typedTag).contains("Teams did not tell me who @Milan Member is, so nothing changed");
        assertThat(lastReplyText()).contains("Members: 1");

        mentionCommand(LEAD, "1763802900006", "guild lead add <at>Milan Member</at>", MEMBER);
        assertThat(lastReplyText()).contains("is now a lead of Craft");
        command(LEAD, "1763802900007", "guild");
        assertThat(lastReplyText()).contains("Members: 2");
    }

    private void mentionCommand(
            TeamsActivities.Person who, String messageId, String text, TeamsActivities.Person mentioned) {
        Map<String, String> vars = TeamsActivities.by(who, messageId, messageId, text);
        vars.put("extraMention", TeamsActivities.mentionEntity(mentioned));
        teams.deliver("channel-message-mention", vars);
    }

    private void install() {
        teams.deliver("conversation-update-bot-added", Map.of("id", "0001"));
        teams.deliver("installation-update-add", Map.of("id", "0002"));
        teams.deliver("conversation-update-channel-created", Map.of("id", "0003"));
        assertThat(teams.connectorCalls(
                        postRequestedFor(urlPathEqualTo("/teams/v3/conversations/" + TEAM_ID + "/activities"))
                                .withRequestBody(containing("guild create"))))
                .as("welcome with help in General")
                .isEqualTo(1);
        Integer channels = teams.database
                .withHandle(h -> h.queryOne(
                        "SELECT COUNT(*) FROM teams_channel WHERE tenant = ? AND team_id = ?",
                        rs -> rs.getInt(1),
                        TeamsFixture.TENANT.key(),
                        TEAM_ID))
                .orElse(0);
        assertThat(channels).isEqualTo(2);
    }

    /** Rows of the Teams store's people table about this person, by either of their ids. */
    private int teamsUserRows(TeamsActivities.Person who) {
        return teams.database
                .withHandle(h -> h.queryOne(
                        "SELECT COUNT(*) FROM teams_user WHERE tenant = ? AND (aad_object_id = ? OR user_id = ?)",
                        rs -> rs.getInt(1),
                        TeamsFixture.TENANT.key(),
                        who.aad(),
                        who.id()))
                .orElse(0);
    }

    private String lastReplyUrl() {
        return teams.botFramework.wireMock.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().endsWith("/activities"))
                .max(java.util.Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .orElseThrow(() -> new AssertionError("the bot replied nowhere"))
                .getRequest()
                .getUrl();
    }

    private void personal(TeamsActivities.Person who, String messageId, String text) {
        Map<String, String> vars = new java.util.HashMap<>(TeamsActivities.by(who, messageId, messageId, text));
        vars.remove("root");
        teams.deliver("personal-message", vars);
    }

    private void command(TeamsActivities.Person who, String messageId, String text) {
        teams.deliver("channel-message-mention", TeamsActivities.by(who, messageId, messageId, text));
    }

    /** The bot's latest reply, in a channel thread or someone's personal chat. */
    private String lastReplyText() {
        return cardText(json(lastReply()));
    }

    /** The bot's latest reply as sent, card JSON and all. */
    private String lastReply() {
        List<ServeEvent> sent = teams.botFramework.wireMock.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().endsWith("/activities"))
                .toList();
        ServeEvent last = sent.stream()
                .max(java.util.Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .orElseThrow(() -> new AssertionError("the bot replied nowhere"));
        return last.getRequest().getBodyAsString();
    }

    /**
     * The newest new channel post whose activity contains {@code text}: picked by what it is, not by order, as on the
     * real clock the weekly digest (Friday 16:00) or a scheduled moment may be posted in between.
     */
    private JsonNode lastChannelPost(String text) {
        ServeEvent last = teams.botFramework.wireMock.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/teams/v3/conversations")
                        && e.getResponse().getStatus() == 201
                        && e.getRequest().getBodyAsString().contains(text))
                .max(java.util.Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .orElseThrow(() -> new AssertionError("nothing with " + text + " was posted as a new channel post"));
        return JSON.createObjectNode()
                .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                        "request", json(last.getRequest().getBodyAsString()).get("activity"))
                .set("response", json(last.getResponse().getBodyAsString()));
    }

    /** All text of the Adaptive Card in an outgoing activity, one element per line. */
    private static String cardText(JsonNode activity) {
        StringBuilder text = new StringBuilder();
        activity.get("attachments")
                .get(0)
                .get("content")
                .findValues("text")
                .forEach(t -> text.append(t.asText()).append('\n'));
        return text.toString();
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Issue 12: when core fails on a Dutch guild's command (its moments' table is gone, the guild's is not), the
     * apology is Dutch: the adapter passes who typed it where, core knows the guild's language.
     */
    @Test
    void a_dutch_guilds_command_that_fails_in_core_gets_the_apology_in_dutch() {
        install();
        command(LEAD, "1763802900001", "gilde start Vakwerk taal nl");
        assertThat(lastReplyText()).contains("Vakwerk");
        teams.database.useTransaction(h -> h.update("ALTER TABLE schedule RENAME TO schedule_gone"));

        command(LEAD, "1763802900002", "rooster");

        assertThat(lastReplyText())
                .contains("Sorry, dat lukte Shoptalk nu niet")
                .doesNotContain("could not do that");
    }

    /**
     * Issue 12: when a private reply cannot reach a person of a Dutch guild (Teams refuses the personal chat), what
     * the channel is told instead is Dutch too.
     */
    @Test
    void a_dutch_guild_hears_in_dutch_that_a_private_reply_could_not_reach_the_person() {
        install();
        command(LEAD, "1763802900001", "gilde start Vakwerk taal nl");
        teams.botFramework.wireMock.stubFor(post(urlPathEqualTo("/teams/v3/conversations"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.isGroup", equalTo("false")))
                .willReturn(aResponse().withStatus(403).withBody("{\"error\": {\"code\": \"Forbidden\"}}")));

        command(LEAD, "1763802900002", "herinneringen uit");

        assertThat(lastReplyText())
                .contains("Ik heb een antwoord alleen voor jou")
                .doesNotContain("I have a reply for you only");
    }
}

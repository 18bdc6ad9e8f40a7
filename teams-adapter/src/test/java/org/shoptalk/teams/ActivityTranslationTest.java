package org.shoptalk.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.shoptalk.teams.TeamsFixture.CHANNEL_ID;
import static org.shoptalk.teams.TeamsFixture.LEAD;
import static org.shoptalk.teams.TeamsFixture.MEMBER;
import static org.shoptalk.teams.TeamsFixture.TEAM_ID;
import static org.shoptalk.teams.TeamsFixture.TENANT;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatEvent;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.command.CommandReply;
import org.shoptalk.core.command.CommandRequest;
import org.shoptalk.core.command.ScheduleForm;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.testing.RecordingShoptalk;

/** Realistic Teams payloads in, the right core calls and connector calls out (core is a recording fake). */
class ActivityTranslationTest {
    static final ChannelRef CHANNEL = new ChannelRef(TENANT, CHANNEL_ID);

    @TempDir
    Path dir;

    TeamsFixture teams;
    RecordingShoptalk core;
    Instant testStart;

    @BeforeEach
    void start() {
        testStart = Instant.now();
        core = RecordingShoptalk.answeringInChannel();
        teams = new TeamsFixture(dir, db -> core);
    }

    @AfterEach
    void stop() {
        teams.close();
    }

    @Test
    void channel_message_mentioning_the_bot_runs_the_command_and_replies_in_its_thread() {
        teams.deliver("channel-message-mention", Map.of("text", "schedule mon,thu 09:30 theme craft"));

        assertThat(core.commands)
                .containsExactly(new CommandRequest(
                        new UserRef(TENANT, LEAD.aad()), CHANNEL, "schedule mon,thu 09:30 theme craft"));
        String thread = enc(CHANNEL_ID + ";messageid=1763802902123");
        assertThat(teams.connectorCalls(
                        postRequestedFor(urlPathEqualTo("/teams/v3/conversations/" + thread + "/activities"))
                                .withHeader("Authorization", equalTo("Bearer " + BotFrameworkFake.OUTGOING_TOKEN))
                                .withRequestBody(matchingJsonPath(
                                        "$.attachments[0].contentType", equalTo(AdaptiveCards.CONTENT_TYPE)))
                                .withRequestBody(matchingJsonPath(
                                        "$.attachments[0].content.body[0].inlines[0].text",
                                        equalTo("ok: schedule mon,thu 09:30 theme craft")))))
                .isEqualTo(1);
    }

    @Test
    void other_people_mentioned_in_a_command_are_passed_as_object_ids() {
        teams.botFramework.wireMock.stubFor(get(urlPathMatching("/teams/v3/conversations/[^/]+/members/.+"))
                .willReturn(okJson("{\"id\": \"" + MEMBER.id() + "\", \"name\": \"" + MEMBER.name()
                        + "\", \"aadObjectId\": \"" + MEMBER.aad() + "\"}")));

        teams.deliver(
                "channel-message-mention",
                Map.of(
                        "text",
                        "guild lead add <at>Milan Member</at>",
                        "extraMention",
                        TeamsFixture.mentionEntity(MEMBER)));

        assertThat(core.commands)
                .extracting(CommandRequest::text)
                .containsExactly("guild lead add <@" + MEMBER.aad() + ">");
        assertThat(teams.connectorCalls(getRequestedFor(
                        urlPathEqualTo("/teams/v3/conversations/" + enc(TEAM_ID) + "/members/" + enc(MEMBER.id())))))
                .isEqualTo(1);
    }

    @Test
    void text_shaped_like_a_mention_reaches_core_as_text_and_mentions_nobody() {
        teams.deliver(
                "channel-reply",
                Map.of(
                        "id",
                        "1763803000001",
                        "root",
                        "1763802902123",
                        "text",
                        "Object ids look like &lt;@" + MEMBER.aad() + "&gt; in our logs"));

        assertThat(core.events).singleElement().isInstanceOfSatisfying(ChatEvent.MessagePosted.class, posted -> {
            assertThat(posted.mentions()).isEmpty();
            assertThat(posted.text()).doesNotContain("<@");
            assertThat(posted.text().replace("\u2060", ""))
                    .as("reads as typed")
                    .isEqualTo("Object ids look like <@" + MEMBER.aad() + "> in our logs");
        });
    }

    @Test
    void reply_in_a_thread_becomes_a_posted_message_with_its_thread_root_and_receive_time() {
        teams.deliver(
                "channel-reply",
                Map.of(
                        "id",
                        "1763803000001",
                        "root",
                        "1763802902123",
                        "text",
                        "I keep a decision log &amp; review it <b>weekly</b>"));

        assertThat(core.commands).isEmpty();
        assertThat(core.events).singleElement().isInstanceOfSatisfying(ChatEvent.MessagePosted.class, posted -> {
            assertThat(posted.channel()).isEqualTo(CHANNEL);
            assertThat(posted.author()).isEqualTo(new UserRef(TENANT, LEAD.aad()));
            assertThat(posted.messageId()).isEqualTo("1763803000001");
            assertThat(posted.threadRootId()).isEqualTo("1763802902123");
            assertThat(posted.text()).isEqualTo("I keep a decision log & review it weekly");
            // The payload says 09:31 UTC; what counts is when it arrived.
            assertThat(posted.receivedAt()).isAfterOrEqualTo(testStart);
        });
    }

    @Test
    void new_top_level_post_without_the_bot_has_no_thread_root() {
        teams.deliver("channel-reply", Map.of("id", "1763804000000", "root", "1763804000000", "text", "Lunch?"));

        assertThat(core.events)
                .singleElement()
                .isInstanceOfSatisfying(
                        ChatEvent.MessagePosted.class,
                        p -> assertThat(p.threadRootId()).isNull());
    }

    @Test
    void reply_to_a_colleague_carries_the_mention_as_a_person() {
        teams.deliver("channel-reply", Map.of("id", "1763803000001", "text", "hello"));
        teams.deliver(
                "channel-reply",
                Map.of(
                        "id",
                        "1763803000002",
                        "fromId",
                        MEMBER.id(),
                        "fromAad",
                        MEMBER.aad(),
                        "fromName",
                        MEMBER.name(),
                        "text",
                        "<at>Lena Lead</at> same here, it saves me hours",
                        "extraMention",
                        TeamsFixture.mentionEntity(LEAD)));

        assertThat(core.events).last().isInstanceOfSatisfying(ChatEvent.MessagePosted.class, p -> {
            assertThat(p.author()).isEqualTo(new UserRef(TENANT, MEMBER.aad()));
            assertThat(p.text()).isEqualTo("@Lena Lead same here, it saves me hours");
            assertThat(p.mentions()).containsExactly(new UserRef(TENANT, LEAD.aad()));
        });
    }

    @Test
    void message_update_becomes_an_edit_and_message_delete_a_deletion() {
        teams.deliver("message-update", Map.of("id", "1763803000001", "text", "I keep a decision log, now in Git"));
        teams.deliver("message-delete", Map.of("id", "1763803000001"));

        assertThat(core.events).hasSize(2);
        assertThat(core.events.get(0)).isInstanceOfSatisfying(ChatEvent.MessageEdited.class, edited -> {
            assertThat(edited.channel()).isEqualTo(CHANNEL);
            assertThat(edited.messageId()).isEqualTo("1763803000001");
            assertThat(edited.newText()).isEqualTo("I keep a decision log, now in Git");
        });
        assertThat(core.events.get(1)).isEqualTo(new ChatEvent.MessageDeleted(CHANNEL, "1763803000001"));
    }

    @Test
    void a_redelivered_message_reaches_core_once() {
        String reply = teams.activity("channel-reply", Map.of("id", "1763803000001", "text", "once"));
        assertThat(teams.post(reply).statusCode()).isEqualTo(200);
        assertThat(teams.post(reply).statusCode()).isEqualTo(200);

        assertThat(core.events).hasSize(1);
    }

    @Test
    void schedule_form_submit_runs_the_schedule_command_a_lead_would_type() {
        String value = """
                {"shoptalk": "form", "form": "schedule", "days": "mon,thu", "time": "09:30", "tz": "Europe/Amsterdam",
                 "every": "2", "theme": "craft"}""";
        core.answerWith(request ->
                CommandReply.inChannel(ChatMessage.text("Unknown time zone: use a name like Europe/Amsterdam")));

        teams.deliver("card-submit", Map.of("id", "1763802950000", "root", "1763802940000", "value", value));

        assertThat(core.commands)
                .extracting(CommandRequest::text)
                .containsExactly("schedule mon,thu 09:30 every 2 weeks tz Europe/Amsterdam theme craft");
        assertThat(core.commands.get(0).channel()).isEqualTo(CHANNEL);
        assertThat(teams.connectorCalls(postRequestedFor(urlPathMatching("/teams/v3/conversations/.+/activities"))
                        .withRequestBody(matchingJsonPath(
                                "$.attachments[0].content.body[0].inlines[0].text",
                                equalTo("Unknown time zone: use a name like Europe/Amsterdam")))))
                .isEqualTo(1);
    }

    @Test
    void a_form_core_returns_is_posted_as_a_card_and_its_submit_goes_back_to_core() {
        core.answerWith(r -> CommandReply.form(ScheduleForm.form(Language.EN, false), ChatMessage.text("type it")));
        teams.deliver("channel-message-mention", Map.of("text", "schedule form"));

        assertThat(core.commands).extracting(CommandRequest::text).containsExactly("schedule form");
        assertThat(teams.connectorCalls(postRequestedFor(urlPathMatching("/teams/v3/conversations/.+/activities"))
                        .withRequestBody(matchingJsonPath("$.attachments[0].content.body[?(@.id == 'days')]"))
                        .withRequestBody(matchingJsonPath(
                                "$.attachments[0].content.actions[0].data.form", equalTo("schedule")))))
                .isEqualTo(1);
    }

    /** Issue 12: empty days were reported as '"09:30" are not days I understand'. */
    @Test
    void a_form_submitted_with_empty_days_and_a_zone_core_refuses_comes_back_with_both_errors() {
        teams.deliver("card-submit", Map.of("value", """
                {"shoptalk": "form", "form": "schedule", "days": "", "time": "09:30", "tz": "CET"}"""));

        assertThat(core.commands).isEmpty();
        assertThat(teams.connectorCalls(postRequestedFor(urlPathMatching("/teams/v3/conversations/.+/activities"))
                        .withRequestBody(matchingJsonPath(
                                "$.attachments[0].content.body[?(@.text == 'Pick at least one day.')]"))
                        .withRequestBody(containing("CET\\\" is not a time zone I know"))
                        .withRequestBody(notContaining("are not days"))))
                .isEqualTo(1);
    }

    @Test
    void card_button_runs_its_command_as_the_person_who_clicked() {
        teams.deliver(
                "card-submit",
                Map.of(
                        "value",
                        "{\"shoptalk\": \"command\", \"command\": \"resume 12\"}",
                        "fromId",
                        MEMBER.id(),
                        "fromAad",
                        MEMBER.aad(),
                        "fromName",
                        MEMBER.name()));

        assertThat(core.commands)
                .containsExactly(new CommandRequest(new UserRef(TENANT, MEMBER.aad()), CHANNEL, "resume 12"));
    }

    @Test
    void personal_chat_text_is_a_command_without_a_channel_answered_in_that_chat() {
        teams.deliver("personal-message", Map.of("id", "1:1personalmsg", "text", "reminders off"));

        assertThat(core.commands)
                .containsExactly(new CommandRequest(new UserRef(TENANT, LEAD.aad()), null, "reminders off"));
        String chat = enc("a:1Jq9f0xG6l4-personal-" + LEAD.aad());
        assertThat(teams.connectorCalls(
                        postRequestedFor(urlPathEqualTo("/teams/v3/conversations/" + chat + "/activities"))))
                .isEqualTo(1);
    }

    @Test
    void private_reply_to_a_channel_command_goes_to_a_new_personal_chat() {
        core.answerWith(request -> CommandReply.privately(ChatMessage.text("Only leads can change schedules.")));

        teams.deliver(
                "channel-message-mention",
                Map.of(
                        "text",
                        "unschedule 3",
                        "fromId",
                        MEMBER.id(),
                        "fromAad",
                        MEMBER.aad(),
                        "fromName",
                        MEMBER.name()));

        assertThat(teams.connectorCalls(postRequestedFor(urlPathEqualTo("/teams/v3/conversations"))
                        .withRequestBody(matchingJsonPath("$.members[0].id", equalTo(MEMBER.id())))
                        .withRequestBody(matchingJsonPath("$.channelData.tenant.id", equalTo(TENANT.id())))))
                .isEqualTo(1);
        assertThat(teams.connectorCalls(postRequestedFor(
                                urlPathEqualTo("/teams/v3/conversations/" + enc("a:1personal-chat-id") + "/activities"))
                        .withRequestBody(matchingJsonPath(
                                "$.attachments[0].content.body[0].inlines[0].text",
                                equalTo("Only leads can change schedules.")))))
                .isEqualTo(1);
        assertThat(teams.connectorCalls(postRequestedFor(urlPathMatching("/teams/v3/conversations/19.+/activities"))))
                .isZero();
    }

    /** Conversation ids travel unescaped in connector paths, as the SDK sends them. */
    static String enc(String s) {
        return s;
    }
}

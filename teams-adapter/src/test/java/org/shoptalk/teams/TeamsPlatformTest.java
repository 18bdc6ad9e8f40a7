package org.shoptalk.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.shoptalk.teams.TeamsFixture.AAD_GROUP_ID;
import static org.shoptalk.teams.TeamsFixture.CHANNEL_ID;
import static org.shoptalk.teams.TeamsFixture.LEAD;
import static org.shoptalk.teams.TeamsFixture.TENANT;

import com.github.tomakehurst.wiremock.http.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatform;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.Posted;
import org.shoptalk.core.chat.RateLimitedException;
import org.shoptalk.core.chat.ThreadRef;
import org.shoptalk.core.chat.UnknownOutcomeException;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.testing.MutableClock;
import org.shoptalk.core.testing.RecordingShoptalk;
import org.shoptalk.core.testing.SleepWatch;

/** Core's port to Teams against the Bot Connector on WireMock, after the bot was installed in a team. */
class TeamsPlatformTest {
    static final ChannelRef CHANNEL = new ChannelRef(TENANT, CHANNEL_ID);
    static final String ROOT = "1763900000001";

    @TempDir
    Path dir;

    TeamsFixture teams;
    /** Fixed at the start, so an HTTP-date Retry-After has an exact meaning; the date itself does not matter. */
    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    ChatPlatform platform;

    @BeforeEach
    void start() {
        teams = new TeamsFixture(dir, db -> RecordingShoptalk.answeringInChannel(), clock);
        teams.deliver("conversation-update-bot-added", Map.of("id", "1"));
        teams.deliver("conversation-update-channel-created", Map.of("id", "2"));
        platform = teams.adapter.platform();
    }

    @AfterEach
    void stop() {
        teams.close();
    }

    private void connectorCreatesPost() {
        teams.botFramework.wireMock.stubFor(post(urlPathEqualTo("/teams/v3/conversations"))
                .atPriority(5)
                .willReturn(okJson(
                        "{\"id\": \"" + CHANNEL_ID + ";messageid=" + ROOT + "\", \"activityId\": \"" + ROOT + "\"}")));
    }

    @Test
    void top_level_post_creates_a_conversation_in_the_channel_and_names_its_thread() {
        connectorCreatesPost();

        Posted posted = platform.postTopLevel(
                CHANNEL,
                ChatMessage.builder()
                        .header("What did you maintain this week?")
                        .context("Why this question: care is part of the craft.")
                        .build());

        assertThat(posted.messageId()).isEqualTo(ROOT);
        assertThat(posted.threadId()).isEqualTo(ROOT);
        assertThat(posted.permalink())
                .startsWith("https://teams.microsoft.com/l/message/")
                .contains(ROOT)
                .contains("groupId=" + AAD_GROUP_ID)
                .contains("tenantId=" + TENANT.id());
        assertThat(teams.connectorCalls(postRequestedFor(urlPathEqualTo("/teams/v3/conversations"))
                        .withHeader("Authorization", equalTo("Bearer " + BotFrameworkFake.OUTGOING_TOKEN))
                        .withRequestBody(matchingJsonPath("$.isGroup", equalTo("true")))
                        .withRequestBody(matchingJsonPath("$.channelData.channel.id", equalTo(CHANNEL_ID)))
                        .withRequestBody(matchingJsonPath("$.channelData.tenant.id", equalTo(TENANT.id())))
                        .withRequestBody(matchingJsonPath(
                                "$.activity.attachments[0].content.body[0].inlines[0].text",
                                equalTo("What did you maintain this week?")))
                        .withRequestBody(
                                matchingJsonPath("$.activity.summary", equalTo("What did you maintain this week?")))))
                .isEqualTo(1);
    }

    @Test
    void forgetting_a_person_drops_their_name_and_address() {
        TeamsStore store = new TeamsStore(teams.database, clock);
        store.saveUser(TENANT, LEAD.aad(), LEAD.id(), LEAD.name(), "http://127.0.0.1/teams/", "a:personal");
        assertThat(store.user(TENANT, LEAD.aad())).isPresent();

        platform.forget(new org.shoptalk.core.chat.UserRef(TENANT, LEAD.aad()));

        assertThat(store.user(TENANT, LEAD.aad())).isEmpty();
    }

    @Test
    void posting_to_a_channel_of_a_team_without_the_bot_fails_permanently() {
        ChannelRef unknown = new ChannelRef(TENANT, "19:unknownchannel@thread.tacv2");

        assertThatThrownBy(() -> platform.postTopLevel(unknown, ChatMessage.text("hi")))
                .isInstanceOfSatisfying(
                        ChatPlatformException.class,
                        e -> assertThat(e.permanent()).isTrue());
    }

    @Test
    void a_team_the_bot_was_removed_from_is_no_longer_posted_to() {
        teams.deliver("installation-update-add", Map.of("id", "3"));
        String removed =
                teams.activity("installation-update-add", Map.of("id", "4")).replace("\"add\"", "\"remove\"");
        assertThat(teams.post(removed).statusCode()).isEqualTo(200);

        assertThatThrownBy(() -> platform.postTopLevel(CHANNEL, ChatMessage.text("hi")))
                .isInstanceOfSatisfying(
                        ChatPlatformException.class,
                        e -> assertThat(e.permanent()).isTrue());
    }

    @Test
    void forbidden_by_teams_is_a_permanent_failure() {
        teams.botFramework.wireMock.stubFor(post(urlPathEqualTo("/teams/v3/conversations"))
                .atPriority(5)
                .willReturn(aResponse()
                        .withStatus(403)
                        .withBody("{\"error\": {\"code\": \"BotNotInConversationRoster\"}}")));

        assertThatThrownBy(() -> platform.postTopLevel(CHANNEL, ChatMessage.text("hi")))
                .isInstanceOfSatisfying(
                        ChatPlatformException.class,
                        e -> assertThat(e.permanent()).isTrue());
    }

    @Test
    void a_429_on_a_channel_post_is_a_wait_for_that_channel_reported_at_once_without_sleeping() {
        teams.botFramework.wireMock.stubFor(post(urlPathEqualTo("/teams/v3/conversations"))
                .atPriority(5)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));

        Throwable thrown;
        List<SleepWatch.Sleep> sleeps;
        try (SleepWatch watch = SleepWatch.start()) {
            thrown = catchThrowable(() -> platform.postTopLevel(CHANNEL, ChatMessage.text("hi")));
            sleeps = watch.sleeps();
        }

        assertThat(thrown).isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
            assertThat(e.scope()).isEqualTo(RateLimitedException.Scope.CHANNEL);
        });
        assertThat(sleeps).isEmpty();
        assertThat(teams.connectorCalls(postRequestedFor(urlPathEqualTo("/teams/v3/conversations"))))
                .isEqualTo(1);
    }

    @Test
    void a_retry_after_given_as_an_http_date_is_the_time_until_that_date() {
        String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(clock.instant().plusSeconds(120), ZoneOffset.UTC));
        teams.botFramework.wireMock.stubFor(post(urlPathMatching("/teams/v3/conversations/[^/]+/activities"))
                .atPriority(5)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", inTwoMinutes)));

        assertThatThrownBy(() -> platform.postInThread(new ThreadRef(CHANNEL, ROOT), ChatMessage.text("Thanks!")))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(2));
                    assertThat(e.scope()).isEqualTo(RateLimitedException.Scope.CHANNEL);
                });
    }

    @Test
    void a_server_error_after_a_send_is_an_unknown_outcome_and_the_post_is_not_sent_again() {
        teams.botFramework.wireMock.stubFor(post(urlPathEqualTo("/teams/v3/conversations"))
                .atPriority(5)
                .willReturn(aResponse().withStatus(502)));
        teams.botFramework.wireMock.stubFor(post(urlPathMatching("/teams/v3/conversations/[^/]+/activities"))
                .atPriority(5)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> platform.postTopLevel(CHANNEL, ChatMessage.text("hi")))
                .isInstanceOf(UnknownOutcomeException.class);
        assertThatThrownBy(() -> platform.postInThread(new ThreadRef(CHANNEL, ROOT), ChatMessage.text("Thanks!")))
                .isInstanceOf(UnknownOutcomeException.class);

        assertThat(teams.connectorCalls(postRequestedFor(urlPathEqualTo("/teams/v3/conversations"))))
                .isEqualTo(1);
        assertThat(teams.connectorCalls(postRequestedFor(urlPathEqualTo(
                        "/teams/v3/conversations/" + CHANNEL_ID + ";messageid=" + ROOT + "/activities"))))
                .isEqualTo(1);
    }

    @Test
    void opening_a_personal_chat_that_fails_is_only_transient_because_nothing_was_posted() {
        TeamsStore store = new TeamsStore(teams.database, clock);
        store.saveUser(TENANT, LEAD.aad(), LEAD.id(), LEAD.name(), teams.botFramework.serviceUrl(), null);
        teams.botFramework.wireMock.stubFor(post(urlPathEqualTo("/teams/v3/conversations"))
                .atPriority(5)
                .willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() ->
                        platform.sendPrivate(new UserRef(TENANT, LEAD.aad()), ChatMessage.text("A gentle reminder")))
                .isExactlyInstanceOf(ChatPlatformException.class)
                .satisfies(
                        e -> assertThat(((ChatPlatformException) e).permanent()).isFalse());
    }

    @Test
    void reply_in_thread_goes_to_the_thread_conversation() {
        Posted reply = platform.postInThread(new ThreadRef(CHANNEL, ROOT), ChatMessage.text("Thanks for answering!"));

        assertThat(reply.threadId()).isEqualTo(ROOT);
        assertThat(reply.messageId()).isEqualTo("1763900000500");
        assertThat(teams.connectorCalls(postRequestedFor(urlPathEqualTo(
                        "/teams/v3/conversations/" + CHANNEL_ID + ";messageid=" + ROOT + "/activities"))))
                .isEqualTo(1);
    }

    @Test
    void update_replaces_the_posted_card() {
        teams.botFramework.wireMock.stubFor(put(urlPathEqualTo(
                        "/teams/v3/conversations/" + CHANNEL_ID + ";messageid=" + ROOT + "/activities/" + ROOT))
                .willReturn(okJson("{\"id\": \"" + ROOT + "\"}")));

        platform.update(new Posted(CHANNEL, ROOT, ROOT, null), ChatMessage.text("This round is closed."));

        assertThat(teams.connectorCalls(putRequestedFor(urlPathEqualTo(
                                "/teams/v3/conversations/" + CHANNEL_ID + ";messageid=" + ROOT + "/activities/" + ROOT))
                        .withRequestBody(matchingJsonPath(
                                "$.attachments[0].content.body[0].inlines[0].text", equalTo("This round is closed.")))))
                .isEqualTo(1);
    }

    @Test
    void people_are_mentioned_by_name_and_quoted_words_stay_verbatim() {
        connectorCreatesPost();
        teams.deliver("channel-reply", Map.of("id", "1763803000009", "text", "hi"));

        platform.postTopLevel(
                CHANNEL,
                ChatMessage.builder()
                        .text("<@" + LEAD.aad() + "> leads this guild. Join with " + platform.invocation()
                                + " guild join.")
                        .quote("In Slack I type /shoptalk help, here I ask a colleague.", null)
                        .build());

        assertThat(platform.invocation()).isEqualTo("@Shoptalk");
        assertThat(teams.connectorCalls(postRequestedFor(urlPathEqualTo("/teams/v3/conversations"))
                        .withRequestBody(matchingJsonPath(
                                "$.activity.attachments[0].content.body[0].text",
                                equalTo("<at>Lena Lead</at> leads this guild. Join with @Shoptalk guild join.")))
                        .withRequestBody(matchingJsonPath(
                                // the quote's lines, wherever the card nests them
                                "$.activity.attachments[0].content.body[1]..text",
                                equalTo("In Slack I type /shoptalk help, here I ask a colleague.")))
                        .withRequestBody(matchingJsonPath(
                                "$.activity.attachments[0].content.msteams.entities[0].mentioned.id",
                                equalTo(LEAD.id())))))
                .isEqualTo(1);
    }

    @Test
    void display_name_is_what_teams_showed_or_the_id() {
        teams.deliver("channel-reply", Map.of("id", "1763803000009", "text", "hi"));

        assertThat(platform.displayName(new UserRef(TENANT, LEAD.aad()))).isEqualTo("Lena Lead");
        assertThat(platform.displayName(new UserRef(TENANT, "someone-else"))).isEqualTo("someone-else");
    }
}

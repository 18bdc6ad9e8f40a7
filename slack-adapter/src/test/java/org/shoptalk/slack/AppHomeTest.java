package org.shoptalk.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.Platform;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.command.CommandReply;
import org.shoptalk.core.command.CommandRequest;
import org.shoptalk.core.command.ScheduleForm;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.testing.RecordingShoptalk;

class AppHomeTest {
    private static final Tenant TENANT = new Tenant(Platform.SLACK, SlackHarness.TEAM);

    private final RecordingShoptalk core = new RecordingShoptalk();
    private SlackHarness slack;

    @BeforeEach
    void start() throws Exception {
        slack = SlackHarness.singleWorkspace(core);
        slack.adapter.start();
        core.answerWith(r -> r.text().equals("in:7 schedule form")
                ? CommandReply.form(
                        ScheduleForm.form(Language.NL, false).withId("in:7 schedule"), ChatMessage.text("form"))
                : CommandReply.privately(
                        r.text().equals("schedules")
                                ? ChatMessage.builder()
                                        .text("Craft: Mon 09:30, next Mon 23 Nov")
                                        .button("Pause", "in:7 pause 1")
                                        .button("Add a moment", "in:7 schedule form")
                                        .build()
                                : ChatMessage.text("Done: " + r.text())));
    }

    @AfterEach
    void stop() throws Exception {
        slack.close();
    }

    @Test
    void opening_home_publishes_the_persons_schedules_with_buttons_and_the_schedule_form_button() {
        slack.event(SlackPayloads.homeOpened("EvH", "U1"));

        String view = decoded(slack.awaitRequests("/api/views.publish", 1).get(0));
        assertThat(core.commands).containsExactly(new CommandRequest(new UserRef(TENANT, "U1"), null, "schedules"));
        assertThat(view)
                .contains("user_id=U1")
                .contains("\"type\":\"home\"")
                .contains("Craft: Mon 09:30")
                .contains("\"value\":\"in:7 pause 1\"")
                .contains("\"action_id\":\"" + AppHome.OPEN_SCHEDULE_ACTION + ":in:7 schedule form\"");
    }

    @Test
    void the_bot_joining_a_channel_greets_it_once_with_cores_next_step() {
        slack.event(SlackPayloads.memberJoined("EvJ1", SlackHarness.BOT_USER, "C9"));
        slack.event(SlackPayloads.memberJoined("EvJ1", SlackHarness.BOT_USER, "C9"));
        slack.event(SlackPayloads.memberJoined("EvJ2", "U5", "C9"));

        List<LoggedRequest> posts = slack.awaitRequests("/api/chat.postMessage", 1);
        assertThat(decoded(posts.get(0))).contains("channel=C9").contains("hello");
        assertThat(posts)
                .as("the retried delivery and a person joining post nothing")
                .hasSize(1);
    }

    /**
     * Issue 12: Slack sends no locale with its events, so the greeting asks users.info (include_locale) about whoever
     * invited the bot, and core greets in that language while no guild says otherwise.
     */
    @Test
    void the_greeting_is_in_the_language_slack_gives_for_whoever_invited_the_bot() {
        slack.slackApi.stubFor(post(urlPathEqualTo("/api/users.info"))
                .withRequestBody(containing("user=U7"))
                .willReturn(okJson("{\"ok\":true,\"user\":{\"id\":\"U7\",\"name\":\"lotte\",\"locale\":\"nl-NL\"}}")));

        slack.event(SlackPayloads.memberJoined("EvJ7", SlackHarness.BOT_USER, "C9", "U7"));

        assertThat(decoded(slack.awaitRequests("/api/chat.postMessage", 1).get(0)))
                .contains("channel=C9")
                .contains("hello nl-NL");
        assertThat(decoded(slack.awaitRequests("/api/users.info", 1).get(0)))
                .contains("user=U7")
                .containsPattern("include_locale=(1|true)");
    }

    /** Issue 12: the Home's button names its guild, so the modal is core's form for it, in the guild's language. */
    @Test
    void schedule_button_opens_cores_form_for_that_guild_in_its_language() {
        slack.interaction(SlackPayloads.homeButtonClick(
                "U1", AppHome.OPEN_SCHEDULE_ACTION + ":in:7 schedule form", "in:7 schedule form"));

        String open = decoded(slack.awaitRequests("/api/views.open", 1).get(0));
        assertThat(core.commands)
                .containsExactly(new CommandRequest(new UserRef(TENANT, "U1"), null, "in:7 schedule form"));
        assertThat(open)
                .contains("trigger_id=trigger-1")
                .contains(ScheduleModal.CALLBACK_ID)
                .contains("\"private_metadata\":\"in:7 schedule\"")
                .contains("timepicker")
                .contains("Reflectiemoment")
                .contains("Plannen")
                .contains("Dagen")
                .doesNotContain("conversations_select")
                .doesNotContain("Days");
    }

    @Test
    void wrong_fields_in_the_modal_come_back_as_errors_next_to_them() {
        HttpResponse<String> r =
                slack.interaction(SlackPayloads.scheduleSubmission("U1", "C1", "", "09:30", "zero", "Nowhere/City"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("\"response_action\":\"errors\"")
                .contains("\"days\"")
                .contains("\"every\"")
                .contains("\"tz\"");
        assertThat(core.commands).isEmpty();
    }

    /** Issue 12: the modal used to close on these, and core refused the zone afterwards in a private message. */
    @ParameterizedTest
    @ValueSource(strings = {"CET", "GMT", "EST5EDT", "+02:00"})
    void a_zone_the_command_language_refuses_keeps_the_modal_open_with_the_error_next_to_it(String zone) {
        HttpResponse<String> r =
                slack.interaction(SlackPayloads.scheduleSubmission("U1", "C7", "mon", "09:30", "", zone));

        assertThat(r.body()).contains("\"response_action\":\"errors\"").contains("\"tz\"");
        assertThat(r.body()).doesNotContain("\"days\"");
        assertThat(core.commands).isEmpty();
    }

    @Test
    void valid_modal_runs_one_schedule_command_for_the_homes_guild_and_refreshes_home() {
        HttpResponse<String> r = slack.interaction(
                SlackPayloads.scheduleSubmission("U1", "C7", "mon,thu", "09:30", "2", "Europe/Amsterdam")
                        .replace(
                                "\"callback_id\":\"" + ScheduleModal.CALLBACK_ID + "\",",
                                "\"callback_id\":\"" + ScheduleModal.CALLBACK_ID
                                        + "\",\"private_metadata\":\"in:7 schedule\","));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("errors");
        String reply = decoded(slack.awaitRequests("/api/chat.postMessage", 1).get(0));
        slack.awaitRequests("/api/views.publish", 1);
        assertThat(core.commands.get(0))
                .isEqualTo(new CommandRequest(
                        new UserRef(TENANT, "U1"),
                        null,
                        "in:7 schedule mon,thu 09:30 every 2 weeks tz Europe/Amsterdam"));
        assertThat(reply).contains("channel=U1").contains("Done: in:7 schedule mon,thu 09:30");
    }

    @Test
    void pause_button_on_home_runs_for_the_clicker_and_refreshes_home() {
        slack.interaction(SlackPayloads.homeButtonClick("U1", BlockKit.COMMAND_ACTION_PREFIX + "0", "pause 1"));

        List<LoggedRequest> published = slack.awaitRequests("/api/views.publish", 1);
        assertThat(core.commands.get(0)).isEqualTo(new CommandRequest(new UserRef(TENANT, "U1"), null, "pause 1"));
        assertThat(decoded(slack.awaitRequests("/api/chat.postMessage", 1).get(0)))
                .contains("Done: pause 1");
        assertThat(published).isNotEmpty();
    }

    private static String decoded(LoggedRequest request) {
        return URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8);
    }
}

package org.shoptalk.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.Platform;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.command.CommandReply;
import org.shoptalk.core.command.CommandRequest;

class SlackCommandsTest extends SingleWorkspaceTest {
    private static final Tenant TENANT = new Tenant(Platform.SLACK, SlackHarness.TEAM);

    @Test
    void slash_command_runs_in_core_for_the_user_and_channel() {
        slack.command(slack.slashCommand("guild create Craft lang en"));

        assertThat(core.commands)
                .containsExactly(new CommandRequest(
                        new UserRef(TENANT, "U1"), new ChannelRef(TENANT, "C1"), "guild create Craft lang en"));
    }

    @Test
    void private_reply_is_ephemeral_and_channel_reply_is_in_channel() {
        core.answerWith(r -> r.text().equals("help")
                ? CommandReply.privately(ChatMessage.text("Only you see this"))
                : CommandReply.inChannel(ChatMessage.text("Everyone sees this")));

        HttpResponse<String> mine = slack.command(slack.slashCommand("help"));
        HttpResponse<String> ours = slack.command(slack.slashCommand("moment"));

        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains("\"response_type\":\"ephemeral\"").contains("Only you see this");
        assertThat(ours.body()).contains("\"response_type\":\"in_channel\"").contains("Everyone sees this");
    }

    @Test
    void mentions_in_command_text_reach_core_in_neutral_form() {
        slack.command(slack.slashCommand("guild lead add <@U7|carla>"));

        assertThat(core.commands)
                .singleElement()
                .extracting(CommandRequest::text)
                .isEqualTo("guild lead add <@U7>");
    }

    @Test
    void command_in_a_direct_message_has_no_channel() {
        Map<String, String> form = slack.slashCommand("reminders off");
        form.put("channel_id", "D0DM");
        form.put("channel_name", "directmessage");

        slack.command(form);

        assertThat(core.commands)
                .singleElement()
                .extracting(CommandRequest::channel)
                .isNull();
    }

    @Test
    void slow_command_is_acked_before_its_reply_which_follows_through_the_response_url() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        core.answerWith(r -> {
            await(release);
            return CommandReply.inChannel(ChatMessage.text("Posted the moment"));
        });

        // Core holds the reply until the ack is in: an adapter that waited for it would never ack.
        HttpResponse<String> ack = slack.command(slack.slashCommand("moment"));
        List<LoggedRequest> beforeAck = slack.slackApi.findAll(postRequestedFor(urlPathEqualTo("/response-url")));
        release.countDown();

        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).doesNotContain("Posted the moment");
        assertThat(beforeAck).as("nothing followed up before the ack").isEmpty();
        List<LoggedRequest> replies = slack.awaitRequests("/response-url", 1);
        assertThat(replies.get(0).getBodyAsString()).contains("in_channel").contains("Posted the moment");
    }

    @Test
    void a_quick_reply_rides_on_the_ack_within_the_production_wait() throws Exception {
        try (SlackHarness quick = SlackHarness.singleWorkspace(core, SlackAdapter.INLINE_REPLY_WAIT)) {
            quick.adapter.start();
            core.answerWith(r -> CommandReply.privately(ChatMessage.text("Only you see this")));

            HttpResponse<String> ack = quick.command(quick.slashCommand("help"));

            assertThat(ack.statusCode()).isEqualTo(200);
            String reply = ack.body().isBlank()
                    // A machine too busy to answer within the wait: the reply then comes through the response_url.
                    ? quick.awaitRequests("/response-url", 1).get(0).getBodyAsString()
                    : ack.body();
            assertThat(reply).contains("Only you see this");
        }
    }

    @Test
    void failing_command_gets_a_polite_private_reply_not_an_error() {
        core.answerWith(r -> {
            throw new IllegalStateException("boom");
        });

        HttpResponse<String> r = slack.command(slack.slashCommand("schedules"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("ephemeral").contains("could not do that just now");
    }

    @Test
    void button_runs_its_command_for_the_person_who_clicked() {
        core.answerWith(r -> CommandReply.privately(ChatMessage.text("Resumed schedule 12")));

        HttpResponse<String> ack =
                slack.interaction(SlackPayloads.buttonClick("U9", "C1", "resume 12", slack.responseUrl()));

        assertThat(ack.statusCode()).isEqualTo(200);
        List<LoggedRequest> replies = slack.awaitRequests("/response-url", 1);
        assertThat(core.commands)
                .containsExactly(
                        new CommandRequest(new UserRef(TENANT, "U9"), new ChannelRef(TENANT, "C1"), "resume 12"));
        assertThat(replies.get(0).getBodyAsString()).contains("ephemeral").contains("Resumed schedule 12");
    }

    @Test
    void a_mention_is_a_command_and_a_private_reply_only_the_asker_sees() {
        core.answerWith(r -> CommandReply.privately(ChatMessage.text("Reminders are off")));

        slack.event(SlackPayloads.mention("EvM", "U2", "<@UBOT> reminders off"));

        List<LoggedRequest> posts = slack.awaitRequests("/api/chat.postEphemeral", 1);
        assertThat(core.commands)
                .singleElement()
                .extracting(CommandRequest::text)
                .isEqualTo("reminders off");
        assertThat(posts.get(0).getBodyAsString()).contains("user=U2").contains("channel=C1");
    }

    @Test
    void an_empty_mention_goes_to_core_as_it_is_and_core_answers_with_help() {
        slack.event(SlackPayloads.mention("EvM2", "U2", "<@UBOT>"));

        slack.awaitRequests("/api/chat.postEphemeral", 1);
        assertThat(core.commands)
                .singleElement()
                .extracting(CommandRequest::text)
                .isEqualTo("");
    }

    @Test
    void text_in_the_apps_messages_tab_is_a_command_answered_there() {
        core.answerWith(r -> CommandReply.privately(ChatMessage.text("Reminders are off")));

        slack.event(SlackPayloads.directMessage("EvD", "U1", "reminders off"));

        List<LoggedRequest> posts = slack.awaitRequests("/api/chat.postMessage", 1);
        assertThat(core.commands).containsExactly(new CommandRequest(new UserRef(TENANT, "U1"), null, "reminders off"));
        assertThat(posts.get(0).getBodyAsString()).contains("channel=U1").contains("Reminders%20are%20off");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

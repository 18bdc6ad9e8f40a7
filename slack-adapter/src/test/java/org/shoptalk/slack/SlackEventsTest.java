package org.shoptalk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatEvent;
import org.shoptalk.core.chat.Platform;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.UserRef;

class SlackEventsTest extends SingleWorkspaceTest {
    private static final Tenant TENANT = new Tenant(Platform.SLACK, SlackHarness.TEAM);
    private static final String ROOT = "1700000000.000100";

    @Test
    void thread_reply_becomes_a_posted_message_with_its_mentions() {
        HttpResponse<String> r = slack.event(SlackPayloads.reply(
                "Ev1",
                "U2",
                "1700000001.000200",
                ROOT,
                "I agree with <@U3|bob> &amp; <@U4> about <https://example.com|this>"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(core.events).singleElement().isInstanceOfSatisfying(ChatEvent.MessagePosted.class, e -> {
            assertThat(e.channel()).isEqualTo(new ChannelRef(TENANT, "C1"));
            assertThat(e.author()).isEqualTo(new UserRef(TENANT, "U2"));
            assertThat(e.messageId()).isEqualTo("1700000001.000200");
            assertThat(e.threadRootId()).isEqualTo(ROOT);
            assertThat(e.text()).isEqualTo("I agree with <@U3> & <@U4> about this (https://example.com)");
            assertThat(e.mentions()).containsExactly(new UserRef(TENANT, "U3"), new UserRef(TENANT, "U4"));
        });
    }

    @Test
    void mention_characters_a_person_typed_stay_text_and_mention_nobody() {
        slack.event(SlackPayloads.reply(
                "Ev1",
                "U2",
                "1700000001.000200",
                ROOT,
                "Typed &lt;@U3&gt; and &lt;@U4|bob&gt; by hand, &amp;lt;@U6&amp;gt; too, and asked <@U5>"));

        assertThat(core.events).singleElement().isInstanceOfSatisfying(ChatEvent.MessagePosted.class, e -> {
            assertThat(e.mentions()).containsExactly(new UserRef(TENANT, "U5"));
            assertThat(e.text())
                    .isEqualTo("Typed <\u2060@U3> and <\u2060@U4|bob> by hand, &lt;@U6&gt; too, and asked <@U5>");
            assertThat(e.text().replace("\u2060", ""))
                    .as("reads as typed")
                    .startsWith("Typed <@U3> and <@U4|bob> by hand");
        });
    }

    @Test
    void top_level_message_is_posted_without_a_thread() {
        slack.event(SlackPayloads.reply("Ev1", "U2", "1700000001.000200", null, "hello"));

        assertThat(core.events)
                .singleElement()
                .isInstanceOfSatisfying(
                        ChatEvent.MessagePosted.class,
                        e -> assertThat(e.threadRootId()).isNull());
    }

    @Test
    void retried_event_with_the_same_event_id_reaches_core_once() {
        String body = SlackPayloads.reply("EvSame", "U2", "1700000001.000200", ROOT, "my answer");

        HttpResponse<String> first = slack.event(body);
        HttpResponse<String> retry = slack.postSigned(
                body, "application/json", Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(core.events).hasSize(1);
    }

    @Test
    void edited_reply_becomes_an_edit_and_deleted_reply_a_delete() {
        slack.event(SlackPayloads.edited("Ev2", "U2", "1700000001.000200", ROOT, "first words", "better <@U3>"));
        slack.event(SlackPayloads.deleted("Ev3", "U2", "1700000001.000200", ROOT));

        assertThat(core.events).hasSize(2);
        assertThat(core.events.get(0)).isInstanceOfSatisfying(ChatEvent.MessageEdited.class, e -> {
            assertThat(e.messageId()).isEqualTo("1700000001.000200");
            assertThat(e.newText()).isEqualTo("better <@U3>");
            assertThat(e.mentions()).containsExactly(new UserRef(TENANT, "U3"));
        });
        assertThat(core.events.get(1))
                .isEqualTo(new ChatEvent.MessageDeleted(new ChannelRef(TENANT, "C1"), "1700000001.000200"));
    }

    @Test
    void change_that_keeps_the_words_is_not_an_edit() {
        slack.event(SlackPayloads.edited("Ev2", "U2", "1700000001.000200", ROOT, "same", "same"));

        assertThat(core.events).isEmpty();
    }

    @Test
    void thread_broadcast_counts_as_one_answer_in_its_thread() {
        slack.event(SlackPayloads.broadcast("Ev4", "U2", "1700000002.000300", ROOT, "also to the channel"));

        assertThat(core.events)
                .singleElement()
                .isInstanceOfSatisfying(
                        ChatEvent.MessagePosted.class,
                        e -> assertThat(e.threadRootId()).isEqualTo(ROOT));
    }

    @Test
    void messages_from_bots_and_from_shoptalk_itself_are_ignored() {
        HttpResponse<String> other = slack.event(SlackPayloads.botMessage("Ev5", "1700000003.000100", ROOT));
        HttpResponse<String> own =
                slack.event(SlackPayloads.reply("Ev6", SlackHarness.BOT_USER, "1700000003.000200", ROOT, "prompt"));

        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(core.events).isEmpty();
    }

    @Test
    void bad_signature_gets_401_and_nothing_reaches_core() {
        String body = SlackPayloads.reply("Ev7", "U2", "1700000004.000100", ROOT, "sneaky");

        HttpResponse<String> r = slack.postSigned(
                body, "application/json", Map.of(), System.currentTimeMillis() / 1000, "not-the-signing-secret");

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(core.events).isEmpty();
    }

    @Test
    void stale_timestamp_gets_401() {
        String body = SlackPayloads.reply("Ev8", "U2", "1700000004.000100", ROOT, "replayed");

        HttpResponse<String> r = slack.postSigned(
                body,
                "application/json",
                Map.of(),
                System.currentTimeMillis() / 1000 - 600,
                SlackHarness.SIGNING_SECRET);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(core.events).isEmpty();
    }

    @Test
    void malformed_body_gets_400_with_a_clear_message() {
        HttpResponse<String> notJson = slack.event("{\"type\": ");
        HttpResponse<String> noType = slack.event("{\"hello\":\"world\"}");
        HttpResponse<String> form = slack.postSigned("text=hello", "application/x-www-form-urlencoded", Map.of());

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("Malformed Slack request");
        assertThat(noType.statusCode()).isEqualTo(400);
        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(core.events).isEmpty();
    }

    @Test
    void url_verification_challenge_is_answered() {
        HttpResponse<String> r =
                slack.event("{\"token\":\"legacy\",\"challenge\":\"abc123\",\"type\":\"url_verification\"}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("abc123");
    }
}

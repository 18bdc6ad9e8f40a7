package org.shoptalk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.util.json.GsonFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.Platform;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.UserRef;

class BlockKitTest {
    private static final Gson GSON = GsonFactory.createSnakeCase();

    @Test
    void every_neutral_block_has_its_block_kit_form() {
        ChatMessage message = ChatMessage.builder()
                .header("This week in Craft")
                .text("Asked: what did you stop doing?")
                .context("Why this question: room for what matters")
                .quote("We dropped the status meeting.\nAnd wrote notes.", "ann")
                .link("Open the thread", "https://test.slack.com/archives/C1/p1")
                .divider()
                .build();

        String json = GSON.toJson(BlockKit.render(message));

        assertThat(json)
                .contains("{\"type\":\"header\",\"text\":{\"type\":\"plain_text\",\"text\":\"This week in Craft\"")
                .contains(
                        "{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"Asked: what did you stop doing?\"}}")
                .contains(
                        "{\"type\":\"context\",\"elements\":[{\"type\":\"mrkdwn\",\"text\":\"Why this question: room for what matters\"}]}")
                .contains("{\"type\":\"rich_text\",\"elements\":[{\"type\":\"rich_text_quote\",\"elements\":"
                        + "[{\"type\":\"text\",\"text\":\"We dropped the status meeting.\\nAnd wrote notes.\"}]},"
                        + "{\"type\":\"rich_text_section\",\"elements\":[{\"type\":\"text\",\"text\":\"— ann\""
                        + "}]}]}")
                .contains("\\u003chttps://test.slack.com/archives/C1/p1|Open the thread\\u003e")
                .contains("{\"type\":\"divider\"}");
    }

    @Test
    void buttons_in_a_row_share_one_actions_block_and_carry_their_command() {
        ChatMessage message = ChatMessage.builder()
                .text("Schedule 1")
                .button("Pause", "pause 1")
                .button("Resume", "resume 2")
                .text("after")
                .build();

        List<LayoutBlock> blocks = BlockKit.render(message);

        assertThat(blocks).hasSize(3);
        ActionsBlock actions = (ActionsBlock) blocks.get(1);
        assertThat(actions.getElements()).hasSize(2);
        ButtonElement pause = (ButtonElement) actions.getElements().get(0);
        ButtonElement resume = (ButtonElement) actions.getElements().get(1);
        assertThat(pause.getValue()).isEqualTo("pause 1");
        assertThat(resume.getValue()).isEqualTo("resume 2");
        assertThat(pause.getActionId())
                .startsWith(BlockKit.COMMAND_ACTION_PREFIX)
                .isNotEqualTo(resume.getActionId());
    }

    @Test
    void people_words_are_escaped_but_mentions_stay_mentions() {
        List<LayoutBlock> blocks = BlockKit.render(ChatMessage.text("a < b & c > d, ask <@U2>"));

        assertThat(((MarkdownTextObject) ((SectionBlock) blocks.get(0)).getText()).getText())
                .isEqualTo("a &lt; b &amp; c &gt; d, ask <@U2>");
    }

    @Test
    void quoted_words_never_become_formatting_or_links_the_bot_did_not_make() {
        String words = "*not bold* _not italic_ ~not struck~ `not code` <https://evil.example|click> &amp; <!here>";
        String json = GSON.toJson(
                BlockKit.render(ChatMessage.builder().quote(words, "ann").build()));

        assertThat(json)
                .as("a literal rich text element, not mrkdwn")
                .contains("{\"type\":\"text\",\"text\":\"" + GSON.toJson(words).replace("\"", ""))
                .doesNotContain("mrkdwn");
    }

    @Test
    void slack_escapes_exactly_three_characters_and_exactly_those_are_decoded() {
        assertThat(SlackText.toNeutral("a &amp;lt; b, 1 &lt; 2 &amp;&amp; 3 &gt; 2, &amp;quot;x&amp;quot; &#39;y&#39;"))
                .isEqualTo("a &lt; b, 1 < 2 && 3 > 2, &quot;x&quot; &#39;y&#39;");
    }

    @Test
    void busy_digest_is_packed_under_slacks_fifty_block_limit_without_losing_answers() {
        ChatMessage.Builder b = ChatMessage.builder().header("This week in Craft");
        for (int i = 0; i < 120; i++) {
            b.quote("Answer number " + i, "person " + i);
        }
        List<LayoutBlock> blocks = BlockKit.render(b.build());

        assertThat(blocks.size()).isLessThanOrEqualTo(50);
        String json = GSON.toJson(blocks);
        for (int i = 0; i < 120; i++) {
            assertThat(json).contains("\"Answer number " + i + "\"");
        }
    }

    @Test
    void slack_text_becomes_neutral_text_with_mentions_resolved() {
        Tenant tenant = new Tenant(Platform.SLACK, "T1");
        String neutral = SlackText.toNeutral(
                "Hi <@U1|ann> and <@W2>, see <#C3|general> and <https://x.org/a?b=1&amp;c=2|the doc> &lt;3 <!here>");

        assertThat(neutral)
                .isEqualTo("Hi <@U1> and <@W2>, see #general and the doc (https://x.org/a?b=1&c=2) <3 @here");
        assertThat(SlackText.mentions(tenant, neutral))
                .containsExactly(new UserRef(tenant, "U1"), new UserRef(tenant, "W2"));
    }
}

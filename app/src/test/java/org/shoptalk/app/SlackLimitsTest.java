package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fake Slack refuses what Slack refuses, so a digest it accepts would be accepted by Slack too. */
class SlackLimitsTest {

    @Test
    void slack_refuses_too_many_blocks_too_long_texts_and_too_much_text_in_all() {
        assertThat(SlackLimits.check(sections(51, 10))).isEqualTo("invalid_blocks");
        assertThat(SlackLimits.check(sections(1, 3_001))).isEqualTo("invalid_blocks");
        assertThat(SlackLimits.check("[{\"type\":\"header\",\"text\":{\"type\":\"plain_text\",\"text\":\""
                        + "h".repeat(151) + "\"}}]"))
                .isEqualTo("invalid_blocks");
        assertThat(SlackLimits.check(sections(5, 2_500))).isEqualTo("msg_blocks_too_long");
    }

    @Test
    void slack_takes_a_message_within_its_limits() {
        assertThat(SlackLimits.check(sections(50, 200))).isNull();
        assertThat(SlackLimits.check(sections(4, 2_999))).isNull();
        assertThat(SlackLimits.check(null)).isNull();
    }

    private static String sections(int count, int length) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"")
                    .append("x".repeat(length))
                    .append("\"}}");
        }
        return json.append("]").toString();
    }
}

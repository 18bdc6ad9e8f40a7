package org.shoptalk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Slack's emoji shortcodes leave Slack as the emoji people saw (issue 11); custom ones stay as written. */
class SlackEmojiTest {
    @Test
    void known_shortcodes_in_a_message_become_emoji_and_the_words_around_them_stay() {
        assertThat(SlackText.toNeutral("We shipped :tada: and :+1: it, 10:30:00 sharp"))
                .isEqualTo("We shipped \uD83C\uDF89 and \uD83D\uDC4D it, 10:30:00 sharp");
    }

    @Test
    void a_skin_tone_suffix_gives_that_skin_tone() {
        assertThat(SlackText.toNeutral(":thumbsup::skin-tone-2:")).isEqualTo("\uD83D\uDC4D\uD83C\uDFFB");
        // skin-tone-2..6 are the Fitzpatrick modifiers U+1F3FB..U+1F3FF in order
        assertThat(SlackText.toNeutral(":wave::skin-tone-3: :wave::skin-tone-5:"))
                .isEqualTo("\uD83D\uDC4B\uD83C\uDFFC \uD83D\uDC4B\uD83C\uDFFE");
        assertThat(SlackEmoji.of("heart", 4)).contains("\u2764\uFE0F");
    }

    @Test
    void a_custom_workspace_emoji_stays_as_its_name() {
        assertThat(SlackText.toNeutral("Nice :party-parrot: :tada:")).isEqualTo("Nice :party-parrot: \uD83C\uDF89");
        assertThat(SlackEmoji.of("party-parrot", null)).isEmpty();
    }

    @Test
    void a_link_address_is_left_as_sent() {
        assertThat(SlackText.toNeutral("<https://example.com/:tada:/|see :tada:>"))
                .isEqualTo("see \uD83C\uDF89 (https://example.com/:tada:/)");
    }
}

package org.shoptalk.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.Mention;
import com.microsoft.bot.schema.TextFormatTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Markup is removed only where Teams sent HTML; every character a person typed is kept. */
class TeamsTextTest {

    private static Activity activity(String text, TextFormatTypes format, String... attachmentTypes) {
        Activity a = new Activity("message");
        a.setText(text);
        a.setTextFormat(format);
        a.setAttachments(List.of(attachmentTypes).stream()
                .map(type -> {
                    Attachment attachment = new Attachment();
                    attachment.setContentType(type);
                    return attachment;
                })
                .toList());
        return a;
    }

    private static String text(Activity a) {
        return TeamsText.render(a.getText(), TeamsText.isHtml(a), List.of(), m -> "");
    }

    @Test
    void plain_text_with_angle_brackets_keeps_every_word() {
        assertThat(text(activity("if a < b and c > d, then <thinking out loud> we swap", TextFormatTypes.PLAIN)))
                .isEqualTo("if a < b and c > d, then <thinking out loud> we swap");
        assertThat(text(activity("Tom &amp; Jerry <3", TextFormatTypes.PLAIN)))
                .as("plain text is not decoded either: it is what was typed")
                .isEqualTo("Tom &amp; Jerry <3");
    }

    @Test
    void html_is_parsed_entities_decoded_and_paragraphs_kept_as_lines() {
        String html = "<p>Tom &amp; Jerry&#8217;s plan &#x1F600;&nbsp;works</p><p>if a &lt; b<br>then c &gt; d</p>";

        assertThat(text(activity(html, TextFormatTypes.PLAIN)))
                .isEqualTo("Tom & Jerry\u2019s plan \uD83D\uDE00 works\nif a < b\nthen c > d");
        assertThat(text(activity("Tom &amp; Jerry", TextFormatTypes.XML))).isEqualTo("Tom & Jerry");
        assertThat(text(activity("Tom &amp; Jerry", TextFormatTypes.PLAIN, "text/html")))
                .isEqualTo("Tom & Jerry");
    }

    @Test
    void emoji_become_their_character_and_unknown_tags_stay_text() {
        String html = "<div>Great <img alt=\"\uD83D\uDC4D\" itemtype=\"http://schema.skype.com/Emoji\""
                + " src=\"https://statics.teams.cdn.office.net/evergreen-assets/personal-expressions/v2/assets/"
                + "emoticons/yes/default/20_f.png\"> and <thinking out loud> too</div>";

        assertThat(text(activity(html, TextFormatTypes.PLAIN)))
                .isEqualTo("Great \uD83D\uDC4D and <thinking out loud> too");
        assertThat(TeamsText.pictures(html)).as("an emoji is no picture").isZero();
        assertThat(TeamsText.pictures("<p><img src=\"https://x/hostedContents/1/$value\" alt=\"image\"></p>"))
                .isEqualTo(1);
    }

    @Test
    void mentions_are_replaced_where_they_stand() {
        Mention ann = new Mention();
        ann.setText("<at>Ann &amp; co</at>");
        ChannelAccount who = new ChannelAccount("29:ann", "Ann & co");
        ann.setMentioned(who);

        String rendered = TeamsText.render(
                "<p>Thanks <at>Ann &amp; co</at>, 1 &lt; 2</p>",
                true,
                List.of(ann),
                m -> "@" + TeamsText.mentionName(m));

        assertThat(rendered).isEqualTo("Thanks @Ann & co, 1 < 2");
    }
}

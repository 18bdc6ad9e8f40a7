package org.shoptalk.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.chat.ChatMessage;

class AdaptiveCardsTest {

    @Test
    void every_block_becomes_a_card_element_in_order() {
        ObjectNode card = AdaptiveCards.card(ChatMessage.builder()
                .header("This week in Craft")
                .quote("I keep a decision log.", "Ann")
                .divider()
                .link("Open the thread", "https://teams.microsoft.com/l/message/x")
                .context("2 people took part")
                .button("Resume", "resume 12")
                .build());

        JsonNode body = card.get("body");
        assertThat(card.get("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(body).hasSize(5);
        assertThat(body.get(0).at("/inlines/0/weight").asText()).isEqualTo("Bolder");
        assertThat(body.get(1).get("style").asText()).isEqualTo("emphasis");
        assertThat(body.get(1).at("/items/1/inlines/0/text").asText()).isEqualTo("— Ann");
        assertThat(body.get(2).get("separator").asBoolean())
                .as("a divider separates what follows")
                .isTrue();
        assertThat(body.get(2).get("text").asText())
                .isEqualTo("[Open the thread](https://teams.microsoft.com/l/message/x)");
        assertThat(body.get(3).at("/inlines/0/isSubtle").asBoolean()).isTrue();
        JsonNode action = body.get(4).get("actions").get(0);
        assertThat(action.get("type").asText()).isEqualTo("Action.Submit");
        assertThat(action.get("data").get("command").asText()).isEqualTo("resume 12");
    }

    @Test
    void peoples_words_are_shown_as_written_never_as_markdown_and_keep_their_line_breaks() {
        String words = "[click](https://evil.example) for *more*\n- not a list\n\n# not a heading, 2 < 3 & _so_ on";
        ObjectNode card =
                AdaptiveCards.card(ChatMessage.builder().quote(words, "Ann").build());

        JsonNode quote = card.at("/body/0");
        assertThat(quote.get("id").asText()).startsWith(AdaptiveCards.SAID_ID_PREFIX);
        assertThat(quote.findValues("type"))
                .extracting(JsonNode::asText)
                .as("no Markdown TextBlock holds people's words")
                .doesNotContain("TextBlock");
        JsonNode lines = quote.at("/items/0/items");
        assertThat(lines.findValues("text"))
                .extracting(JsonNode::asText)
                .containsExactly(
                        "[click](https://evil.example) for *more*", "- not a list", "# not a heading, 2 < 3 & _so_ on");
        assertThat(lines.get(1).get("spacing").asText())
                .as("the next line, right below")
                .isEqualTo("None");
        assertThat(lines.get(2).get("spacing").asText())
                .as("after a blank line")
                .isEqualTo("Medium");
    }

    @Test
    void the_bots_lines_stay_lines_and_texts_with_mentions_use_markdown_paragraphs() {
        ObjectNode card = AdaptiveCards.card(ChatMessage.builder()
                .text("Coming up:\n- Tue 1 Dec 09:30\n- Tue 8 Dec 09:30")
                .text("<@42> leads this guild.\nJoin with /shoptalk guild join.")
                .build());

        assertThat(card.at("/body/0/items").findValues("text"))
                .extracting(JsonNode::asText)
                .containsExactly("Coming up:", "- Tue 1 Dec 09:30", "- Tue 8 Dec 09:30");
        assertThat(card.at("/body/1/type").asText()).isEqualTo("TextBlock");
        assertThat(card.at("/body/1/text").asText())
                .isEqualTo("<@42> leads this guild.\n\nJoin with /shoptalk guild join.");
    }

    @Test
    void submitted_schedule_form_becomes_the_command_a_lead_would_type() throws Exception {
        JsonNode full = new ObjectMapper().readTree("""
                {"shoptalk": "schedule-form", "days": "mon,wed", "time": "07:45", "timeZone": " America/New_York ",
                 "everyWeeks": 3, "theme": "dialogue"}""");
        JsonNode minimal = new ObjectMapper().readTree("""
                {"shoptalk": "schedule-form", "days": "fri", "time": "16:00", "timeZone": "", "everyWeeks": "1"}""");
        JsonNode sneaky = new ObjectMapper().readTree("""
                {"shoptalk": "schedule-form", "days": "fri", "time": "16:00 theme craft"}""");

        assertThat(ScheduleForm.command(full))
                .isEqualTo("schedule mon,wed 07:45 every 3 weeks tz America/New_York theme dialogue");
        assertThat(ScheduleForm.command(minimal)).isEqualTo("schedule fri 16:00");
        assertThat(ScheduleForm.command(sneaky)).isEqualTo("schedule fri 16:00_theme_craft");
    }

    @Test
    void schedule_form_offers_every_day_and_theme() {
        ObjectNode form = ScheduleForm.card();

        assertThat(form.findValues("id"))
                .extracting(JsonNode::asText)
                .contains("days", "time", "timeZone", "everyWeeks", "theme");
        assertThat(form.toString()).contains("\"value\":\"sun\"").contains("\"value\":\"accountability\"");
    }
}

package org.shoptalk.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.command.ScheduleForm;
import org.shoptalk.core.i18n.Language;

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
    void a_submitted_form_card_gives_cores_form_its_values_by_field() throws Exception {
        JsonNode data = new ObjectMapper().readTree("""
                {"shoptalk": "form", "form": "schedule", "days": "mon,wed", "time": "07:45",
                 "tz": " America/New_York ", "every": 3, "theme": "dialogue"}""");

        assertThat(FormCard.values(data))
                .containsExactly(
                        Map.entry("days", "mon,wed"),
                        Map.entry("time", "07:45"),
                        Map.entry("tz", " America/New_York "),
                        Map.entry("every", "3"),
                        Map.entry("theme", "dialogue"));
    }

    @Test
    void the_form_card_offers_every_day_and_theme_in_the_guilds_language() {
        ObjectNode card = FormCard.card(ScheduleForm.form(Language.NL, false));

        assertThat(card.findValues("id"))
                .extracting(JsonNode::asText)
                .containsExactly("days", "time", "every", "tz", "theme");
        assertThat(card.toString())
                .contains("\"value\":\"sun\"")
                .contains("\"title\":\"Zondag\"")
                .contains("\"value\":\"verantwoording\"")
                .contains("Plannen");
    }

    @Test
    void a_form_returned_with_errors_shows_each_under_its_field_with_what_was_entered() {
        Map<String, String> entered = Map.of("time", "09:30", "tz", "CET");
        ObjectNode card = FormCard.card(ScheduleForm.form(Language.EN, false)
                .withErrors(entered, Map.of("days", "Pick at least one day.", "tz", "\"CET\" is not a time zone")));

        JsonNode body = card.get("body");
        int days = indexOf(body, "days");
        int tz = indexOf(body, "tz");
        assertThat(body.get(days + 1).get("text").asText()).isEqualTo("Pick at least one day.");
        assertThat(body.get(tz).get("value").asText()).isEqualTo("CET");
        assertThat(body.get(tz + 1).get("text").asText()).contains("CET");
    }

    private static int indexOf(JsonNode body, String id) {
        for (int i = 0; i < body.size(); i++) {
            if (id.equals(body.get(i).path("id").asText())) {
                return i;
            }
        }
        throw new AssertionError("no input " + id);
    }
}

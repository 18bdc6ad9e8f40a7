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
        assertThat(body.get(0).get("weight").asText()).isEqualTo("Bolder");
        assertThat(body.get(1).get("style").asText()).isEqualTo("emphasis");
        assertThat(body.get(1).get("items").get(1).get("text").asText()).isEqualTo("— Ann");
        assertThat(body.get(2).get("separator").asBoolean())
                .as("a divider separates what follows")
                .isTrue();
        assertThat(body.get(2).get("text").asText())
                .isEqualTo("[Open the thread](https://teams.microsoft.com/l/message/x)");
        assertThat(body.get(3).get("isSubtle").asBoolean()).isTrue();
        JsonNode action = body.get(4).get("actions").get(0);
        assertThat(action.get("type").asText()).isEqualTo("Action.Submit");
        assertThat(action.get("data").get("command").asText()).isEqualTo("resume 12");
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

package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shoptalk.core.testing.UnplannedPosts;

/** Talks to the local console's JSON API in one channel, as a person would through the page. */
final class ConsoleClient {
    private final Http http;
    private final String channel;

    ConsoleClient(Http http, String channel) {
        this.http = http;
        this.channel = channel;
    }

    /** Posts and returns the new message's id. */
    String post(String user, String text, String thread) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", channel);
        body.put("user", user);
        body.put("text", text);
        body.put("thread", thread);
        Http.Answer answer = http.post("/local/api/messages", Http.json(body));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("id").asText();
    }

    /** Opens a moment now, as {@code user} typing {@code /shoptalk moment}; returns its thread's id. */
    String moment(String user) {
        return opened(user, "/shoptalk moment");
    }

    /** Opens a moment with the prompt {@code promptId} ({@code /shoptalk moment goals-03}); returns its thread. */
    String moment(String user, String promptId) {
        return opened(user, "/shoptalk moment " + promptId);
    }

    private String opened(String user, String command) {
        post(user, command, null);
        return lastPublicBotPost("*Reflection moment").get("id").asText();
    }

    /**
     * The text of Shoptalk's reply to a command a person just typed: the last message they can see, passing over a
     * digest or moment Shoptalk posted in the channel meanwhile (on the real clock the weekly digest or a scheduled
     * moment may come just then).
     */
    String command(String user, String text) {
        post(user, text, null);
        List<JsonNode> seen =
                messages(user).stream().filter(m -> !isUnplannedPost(m)).toList();
        JsonNode last = seen.get(seen.size() - 1);
        assertThat(last.get("user").asText()).isEqualTo("shoptalk");
        return last.get("text").asText();
    }

    void edit(String id, String text) {
        Http.Answer answer = http.put("/local/api/messages/" + id, Http.json(Map.of("text", text)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    void delete(String id) {
        Http.Answer answer = http.delete("/local/api/messages/" + id);
        assertThat(answer.status()).as(answer.body()).isEqualTo(204);
    }

    List<JsonNode> messages(String viewer) {
        Http.Answer answer = http.get("/local/api/messages?channel=" + channel + "&user=" + viewer);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        answer.json().forEach(list::add);
        return list;
    }

    /** The newest top-level message from Shoptalk that everyone sees and that starts with {@code prefix}. */
    /** A top-level post of Shoptalk's that a schedule may have made: a digest or a reflection moment. */
    private static boolean isUnplannedPost(JsonNode m) {
        String text = m.get("text").asText();
        return m.get("user").asText().equals("shoptalk")
                && m.get("id").asText().equals(m.get("thread").asText())
                && (UnplannedPosts.isDigest(text) || UnplannedPosts.isMoment(text));
    }

    JsonNode lastPublicBotPost(String prefix) {
        List<JsonNode> found = messages("nobody").stream()
                .filter(m -> m.get("user").asText().equals("shoptalk"))
                .filter(m -> m.get("id").asText().equals(m.get("thread").asText()))
                .filter(m -> m.get("text").asText().startsWith(prefix))
                .toList();
        assertThat(found).as("a public post starting with " + prefix).isNotEmpty();
        return found.get(found.size() - 1);
    }
}

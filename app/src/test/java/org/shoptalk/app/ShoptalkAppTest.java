package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole process over real HTTP: the real core, the local console, an H2 file database. */
class ShoptalkAppTest {
    @TempDir
    Path dir;

    private ShoptalkApp app;

    private AppConfig config() {
        return AppConfig.fromEnvironment(Map.of("SHOPTALK_DB_URL", "jdbc:h2:file:" + dir.resolve("shoptalk")))
                .withPort(0);
    }

    private Http start() {
        app = ShoptalkApp.start(config(), List.of());
        return new Http(app.port());
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void probes_and_metrics_answer_once_started() {
        Http http = start();

        assertThat(http.get("/healthz").body()).isEqualTo("ok");
        Http.Answer ready = http.get("/readyz");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asText()).isEqualTo("ready");
        assertThat(http.get("/metrics").body()).contains("jvm_threads_live_threads").contains("http_server_requests_seconds");
        assertThat(http.get("/local").status()).isEqualTo(200);
    }

    @Test
    void without_the_local_console_there_is_no_local_page() {
        app = ShoptalkApp.start(config().withLocalConsole(false), List.of());
        Http http = new Http(app.port());

        assertThat(http.get("/local").status()).isEqualTo(404);
        assertThat(http.get("/healthz").status()).isEqualTo(200);
    }

    @Test
    void a_guild_lives_through_a_moment_edits_deletes_replies_a_digest_and_a_restart() {
        Http http = start();
        ConsoleClient craft = new ConsoleClient(http, "craft");

        assertThat(craft.command("alice", "/shoptalk guild create Craft lang en")).contains("Guild Craft");
        assertThat(craft.command("alice", "/shoptalk schedule mon,thu 09:30")).contains("planned").contains("09:30");
        craft.post("alice", "/shoptalk moment", null);
        JsonNode prompt = craft.lastPublicBotPost("*Reflection moment");
        String thread = prompt.get("id").asText();

        String alices = craft.post("alice", "Asking before fixing saved me a day.", thread);
        craft.post("bob", "I keep a notebook of near misses.", thread);
        String carols = craft.post("carol", "Pairing helped me most.", thread);
        craft.edit(alices, "Asking before fixing saved me a day this week.");
        craft.delete(carols);
        craft.post("bob", "@alice that is a habit I want to borrow.", thread);

        craft.post("alice", "/shoptalk digest", null);
        String digest = craft.lastPublicBotPost("*This week in Craft*").get("text").asText();
        assertThat(digest)
                .contains("Asking before fixing saved me a day this week.")
                .doesNotContain("Pairing helped me most.")
                .contains("bob, responding to alice")
                .contains("People who took part: 2")
                .contains("Answers that responded to a colleague: 1");

        app.close();
        http = start();
        craft = new ConsoleClient(http, "craft");

        assertThat(craft.command("alice", "/shoptalk schedules")).contains("09:30");
        assertThat(craft.messages("alice")).extracting(m -> m.get("text").asText())
                .contains("Asking before fixing saved me a day this week.", "I keep a notebook of near misses.")
                .doesNotContain("Pairing helped me most.");
        craft.post("alice", "/shoptalk digest", null);
        assertThat(craft.lastPublicBotPost("*This week in Craft*").get("text").asText())
                .contains("Asking before fixing saved me a day this week.")
                .contains("Answers that responded to a colleague: 1");
    }
}

package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
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
        return config(Map.of());
    }

    private AppConfig config(Map<String, String> more) {
        Map<String, String> env = new HashMap<>(more);
        env.put("SHOPTALK_DB_URL", "jdbc:h2:file:" + dir.resolve("shoptalk"));
        return AppConfig.fromEnvironment(env).withPort(0);
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
        assertThat(http.get("/metrics").body())
                .contains("jvm_threads_live_threads")
                .contains("http_server_requests_seconds");
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

        assertThat(craft.command("alice", "/shoptalk guild create Craft lang en"))
                .contains("Guild Craft");
        assertThat(craft.command("alice", "/shoptalk schedule mon,thu 09:30"))
                .contains("planned")
                .contains("09:30");
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
        String digest =
                craft.lastPublicBotPost("*This week in Craft*").get("text").asText();
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
        assertThat(craft.messages("alice"))
                .extracting(m -> m.get("text").asText())
                .contains("Asking before fixing saved me a day this week.", "I keep a notebook of near misses.")
                .doesNotContain("Pairing helped me most.");
        craft.post("alice", "/shoptalk digest", null);
        assertThat(craft.lastPublicBotPost("*This week in Craft*").get("text").asText())
                .contains("Asking before fixing saved me a day this week.")
                .contains("Answers that responded to a colleague: 1");
    }

    @Test
    void with_the_local_console_it_listens_on_loopback_only() {
        start();

        assertThat(app.boundAddress().getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void it_listens_on_every_interface_only_when_shoptalk_host_says_so() {
        app = ShoptalkApp.start(config(Map.of("SHOPTALK_HOST", "0.0.0.0")), List.of());
        Http http = new Http(app.port());

        assertThat(app.boundAddress().getAddress().isAnyLocalAddress()).isTrue();
        assertThat(http.statusWithHost("/local/api/channels", "shoptalk.lan:" + app.port()))
                .isEqualTo(200);
    }

    @Test
    void an_anonymous_answer_typed_in_a_private_chat_never_shows_its_author_to_others() {
        Http http = start();
        ConsoleClient craft = new ConsoleClient(http, "craft");
        craft.command("alice", "/shoptalk guild create Craft lang en");
        craft.post("alice", "/shoptalk moment", null);
        craft.lastPublicBotPost("*Reflection moment");

        new ConsoleClient(http, "@alice").post("alice", "anon \"I was stuck all week.\"", null);

        assertThat(http.get("/local/api/messages?channel=%40alice&user=alice").body())
                .contains("I was stuck all week.");
        assertThat(http.get("/local/api/messages?channel=%40alice").json()).isEmpty();
        assertThat(http.get("/local/api/messages?channel=%40alice&user=bob").json())
                .isEmpty();
        for (String view : List.of("", "&user=bob")) {
            assertThat(http.get("/local/api/messages?channel=craft" + view).json())
                    .noneMatch(m -> m.get("text").asText().contains("I was stuck all week.")
                            && m.get("user").asText().equals("alice"))
                    .allSatisfy(m -> assertThat(m.get("visibleTo").isNull()
                                    || m.get("visibleTo").asText().equals("bob"))
                            .isTrue());
        }
        assertThat(http.get("/local/api/channels").json().toString()).doesNotContain("@alice");
    }
}

package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatEvent;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.DbSettings;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.i18n.Texts;
import org.shoptalk.core.local.LocalChat;
import org.shoptalk.core.testing.RecordingShoptalk;
import org.shoptalk.core.testing.TextKeys;
import org.shoptalk.core.web.HttpAnswer;
import org.shoptalk.core.web.HttpCall;
import org.shoptalk.core.web.Route;

/** The HTTP layer on its own: probes, metrics, adapter routes and the local console API's answers. */
class WebServerTest {
    @TempDir
    Path dir;

    private Database database;
    private WebServer server;
    private Http http;
    private final RecordingShoptalk core = new RecordingShoptalk();
    private final AtomicReference<Optional<String>> problem = new AtomicReference<>(Optional.empty());
    private final AtomicReference<HttpCall> seen = new AtomicReference<>();

    @BeforeEach
    void start() {
        database = Database.start(new DbSettings("jdbc:h2:file:" + dir.resolve("db"), "sa", "", 4));
        LocalChat chat = new LocalChat(database, Clock.systemUTC(), () -> core);
        Route echo = new Route("POST", "/test/hook", call -> {
            seen.set(call);
            return new HttpAnswer(
                    202, Map.of("X-Seen", "yes"), "text/plain", "got it".getBytes(StandardCharsets.UTF_8));
        });
        Route broken = new Route("GET", "/test/broken", call -> {
            throw new IllegalStateException("secret words from a message");
        });
        server = WebServer.start(ListenAddress.LOOPBACK, 0, problem::get, Optional.of(chat), List.of(echo, broken));
        http = new Http(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
        database.close();
    }

    @Test
    void healthz_says_ok() {
        Http.Answer answer = http.get("/healthz");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("ok");
    }

    @Test
    void readyz_reports_the_reason_when_not_ready() {
        assertThat(http.get("/readyz").status()).isEqualTo(200);

        problem.set(Optional.of("scheduler not started"));
        Http.Answer answer = http.get("/readyz");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.json().get("reason").asText()).isEqualTo("scheduler not started");
    }

    @Test
    void metrics_show_jvm_and_http_requests_by_route_pattern() {
        http.get("/healthz");
        http.delete("/local/api/messages/4242");

        Http.Answer answer = http.get("/metrics");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body())
                .contains("jvm_memory_used_bytes")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/healthz\",status=\"200\"}")
                .contains("route=\"/local/api/messages/{id}\",status=\"404\"");
    }

    @Test
    void adapter_route_gets_the_raw_request_and_its_answer_is_sent_back() {
        String body = "{\"a\": 1,\n \"b\":\"é\"}";

        Http.Answer answer = http.post("/test/hook?team=T1&x=1", body);

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.body()).isEqualTo("got it");
        HttpCall call = seen.get();
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/test/hook");
        assertThat(call.queryParam("team")).isEqualTo("T1");
        assertThat(call.header("content-type")).isEqualTo("application/json");
        assertThat(call.body()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        assertThat(call.remoteAddress()).isNotBlank();
    }

    @Test
    void unexpected_failure_is_a_json_error_without_its_message() {
        Http.Answer answer = http.get("/test/broken");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.body()).doesNotContain("secret words");
    }

    @Test
    void console_post_while_the_database_is_gone_is_503_not_500() {
        database.close();

        Http.Answer answer = http.post(
                "/local/api/messages", "{\"channel\":\"craft\",\"user\":\"alice\",\"text\":\"hello\",\"thread\":null}");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/json");
    }

    @Test
    void console_page_is_one_self_contained_html_page() {
        Http.Answer answer = http.get("/local");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.body())
                .contains("/local/api/messages")
                .doesNotContain("src=\"http")
                .doesNotContain("href=\"http");
    }

    /** Issue 14: the console's own words are core's catalog, in the browser's language; none is left unfilled. */
    @Test
    void console_page_speaks_the_browsers_language() {
        String english = http.get("/local").body();
        String dutch = http.send("GET", "/local", null, null, Map.of("Accept-Language", "nl-NL,nl;q=0.9"))
                .body();

        assertThat(english)
                .contains("<html lang=\"en\">")
                .contains("<title>Shoptalk local console</title>")
                .contains("data-reply-in-thread=\"Reply in thread\"")
                .doesNotContain("{{");
        assertThat(dutch)
                .contains("<html lang=\"nl\">")
                .contains("<label for=\"user\">Je bent</label>")
                .contains("data-reply-in-thread=\"Reageer in de draad\"")
                .contains("data-invocation=\"/shoptalk\"")
                .doesNotContain("Reply in thread")
                .doesNotContain("{{");
    }

    @Test
    void post_list_edit_delete_round_trip() {
        Http.Answer posted = http.post(
                "/local/api/messages",
                "{\"channel\":\"craft\",\"user\":\"alice\",\"text\":\"hello @bob\",\"thread\":null}");
        assertThat(posted.status()).isEqualTo(201);
        String id = posted.json().get("id").asText();
        assertThat(posted.json().get("thread").asText()).isEqualTo(id);

        Http.Answer reply = http.post(
                "/local/api/messages",
                Http.json(Map.of("channel", "craft", "user", "bob", "text", "hi", "thread", id)));
        assertThat(reply.json().get("thread").asText()).isEqualTo(id);

        assertThat(http.put("/local/api/messages/" + id, "{\"text\":\"hello again\"}")
                        .status())
                .isEqualTo(200);
        assertThat(http.delete("/local/api/messages/" + reply.json().get("id").asText())
                        .status())
                .isEqualTo(204);

        Http.Answer list = http.get("/local/api/messages?channel=craft");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(1);
        var message = list.json().get(0);
        assertThat(message.get("id").asText()).isEqualTo(id);
        assertThat(message.get("user").asText()).isEqualTo("alice");
        assertThat(message.get("text").asText()).isEqualTo("hello again");
        assertThat(message.get("visibleTo").isNull()).isTrue();
        assertThat(message.get("ts").asText()).isNotBlank();
        assertThat(core.events).hasSize(4).last().isInstanceOf(ChatEvent.MessageDeleted.class);
        assertThat(http.get("/local/api/channels").json().toString()).isEqualTo("[\"craft\"]");
    }

    @Test
    void private_replies_are_listed_only_for_their_reader() {
        http.post("/local/api/messages", "{\"channel\":\"craft\",\"user\":\"alice\",\"text\":\"/shoptalk help\"}");

        assertThat(http.get("/local/api/messages?channel=craft&user=alice").json())
                .hasSize(2)
                .allSatisfy(m -> assertThat(m.get("visibleTo").asText()).isEqualTo("alice"));
        assertThat(http.get("/local/api/messages?channel=craft&user=bob").json())
                .isEmpty();
    }

    @Test
    void without_a_user_the_list_has_no_private_chat_no_typed_command_and_no_one_person_reply() {
        http.post("/local/api/messages", "{\"channel\":\"craft\",\"user\":\"bob\",\"text\":\"for everyone\"}");
        http.post("/local/api/messages", "{\"channel\":\"craft\",\"user\":\"alice\",\"text\":\"/shoptalk help\"}");
        http.post(
                "/local/api/messages",
                "{\"channel\":\"@alice\",\"user\":\"alice\",\"text\":\"anon \\\"hard week\\\"\"}");

        Http.Answer craft = http.get("/local/api/messages?channel=craft");
        assertThat(craft.json()).singleElement().satisfies(m -> {
            assertThat(m.get("user").asText()).isEqualTo("bob");
            assertThat(m.get("visibleTo").isNull()).isTrue();
        });
        assertThat(http.get("/local/api/messages?channel=%40alice").json()).isEmpty();
        assertThat(http.get("/local/api/channels").json().toString()).isEqualTo("[\"craft\"]");
    }

    @Test
    void another_user_sees_nothing_of_alices_private_chat() {
        http.post(
                "/local/api/messages",
                "{\"channel\":\"@alice\",\"user\":\"alice\",\"text\":\"anon \\\"hard week\\\"\"}");

        assertThat(http.get("/local/api/messages?channel=%40alice&user=alice").json())
                .hasSize(2);
        assertThat(http.get("/local/api/messages?channel=%40alice&user=bob").json())
                .isEmpty();
        assertThat(http.get("/local/api/channels?user=bob").json()).isEmpty();
        assertThat(http.get("/local/api/channels?user=alice").json().toString()).isEqualTo("[\"@alice\"]");
    }

    @Test
    void cross_site_text_plain_post_is_refused_and_stores_nothing() {
        Http.Answer answer = http.send(
                "POST",
                "/local/api/messages",
                "text/plain",
                "{\"channel\":\"craft\",\"user\":\"alice\",\"text\":\"planted\"}",
                Map.of("Origin", "http://evil.example", "Sec-Fetch-Site", "cross-site"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("error").asText()).contains("only from its own page");
        assertNothingStored();
    }

    @Test
    void write_from_another_origin_is_refused_by_origin_alone_and_by_fetch_metadata_alone() {
        String body = "{\"channel\":\"craft\",\"user\":\"alice\",\"text\":\"planted\"}";

        Http.Answer byOrigin = http.send(
                "POST", "/local/api/messages", "application/json", body, Map.of("Origin", "http://localhost:3000"));
        Http.Answer nullOrigin =
                http.send("POST", "/local/api/messages", "application/json", body, Map.of("Origin", "null"));
        Http.Answer byMetadata = http.send(
                "POST", "/local/api/messages", "application/json", body, Map.of("Sec-Fetch-Site", "same-site"));

        assertThat(byOrigin.status()).isEqualTo(403);
        assertThat(nullOrigin.status()).isEqualTo(403);
        assertThat(byMetadata.status()).isEqualTo(403);
        assertNothingStored();
    }

    @Test
    void write_that_is_not_json_is_refused_with_415_and_stores_nothing() {
        Http.Answer answer = http.send(
                "POST",
                "/local/api/messages",
                "text/plain",
                "{\"channel\":\"craft\",\"user\":\"alice\",\"text\":\"planted\"}",
                Map.of());

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.json().get("error").asText()).contains("application/json");
        assertNothingStored();
    }

    @Test
    void cross_site_edit_and_delete_are_refused() {
        String id = http.post("/local/api/messages", "{\"channel\":\"craft\",\"user\":\"alice\",\"text\":\"mine\"}")
                .json()
                .get("id")
                .asText();
        Map<String, String> evil = Map.of("Origin", "http://evil.example");

        assertThat(http.send("PUT", "/local/api/messages/" + id, "application/json", "{\"text\":\"x\"}", evil)
                        .status())
                .isEqualTo(403);
        assertThat(http.send("DELETE", "/local/api/messages/" + id, null, null, evil)
                        .status())
                .isEqualTo(403);
        assertThat(http.get("/local/api/messages?channel=craft").json())
                .singleElement()
                .satisfies(m -> assertThat(m.get("text").asText()).isEqualTo("mine"));
    }

    @Test
    void same_origin_json_post_from_the_page_is_accepted() {
        Http.Answer answer = http.send(
                "POST",
                "/local/api/messages",
                "application/json; charset=utf-8",
                "{\"channel\":\"craft\",\"user\":\"alice\",\"text\":\"hello\"}",
                Map.of("Origin", http.origin(), "Sec-Fetch-Site", "same-origin"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(http.get("/local/api/messages?channel=craft").json())
                .singleElement()
                .satisfies(m -> assertThat(m.get("text").asText()).isEqualTo("hello"));
    }

    @Test
    void on_loopback_the_console_answers_only_requests_addressed_to_this_machine() {
        int port = server.port();

        assertThat(http.statusWithHost("/local/api/channels", "localhost:" + port))
                .isEqualTo(200);
        assertThat(http.statusWithHost("/local/api/channels", "[::1]:" + port)).isEqualTo(200);
        assertThat(http.statusWithHost("/local/api/channels", "rebound.example:" + port))
                .isEqualTo(403);
        assertThat(http.statusWithHost("/local", "rebound.example:" + port)).isEqualTo(403);
        assertThat(http.statusWithHost("/healthz", "rebound.example:" + port)).isEqualTo(200);
    }

    @Test
    void server_listens_on_the_address_it_is_given() {
        assertThat(server.boundAddress().getAddress().isLoopbackAddress()).isTrue();
    }

    private void assertNothingStored() {
        assertThat(http.get("/local/api/messages?channel=craft&user=alice").json())
                .isEmpty();
        assertThat(core.events).isEmpty();
        assertThat(core.commands).isEmpty();
    }

    @Test
    void bad_json_gets_400_with_the_right_form() {
        Http.Answer answer = http.post("/local/api/messages", "{channel: craft");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.json().get("error").asText()).isEqualTo("The body is not valid JSON: send one JSON object.");
        assertThat(answer.json().get("expected").asText()).contains("\"channel\":\"general\"");
    }

    @Test
    void missing_or_mistyped_fields_get_400_naming_the_field() {
        Http.Answer noUser = http.post("/local/api/messages", "{\"channel\":\"craft\",\"text\":\"hi\"}");
        Http.Answer arrayText = http.post("/local/api/messages", "{\"channel\":\"craft\",\"user\":\"a\",\"text\":[1]}");
        Http.Answer notObject = http.post("/local/api/messages", "[]");
        Http.Answer noChannel = http.get("/local/api/messages");
        Http.Answer emptyEdit = http.put("/local/api/messages/1", "{}");

        assertThat(noUser.status()).isEqualTo(400);
        assertThat(noUser.json().get("error").asText())
                .isEqualTo("\"user\" is missing: give a name such as \"alice\".");
        assertThat(arrayText.status()).isEqualTo(400);
        assertThat(arrayText.json().get("error").asText()).isEqualTo("\"text\" must be a string.");
        assertThat(notObject.status()).isEqualTo(400);
        assertThat(noChannel.status()).isEqualTo(400);
        assertThat(noChannel.json().get("error").asText())
                .isEqualTo("The query parameter \"channel\" is missing: add ?channel=general"
                        + " (and &user=alice to see what alice sees).");
        assertThat(noChannel.json().get("expected").asText())
                .isEqualTo("GET /local/api/messages?channel=general[&user=alice]");
        assertThat(emptyEdit.status()).isEqualTo(400);
        assertThat(emptyEdit.json().get("expected").asText()).contains("{\"text\":");
    }

    @Test
    void a_browser_that_asks_for_dutch_reads_dutch_errors_in_the_same_shape() {
        Map<String, String> dutch = Map.of("Accept-Language", "nl-NL,nl;q=0.9,en;q=0.8");

        Http.Answer badJson = http.send("POST", "/local/api/messages", "application/json", "{channel: craft", dutch);
        Http.Answer noUser = http.send(
                "POST", "/local/api/messages", "application/json", "{\"channel\":\"craft\",\"text\":\"hi\"}", dutch);
        Http.Answer noChannel = http.send("GET", "/local/api/messages", null, null, dutch);
        Http.Answer unknown = http.send("DELETE", "/local/api/messages/999", null, null, dutch);

        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.json().get("error").asText())
                .isEqualTo("De inhoud is geen geldige JSON: stuur één JSON-object.");
        assertThat(badJson.json().get("expected").asText()).contains("\"channel\":\"general\"");
        assertThat(noUser.status()).isEqualTo(400);
        assertThat(noUser.json().get("error").asText())
                .isEqualTo("\"user\" ontbreekt: geef een naam, zoals \"alice\".");
        assertThat(noChannel.json().get("error").asText()).startsWith("De parameter \"channel\" ontbreekt in de URL");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText())
                .isEqualTo("Geen bericht met id \"999\": het is nooit geplaatst of is verwijderd.");
    }

    @Test
    void errors_about_a_dutch_guilds_channel_read_dutch_even_for_an_english_browser() {
        database.useTransaction(h -> {
            GuildStore guilds = new GuildStore();
            long id = guilds.create(
                    h,
                    Tenant.LOCAL,
                    "Vak",
                    Language.NL,
                    ZoneId.of("Europe/Amsterdam"),
                    new UserRef(Tenant.LOCAL, "alice"),
                    Instant.now());
            guilds.addChannel(h, id, new ChannelRef(Tenant.LOCAL, "craft"), Instant.now());
        });
        Map<String, String> english = Map.of("Accept-Language", "en-GB,en;q=0.9");

        Http.Answer arrayText = http.send(
                "POST",
                "/local/api/messages",
                "application/json",
                "{\"channel\":\"craft\",\"user\":\"alice\",\"text\":[1]}",
                english);
        Http.Answer emptyText = http.send(
                "POST",
                "/local/api/messages",
                "application/json",
                "{\"channel\":\"craft\",\"user\":\"alice\"}",
                english);
        Http.Answer elsewhere = http.send(
                "POST",
                "/local/api/messages",
                "application/json",
                "{\"channel\":\"general\",\"user\":\"alice\"}",
                english);

        assertThat(arrayText.status()).isEqualTo(400);
        assertThat(arrayText.json().get("error").asText()).isEqualTo("\"text\" moet een tekst zijn.");
        assertThat(emptyText.status()).isEqualTo(400);
        assertThat(emptyText.json().get("error").asText())
                .isEqualTo(
                        "\"text\" ontbreekt: geef de tekst van het bericht, of een opdracht zoals \"/shoptalk hulp\".");
        assertThat(elsewhere.json().get("error").asText())
                .isEqualTo("\"text\" is missing: give the message text, or a command such as \"/shoptalk help\".");
    }

    /** The API's refusals are core's catalog (no words of the app's own): a key the app names must be there in both. */
    @Test
    void every_console_error_the_app_names_is_in_the_catalog_in_both_languages() throws IOException {
        Set<String> named =
                TextKeys.namedIn(Path.of("src/main/java"), Pattern.compile("\"(console\\.error\\.[a-z.]*[a-z])\""));
        assertThat(named).contains("console.error.body.json", "console.error.field.string");
        for (Language language : Language.values()) {
            assertThat(Texts.get().keys(language)).as(language.code()).containsAll(named);
        }
    }

    @Test
    void unknown_ids_get_404() {
        assertThat(http.put("/local/api/messages/999", "{\"text\":\"x\"}").status())
                .isEqualTo(404);
        assertThat(http.delete("/local/api/messages/999").status()).isEqualTo(404);
        assertThat(http.delete("/local/api/messages/not-a-number").status()).isEqualTo(404);
        Http.Answer reply = http.post(
                "/local/api/messages", "{\"channel\":\"craft\",\"user\":\"alice\",\"text\":\"hi\",\"thread\":\"999\"}");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("error").asText()).contains("999");
    }
}

package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The local console's API when a person's edit or deletion cannot be done, through the real HTTP server: bad input,
 * an unknown message, core failing on it, the database away. Each gets a short text in the guild's language (or, when
 * the request names no guild, the browser's), the right status, and nothing half-done: what the page shows afterwards
 * and what the digest says agree with what the person was told.
 */
class ConsoleFailuresTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final LocalApp local = new LocalApp();

    private Http http;

    /** A guild in one language, and the texts its people should read. */
    record Guild(
            String lang,
            String channel,
            String create,
            String momentPrefix,
            String digestCommand,
            String digestPrefix,
            String apology,
            String notJson,
            String textMissing,
            String notAString,
            String noMessage) {
        @Override
        public String toString() {
            return lang;
        }
    }

    static Stream<Guild> guilds() {
        return Stream.of(
                new Guild(
                        "nl",
                        "vakgilde",
                        "/shoptalk gilde start Vakgilde taal nl",
                        "*Reflectiemoment",
                        "/shoptalk overzicht",
                        "*Deze week in Vakgilde",
                        "Sorry, dat lukte Shoptalk nu niet. Probeer het over een minuut nog eens.",
                        "De inhoud is geen geldige JSON: stuur één JSON-object.",
                        "\"text\" ontbreekt: geef de tekst van het bericht, of een opdracht zoals \"/shoptalk hulp\".",
                        "\"text\" moet een tekst zijn.",
                        "Geen bericht met id \"987654\": het is nooit geplaatst of is verwijderd."),
                new Guild(
                        "en",
                        "craft",
                        "/shoptalk guild create Craft lang en",
                        "*Reflection moment",
                        "/shoptalk digest",
                        "*This week in Craft",
                        "Sorry, Shoptalk could not do that just now. Please try again in a minute.",
                        "The body is not valid JSON: send one JSON object.",
                        "\"text\" is missing: give the message text, or a command such as \"/shoptalk help\".",
                        "\"text\" must be a string.",
                        "No message with id \"987654\": it was never posted or was deleted."));
    }

    @BeforeEach
    void start() {
        http = local.start(dir);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("guilds")
    void an_edit_or_deletion_the_api_cannot_read_is_refused_in_the_guilds_language(Guild g) {
        ConsoleClient channel = new ConsoleClient(http, g.channel());
        channel.command("lea", g.create());
        String thread = moment(channel, g);
        String answer = channel.post("ann", "Asking first saved me a day.", thread);
        // The browser asks for the other language: the guild's wins wherever the request names its message.
        Map<String, String> otherBrowser = Map.of("Accept-Language", g.lang().equals("nl") ? "en" : "nl");

        Http.Answer notJson = put(answer, "{\"text\": ", otherBrowser);
        Http.Answer noText = put(answer, "{}", otherBrowser);
        Http.Answer notText = put(answer, "{\"text\": [\"a\"]}", otherBrowser);

        assertRefused(notJson, 400, g.notJson());
        assertRefused(noText, 400, g.textMissing());
        assertRefused(notText, 400, g.notAString());
        assertThat(textOf(channel, answer)).isEqualTo("Asking first saved me a day.");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("guilds")
    void an_unknown_message_is_reported_missing_in_the_browsers_language(Guild g) {
        Map<String, String> browser = Map.of("Accept-Language", g.lang());

        Http.Answer edited = put("987654", "{\"text\": \"x\"}", browser);
        Http.Answer deleted = http.send("DELETE", "/local/api/messages/987654", null, null, browser);

        assertRefused(edited, 404, g.noMessage());
        assertRefused(deleted, 404, g.noMessage());
    }

    /**
     * Core fails on the answer (its answers' table is gone): the edit, the deletion and a new answer each get the
     * apology with 500, and none of them happened, on the page or in the digest. Once core is back, the same requests
     * go through.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("guilds")
    void when_core_fails_on_an_edit_or_deletion_nothing_changes_and_the_guild_reads_the_apology(Guild g) {
        ConsoleClient channel = new ConsoleClient(http, g.channel());
        channel.command("lea", g.create());
        String thread = moment(channel, g);
        String kept = channel.post("ann", "Asking first saved me a day.", thread);
        String doomed = channel.post("bob", "Pairing helped me most.", thread);
        renameAnswers("answer", "answer_gone");

        Http.Answer edited = put(kept, "{\"text\": \"Asking first saved me a week.\"}", Map.of());
        Http.Answer deleted = http.delete("/local/api/messages/" + doomed);
        Http.Answer posted = http.post(
                "/local/api/messages",
                Http.json(Map.of("channel", g.channel(), "user", "cem", "text", "Late words.", "thread", thread)));

        for (Http.Answer failed : List.of(edited, deleted, posted)) {
            assertRefused(failed, 500, g.apology());
        }
        assertThat(channel.messages("lea"))
                .extracting(m -> m.get("text").asText())
                .contains("Asking first saved me a day.", "Pairing helped me most.")
                .doesNotContain("Asking first saved me a week.", "Late words.");
        renameAnswers("answer_gone", "answer");
        assertThat(digest(channel, g))
                .contains("Asking first saved me a day.")
                .contains("Pairing helped me most.")
                .doesNotContain("Late words.");

        channel.edit(kept, "Asking first saved me a week.");
        channel.delete(doomed);
        assertThat(digest(channel, g))
                .contains("Asking first saved me a week.")
                .doesNotContain("Pairing helped me most.");
    }

    /** The database away: the guild's language cannot be read, so the browser's is used, with 503 (retry later). */
    @Test
    void with_the_database_away_an_edit_or_deletion_gets_503_and_the_apology_in_the_browsers_language() {
        ConsoleClient channel = new ConsoleClient(http, "vakgilde");
        channel.command("lea", "/shoptalk gilde start Vakgilde taal nl");
        String thread = moment(channel, guilds().findFirst().orElseThrow());
        String answer = channel.post("ann", "Eerst vragen scheelde me een dag.", thread);
        local.app().database().close();
        Map<String, String> dutch = Map.of("Accept-Language", "nl");

        Http.Answer edited = put(answer, "{\"text\": \"Toch niet.\"}", dutch);
        Http.Answer deleted = http.send("DELETE", "/local/api/messages/" + answer, null, null, dutch);

        for (Http.Answer failed : List.of(edited, deleted)) {
            assertRefused(failed, 503, "Sorry, dat lukte Shoptalk nu niet. Probeer het over een minuut nog eens.");
        }
    }

    private static String moment(ConsoleClient channel, Guild g) {
        channel.post("lea", "/shoptalk moment", null);
        return channel.lastPublicBotPost(g.momentPrefix()).get("id").asText();
    }

    private static String digest(ConsoleClient channel, Guild g) {
        channel.post("lea", g.digestCommand(), null);
        return channel.lastPublicBotPost(g.digestPrefix()).get("text").asText();
    }

    private Http.Answer put(String id, String body, Map<String, String> headers) {
        return http.send("PUT", "/local/api/messages/" + id, "application/json", body, headers);
    }

    private static void assertRefused(Http.Answer answer, int status, String text) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.json().get("error").asText()).isEqualTo(text);
    }

    private static String textOf(ConsoleClient channel, String id) {
        return channel.messages("lea").stream()
                .filter(m -> m.get("id").asText().equals(id))
                .map(m -> m.get("text").asText())
                .findFirst()
                .orElseThrow();
    }

    /** Takes core's answers' table away (or brings it back), as a failing migration or a broken store would. */
    private void renameAnswers(String from, String to) {
        local.app().database().useTransaction(h -> h.update("ALTER TABLE " + from + " RENAME TO " + to));
    }
}

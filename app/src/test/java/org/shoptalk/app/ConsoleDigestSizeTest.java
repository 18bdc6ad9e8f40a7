package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: a lively week in the local console once overflowed the console's message column (HTTP 500 for
 * {@code /shoptalk digest}). 120 answers of 500 characters hold 60,000 characters, more than a console message takes;
 * the digest is still posted, short, with its link to the page that holds them all.
 */
class ConsoleDigestSizeTest {
    @TempDir
    Path dir;

    private ShoptalkApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void a_week_of_120_long_answers_gives_a_console_digest_that_is_posted_and_links_to_all_of_them() {
        app = ShoptalkApp.start(
                AppConfig.fromEnvironment(Map.of("SHOPTALK_DB_URL", "jdbc:h2:file:" + dir.resolve("db")))
                        .withPort(0),
                List.of());
        ConsoleClient craft = new ConsoleClient(new Http(app.port()), "craft");
        craft.command("alice", "/shoptalk guild create Craft lang en");
        craft.post("alice", "/shoptalk moment", null);
        String thread = craft.lastPublicBotPost("*Reflection moment").get("id").asText();
        for (int i = 0; i < 120; i++) {
            craft.post(
                    "p" + i, ("Answer " + i + " about the craft. ").repeat(25).substring(0, 500), thread);
        }

        craft.post("alice", "/shoptalk digest", null);

        String digest =
                craft.lastPublicBotPost("*This week in Craft*").get("text").asText();
        assertThat(digest).contains("120").contains("/digest/").hasSizeLessThan(40_000);
    }
}

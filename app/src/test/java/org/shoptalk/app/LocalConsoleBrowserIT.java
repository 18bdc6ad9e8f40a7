package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.shoptalk.core.testing.Await;

/**
 * The local console as a chat page on a phone (390 px wide, see {@link WebDriver}): nothing scrolls sideways,
 * chat formatting renders (a bold answer is bold, a mention is a mention, core's header is a heading), and a button
 * in Shoptalk's reply runs its command (issue 12). Runs with {@code -Pbrowser} (see .ci/run).
 */
class LocalConsoleBrowserIT {
    @TempDir
    Path dir;

    @RegisterExtension
    final LocalApp local = new LocalApp();

    @Test
    void on_a_phone_the_console_fits_the_screen_renders_formatting_and_its_buttons_work() throws Exception {
        Http http = local.start(dir);
        ConsoleClient craft = new ConsoleClient(http, "craft");
        craft.command("alice", "/shoptalk guild create Craft lang en");
        craft.command("alice", "/shoptalk schedule mon 09:30");
        String thread = craft.moment("alice");
        craft.post("bob", "*Asking first* saved me a day.", thread);
        craft.post("alice", "/shoptalk guild lead add @bob", null);
        craft.command("alice", "/shoptalk schedules");

        try (WebDriver browser = WebDriver.start()) {
            browser.open(local.url("/local?channel=craft"));
            String pause = browser.find("button[data-command='pause 1']");

            assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth;")
                            .asBoolean())
                    .as("no sideways scrolling at 390 px")
                    .isTrue();
            assertThat(browser.findAll(".msg .text strong"))
                    .extracting(browser::text)
                    .contains("Asking first", "Reflection moments of Craft");
            assertThat(browser.findAll(".msg .text"))
                    .extracting(browser::text)
                    .noneMatch(t -> t.contains("*Asking first*") || t.contains("<@bob>"));
            assertThat(browser.text(browser.find(".msg .text .mention"))).isEqualTo("@bob");
            assertThat(browser.text(pause)).isEqualTo("Pause");

            browser.click(pause);

            Await.until(
                    () -> craft.messages("alice").stream()
                            .anyMatch(m -> m.get("text").asText().startsWith("Moment #1 is paused")),
                    Duration.ofSeconds(10));
            assertThat(browser.text(browser.find("#messages"))).contains("Moment #1 is paused");
        }
    }
}

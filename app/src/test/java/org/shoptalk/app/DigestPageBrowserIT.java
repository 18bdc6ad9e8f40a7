package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * As a new user would: a digest posted in the local console links to a page that opens in a real browser
 * (headless Chromium at phone size), shows the answers, the chart and a thread link that works; the same link
 * with one character changed is refused. Runs with {@code -Pbrowser} (see .ci/run).
 */
class DigestPageBrowserIT {
    @TempDir
    Path dir;

    @RegisterExtension
    final LocalApp local = new LocalApp();

    /**
     * At 390 px every week label (day over month), every axis value and the legend is on screen, not cut at an edge,
     * at least 10 px high, and no two week labels overlap (issue 11: chart labels readable at phone width).
     */
    private static void chartLabelsAreReadableAtPhoneWidth(WebDriver browser) {
        assertThat(browser.script("return window.innerWidth;").asInt())
                .as("phone width")
                .isLessThanOrEqualTo(390);
        JsonNode labels = browser.script("const box = e => { const r = e.getBoundingClientRect();"
                + " return {text: e.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };"
                + " return {weeks: [...document.querySelectorAll('section.chart svg text.label')].map(box),"
                + " parts: [...document.querySelectorAll('section.chart svg text.label tspan,"
                + " section.chart svg text.value, section.chart .legend li')].map(box),"
                + " width: window.innerWidth};");
        double width = labels.get("width").asDouble();
        assertThat(labels.get("weeks")).hasSize(12);
        assertThat(labels.get("parts").size()).isGreaterThanOrEqualTo(24 + 2);
        for (JsonNode part : labels.get("parts")) {
            String what = part.get("text").asText();
            assertThat(what).as("a label has words").isNotBlank();
            assertThat(part.get("left").asDouble())
                    .as(what + " starts on screen")
                    .isGreaterThanOrEqualTo(0);
            assertThat(part.get("right").asDouble())
                    .as(what + " ends on screen")
                    .isLessThanOrEqualTo(width);
            assertThat(part.get("bottom").asDouble() - part.get("top").asDouble())
                    .as(what + " is readable")
                    .isGreaterThanOrEqualTo(10);
        }
        JsonNode weeks = labels.get("weeks");
        for (int i = 1; i < weeks.size(); i++) {
            assertThat(weeks.get(i).get("left").asDouble())
                    .as("week label " + weeks.get(i).get("text").asText() + " clears the one before it")
                    .isGreaterThanOrEqualTo(weeks.get(i - 1).get("right").asDouble());
        }
    }

    @Test
    void a_reader_opens_the_digest_from_the_console_follows_the_thread_and_a_changed_link_is_refused()
            throws Exception {
        Http http = local.start(dir);
        ConsoleClient craft = new ConsoleClient(http, "craft");
        craft.command("alice", "/shoptalk guild create Craft lang en");
        String thread = craft.moment("alice");
        craft.post("alice", "Asking before fixing saved me a day.", thread);
        craft.post("bob", "@alice <b>bold</b> and a notebook of near misses.", thread);
        craft.post("alice", "/shoptalk digest", null);
        String console = local.url("/local?channel=craft");

        try (WebDriver browser = WebDriver.start()) {
            browser.open(console);
            String digestLink = browser.find("a[href*='/digest/']");
            String href = browser.attribute(digestLink, "href");
            browser.click(digestLink);

            assertThat(browser.currentUrl()).isEqualTo(href);
            assertThat(browser.title()).startsWith("Reflection in Craft");
            List<String> answers = browser.findAll("blockquote .text");
            assertThat(answers)
                    .extracting(browser::text)
                    .containsExactly(
                            "Asking before fixing saved me a day.",
                            "@alice <b>bold</b> and a notebook of near misses.");
            assertThat(browser.findAll("blockquote b")).isEmpty();
            assertThat(browser.text(browser.findAll("blockquote .who").get(1))).startsWith("bob, responding to alice");

            String chart = browser.find("section.chart svg");
            assertThat(browser.displayed(chart)).isTrue();
            assertThat(browser.width(chart)).isGreaterThan(200);
            List<String> people = browser.findAll("svg rect.people");
            assertThat(people).hasSize(12);
            assertThat(Double.parseDouble(browser.attribute(people.get(11), "height")))
                    .isGreaterThan(0);
            assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth;")
                            .asBoolean())
                    .as("no sideways scrolling on a phone")
                    .isTrue();
            chartLabelsAreReadableAtPhoneWidth(browser);

            browser.click(browser.find("a.thread"));
            assertThat(browser.currentUrl()).isEqualTo(local.url("/local?channel=craft&thread=" + thread));
            assertThat(browser.title()).isEqualTo("Shoptalk local console");
            // The console renders its messages after fetching them: wait for the linked thread to appear (find waits
            // up to the implicit timeout) rather than read #messages while it may still be empty.
            assertThat(browser.text(browser.find("#messages #thread-" + thread)))
                    .contains("Asking before fixing saved me a day.");

            int last = href.length() - 1;
            browser.open(href.substring(0, last) + (href.charAt(last) == 'A' ? 'B' : 'A'));
            assertThat(browser.text(browser.find("h1"))).isEqualTo("This link does not open a digest.");
            assertThat(browser.text(browser.find("body")))
                    .doesNotContain("Craft")
                    .doesNotContain("Asking before fixing");
            assertThat(http.get(href.substring(href.indexOf("/digest/"), last) + (href.charAt(last) == 'A' ? 'B' : 'A'))
                            .status())
                    .isEqualTo(403);
        }
    }
}

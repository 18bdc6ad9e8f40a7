package org.shoptalk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Headless Chromium driven through chromedriver's W3C WebDriver protocol, spoken over plain HTTP: enough to
 * open pages, find elements, read what a person sees and click. Not thread-safe.
 */
final class WebDriver implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

    private final Process driver;
    private final Path profile;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String session;

    private WebDriver(Process driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
        this.session = startSession();
    }

    static WebDriver start() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the browser test needs Debian's chromium and chromium-driver"
                    + " (apt-get install -y chromium chromium-driver); .ci/run installs them");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path profile = Files.createTempDirectory("shoptalk-chromium-");
        Process driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String base = "http://127.0.0.1:" + port;
        WebDriver started = null;
        try {
            waitUntilReady(base);
            started = new WebDriver(driver, profile, base);
            return started;
        } finally {
            if (started == null) {
                driver.destroyForcibly();
            }
        }
    }

    private static void waitUntilReady(String base) {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> status = client.send(
                        HttpRequest.newBuilder(URI.create(base + "/status")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (JSON.readTree(status.body()).path("value").path("ready").asBoolean()) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("chromedriver did not come up within 30 seconds");
    }

    private String startSession() {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode match = body.putObject("capabilities").putObject("alwaysMatch");
        match.put("browserName", "chrome");
        ObjectNode options = match.putObject("goog:chromeOptions");
        options.put("binary", CHROMIUM.toString());
        var args = options.putArray("args");
        for (String arg : List.of(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-first-run",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--window-size=390,844")) {
            args.add(arg);
        }
        // Headless Chromium keeps a window at least 500 px wide whatever --window-size says: emulate the phone's
        // viewport instead, so pages really are laid out at 390 CSS px.
        ObjectNode metrics = options.putObject("mobileEmulation").putObject("deviceMetrics");
        metrics.put("width", 390);
        metrics.put("height", 844);
        metrics.put("pixelRatio", 1.0);
        String id = call("POST", "/session", body).path("sessionId").asText();
        ObjectNode timeouts = JSON.createObjectNode();
        // Finding an element waits for it up to this long: pages that render from JSON need a moment.
        timeouts.put("implicit", 10_000);
        timeouts.put("pageLoad", 30_000);
        call("POST", "/session/" + id + "/timeouts", timeouts);
        return id;
    }

    void open(String url) {
        ObjectNode body = JSON.createObjectNode();
        body.put("url", url);
        command("POST", "/url", body);
    }

    String currentUrl() {
        return command("GET", "/url", null).asText();
    }

    String title() {
        return command("GET", "/title", null).asText();
    }

    /** Elements matching a CSS selector; waits up to the implicit timeout for the first to appear. */
    List<String> findAll(String css) {
        ObjectNode body = JSON.createObjectNode();
        body.put("using", "css selector");
        body.put("value", css);
        List<String> ids = new ArrayList<>();
        command("POST", "/elements", body).forEach(e -> ids.add(e.get(ELEMENT).asText()));
        return ids;
    }

    String find(String css) {
        List<String> all = findAll(css);
        if (all.isEmpty()) {
            throw new AssertionError("nothing on the page matches " + css + " at " + currentUrl());
        }
        return all.get(0);
    }

    String text(String element) {
        return command("GET", "/element/" + element + "/text", null).asText();
    }

    String attribute(String element, String name) {
        JsonNode value = command("GET", "/element/" + element + "/attribute/" + name, null);
        return value.isNull() ? null : value.asText();
    }

    boolean displayed(String element) {
        return command("GET", "/element/" + element + "/displayed", null).asBoolean();
    }

    double width(String element) {
        return command("GET", "/element/" + element + "/rect", null)
                .path("width")
                .asDouble();
    }

    void click(String element) {
        command("POST", "/element/" + element + "/click", JSON.createObjectNode());
    }

    /** Runs a script in the page (the page itself runs none); returns its result. */
    JsonNode script(String source) {
        ObjectNode body = JSON.createObjectNode();
        body.put("script", source);
        body.putArray("args");
        return command("POST", "/execute/sync", body);
    }

    private JsonNode command(String method, String path, JsonNode body) {
        return call(method, "/session/" + session + path, body);
    }

    private JsonNode call(String method, String path, JsonNode body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .method(method, publisher)
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode value = JSON.readTree(response.body()).path("value");
            if (response.statusCode() != 200) {
                throw new AssertionError("WebDriver " + method + " " + path + " failed: "
                        + value.path("message").asText());
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            call("DELETE", "/session/" + session, null);
        } finally {
            driver.destroy();
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temp profile is harmless
            }
        }
    }
}

package org.shoptalk.app;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.shoptalk.core.db.DbSettings;

/**
 * {@code java -jar shoptalk.jar warm-up}: starts Shoptalk as README's command does (the embedded H2, the local
 * console), but on a new database in a temporary directory and on a free loopback port, waits until {@code /readyz}
 * answers 200, stops, and removes the directory. The build runs it once under {@code -XX:ArchiveClassesAtExit} to make the class-data
 * archive README's command starts with ({@code app/target/shoptalk.jsa}, docs/performance.md): the JVM then maps the
 * some 7,000 classes a start loads instead of loading and verifying them again. The environment is not read, so a
 * developer's Slack or Teams variables cannot make the training start reach a platform.
 */
final class WarmUpCommand {
    static final String NAME = "warm-up";
    static final int OK = 0;
    static final int FAILED = 1;
    /** How long the start may take before the warm-up gives up, far beyond the seconds it takes. */
    private static final Duration START_LIMIT = Duration.ofMinutes(2);

    private WarmUpCommand() {}

    /** @param args the arguments after "warm-up": none */
    static int run(List<String> args, PrintStream err) {
        if (!args.isEmpty()) {
            err.println("warm-up takes no arguments; usage: java -jar shoptalk.jar warm-up");
            return GoalCheckCommand.BAD_ARGUMENTS;
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("shoptalk-warm-up");
        } catch (IOException e) {
            return failed(err, e.toString());
        }
        try {
            return startAndStop(dir, err);
        } finally {
            delete(dir, err);
        }
    }

    /**
     * README's defaults, but on a new database of its own (a first start, which loads everything a restart does and
     * the schema's creation too, and never a real database with moments due) and on any free port (a port in use must
     * not fail the build).
     */
    private static int startAndStop(Path dir, PrintStream err) {
        AppConfig defaults = AppConfig.fromEnvironment(Map.of());
        DbSettings embedded = defaults.database();
        String url = DbSettings.EMBEDDED_URL.replace("./data/", dir.toAbsolutePath() + "/data/");
        AppConfig config = defaults.withPort(0)
                .withDatabase(new DbSettings(
                        url,
                        embedded.user(),
                        embedded.password(),
                        embedded.maxPoolSize(),
                        embedded.connectionTimeout()));
        try (ShoptalkApp app = ShoptalkApp.start(config, List.of())) {
            return ready(app.port()) ? OK : failed(err, "/readyz did not answer 200 within " + START_LIMIT);
        } catch (IOException | RuntimeException e) {
            return failed(err, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(err, "interrupted");
        }
    }

    private static boolean ready(int port) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest readyz = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                .timeout(Duration.ofSeconds(10))
                .build();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (http.send(readyz, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                return true;
            }
            // Readiness is a state to wait for in another process's terms; nothing here can be signalled instead.
            Thread.sleep(100);
        }
        return false;
    }

    private static void delete(Path dir, PrintStream err) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            err.println("Shoptalk's warm-up left " + dir + " behind: " + e);
        }
    }

    private static int failed(PrintStream err, String why) {
        err.println("Shoptalk's warm-up start failed: " + why);
        return FAILED;
    }
}

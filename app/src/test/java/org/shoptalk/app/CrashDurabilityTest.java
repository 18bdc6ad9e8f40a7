package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shoptalk.core.testing.Await;

/**
 * Kill -9 under load on the embedded default: the real main() runs in a JVM of its own, on the default H2 file
 * under its working folder, while eight clients post to the local console. Every 201 is an acknowledged write.
 * The process is killed outright (SIGKILL: no shutdown hook, no H2 close) while posts are in flight, started again
 * on the same file, and every acknowledged message must be there. About 15 s.
 *
 * <p>{@code -Dshoptalk.crash.dbUrl=...} runs it on another URL, e.g. with {@code ;WRITE_DELAY=500} to see the old
 * default lose acknowledged writes.
 */
class CrashDurabilityTest {
    private static final int WRITERS = 8;
    /** Acknowledged writes before the kill; the writers are still going when it comes. */
    private static final int KILL_AFTER = 400;

    private static final Duration START_LIMIT = Duration.ofSeconds(90);

    @TempDir
    Path home;

    @Test
    void every_write_acknowledged_before_a_kill_9_is_there_after_a_restart() throws Exception {
        Child first = Child.start(home, "first");
        int port = first.awaitReady();
        Map<String, Set<String>> acknowledged = new HashMap<>();
        AtomicInteger acks = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            String channel = "crash-" + w;
            Set<String> mine = ConcurrentHashMap.newKeySet();
            acknowledged.put(channel, mine);
            writers.execute(() -> write(new Http(port), channel, mine, acks));
        }
        Await.until(() -> acks.get() >= KILL_AFTER || !first.process.isAlive(), Duration.ofSeconds(60));

        first.process.destroyForcibly();
        assertThat(first.process.waitFor(10, TimeUnit.SECONDS))
                .as("the process died")
                .isTrue();
        writers.shutdown();
        assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        int acked = acks.get();

        Child second = Child.start(home, "second");
        try {
            Http http = new Http(second.awaitReady());
            int found = 0;
            List<String> missing = new ArrayList<>();
            for (var channel : acknowledged.entrySet()) {
                Set<String> stored = new HashSet<>();
                http.get("/local/api/messages?channel=" + channel.getKey())
                        .json()
                        .forEach(m -> stored.add(m.get("text").asText()));
                for (String text : channel.getValue()) {
                    if (stored.contains(text)) {
                        found++;
                    } else {
                        missing.add(text);
                    }
                }
            }
            System.out.printf(
                    "crash test: %d writes acknowledged before kill -9, %d found after restart, %d lost%n",
                    acked, found, missing.size());
            assertThat(acked).as("writes acknowledged before the kill").isGreaterThanOrEqualTo(KILL_AFTER);
            assertThat(missing).as("acknowledged writes lost to the crash").isEmpty();
        } finally {
            second.process.destroy();
            second.process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Posts until the server stops answering; remembers each message the server acknowledged with 201. */
    private static void write(Http http, String channel, Set<String> acknowledged, AtomicInteger acks) {
        for (int i = 0; ; i++) {
            String text = channel + " message " + i;
            Http.Answer answer;
            try {
                answer = http.post(
                        "/local/api/messages", Http.json(Map.of("channel", channel, "user", "writer", "text", text)));
            } catch (UncheckedIOException e) {
                return;
            }
            if (answer.status() == 201) {
                acknowledged.add(text);
                acks.incrementAndGet();
            }
        }
    }

    /** The real main() in a JVM of its own, working in {@code home} so the default ./data/shoptalk is used. */
    private record Child(String name, Process process, int port, Path log) {
        static Child start(Path home, String name) throws IOException {
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // Surefire may hand the fork a one-entry manifest jar as java.class.path; it names the real path here.
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            Path log = home.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(
                            java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classpath, Main.class.getName())
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.keySet()
                    .removeIf(k -> k.startsWith("SHOPTALK_") || k.startsWith("SLACK_") || k.startsWith("MICROSOFT_"));
            int port = freePort();
            env.put("SHOPTALK_PORT", Integer.toString(port));
            String url = System.getProperty("shoptalk.crash.dbUrl", "");
            if (!url.isBlank()) {
                env.put("SHOPTALK_DB_URL", url);
            }
            return new Child(name, builder.start(), port, log);
        }

        int awaitReady() throws InterruptedException {
            Http http = new Http(port);
            Await.until(() -> !process.isAlive() || ready(http), START_LIMIT);
            assertThat(process.isAlive())
                    .as(name + " instance is running; its log: " + output())
                    .isTrue();
            return port;
        }

        private static boolean ready(Http http) {
            try {
                return http.get("/readyz").status() == 200;
            } catch (UncheckedIOException e) {
                return false;
            }
        }

        private String output() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(unreadable: " + e.getMessage() + ")";
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package org.shoptalk.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the suite starts (the app's jar, or the bare handler), so its CPU time and resident memory are its own and
 * not the load generator's. Output goes to a log file under bench/target.
 */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final long startedNanos;
    final int port;

    private ChildJvm(Process process, long startedNanos, int port) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.port = port;
    }

    /** Starts {@code java <jvmOptions> <main...>} with the environment added; SHOPTALK_PORT is set to a free port. */
    static ChildJvm start(List<String> jvmOptions, List<String> main, Map<String, String> env, Path dir, String name)
            throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(main);
        Files.createDirectories(dir);
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().putAll(env);
        pb.environment().put("SHOPTALK_PORT", Integer.toString(port));
        long started = System.nanoTime();
        return new ChildJvm(pb.start(), started, port);
    }

    /** Polls {@code path} until it answers 200; gives the milliseconds since the process was started. */
    long awaitReady(String path, Duration timeout) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the child JVM exited with " + process.exitValue() + "; see its log");
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("not ready within " + timeout);
    }

    /** Resident memory (VmRSS from /proc), in MB. */
    double rssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    /** CPU time the process has used so far (user and system), in milliseconds. */
    double cpuMillis() {
        return process.toHandle()
                .info()
                .totalCpuDuration()
                .map(d -> d.toNanos() / 1e6)
                .orElse(Double.NaN);
    }

    /** Stops it the way an orchestrator does (SIGTERM, shutdown hooks run) and waits. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

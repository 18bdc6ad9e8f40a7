package org.shoptalk.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.shoptalk.core.db.DbSettings;

/** The test's handle on one {@link ClusterMember} process: start it, give it commands, stop or kill it. */
final class ClusterNode implements AutoCloseable {
    private final String id;
    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final AtomicInteger posted = new AtomicInteger();
    private final List<String> log = new CopyOnWriteArrayList<>();
    /** Prompts this instance holds, as "channel<TAB>before|landed". */
    private final List<String> held = new CopyOnWriteArrayList<>();

    private ClusterNode(String id, Process process) {
        this.id = id;
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::read, "cluster-node-" + id);
        reader.setDaemon(true);
        reader.start();
    }

    static ClusterNode start(String id, DbSettings db, Duration chatLatency) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Surefire may hand the fork a one-entry manifest jar as java.class.path; it names the real path here.
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-XX:TieredStopAtLevel=1",
                        "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener",
                        "-cp",
                        classpath,
                        ClusterMember.class.getName(),
                        db.url(),
                        db.user(),
                        db.password(),
                        id,
                        String.valueOf(chatLatency.toMillis()))
                .redirectErrorStream(true);
        try {
            return new ClusterNode(id, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start instance " + id, e);
        }
    }

    String id() {
        return id;
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        if (!ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("instance " + id + " did not start within " + timeout
                    + (process.isAlive() ? "" : " (exited with " + process.exitValue() + ")"));
        }
    }

    /** Types {@code /shoptalk text} in a local channel through this instance and returns Shoptalk's reply. */
    String command(String channel, String user, String text) throws InterruptedException {
        return send("post\t" + channel + "\t" + user + "\t/shoptalk " + text);
    }

    /**
     * From now on the instance holds each round prompt for a channel whose name starts with {@code prefix} on its way
     * to the platform, alternately before and after it lands, until {@link #release}: a moment of it stays running.
     */
    void hold(String prefix) throws InterruptedException {
        send(ClusterMember.HOLD + "\t" + prefix);
    }

    /** Lets the prompts held for {@code prefix} go on, and those to come through. */
    void release(String prefix) throws InterruptedException {
        send(ClusterMember.RELEASE + "\t" + prefix);
    }

    /** The prompts for channels starting with {@code prefix} this instance held, "channel<TAB>before|landed". */
    List<String> held(String prefix) {
        return held.stream().filter(h -> h.startsWith(prefix)).toList();
    }

    /** Prompts for channels starting with {@code prefix} this instance holds before they land. */
    long heldBeforeLanding(String prefix) {
        return held(prefix, ClusterMember.BEFORE);
    }

    /** Prompts for channels starting with {@code prefix} this instance holds after they landed, before it knows. */
    long heldAfterLanding(String prefix) {
        return held(prefix, ClusterMember.LANDED);
    }

    private long held(String prefix, String when) {
        return held.stream()
                .filter(h -> h.startsWith(prefix) && h.endsWith("\t" + when))
                .count();
    }

    private String send(String line) throws InterruptedException {
        try {
            commands.write(line + "\n");
            commands.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("instance " + id + " is not listening", e);
        }
        String reply = replies.poll(30, TimeUnit.SECONDS);
        if (reply == null) {
            throw new IllegalStateException("instance " + id + " did not answer \"" + line + "\" within 30 s");
        }
        return reply;
    }

    /** Round prompts this instance got onto the chat platform so far. */
    int posted() {
        return posted.get();
    }

    /** Ends the process at once, as a crash or a pulled plug would: no shutdown hooks, no goodbye to the cluster. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("instance " + id + " survived being killed");
        }
    }

    /** How many lines the instance logged that contain this text. */
    long logged(String text) {
        return log.stream().filter(line -> line.contains(text)).count();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Lets the instance stop cleanly (end of input), killing it if it takes too long. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        try {
            commands.close();
        } catch (IOException e) {
            // it is going away either way
        }
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void read() {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals(ClusterMember.READY)) {
                    ready.countDown();
                } else if (line.startsWith(ClusterMember.REPLY)) {
                    replies.add(line.substring(ClusterMember.REPLY.length()));
                } else if (line.startsWith(ClusterMember.POSTED)) {
                    posted.incrementAndGet();
                } else if (line.startsWith(ClusterMember.HELD)) {
                    held.add(line.substring(ClusterMember.HELD.length()));
                } else {
                    log.add(line);
                    System.out.println("[" + id + "] " + line);
                }
            }
        } catch (IOException e) {
            // the process was killed while we read
        }
    }
}

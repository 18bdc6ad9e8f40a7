package org.shoptalk.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Proves that code did not sleep, without timing it: Java Flight Recorder's {@code jdk.ThreadSleep} event
 * records every {@code Thread.sleep} in the JVM while the watch runs. {@link #sleeps()} keeps those on the
 * thread that started the watch and those with one of our own frames on their stack (an interceptor sleeping
 * on an HTTP client's thread, say); the rest of the JVM (database, web server) is none of the test's business.
 * Not thread-safe: one test thread starts, reads and closes a watch.
 */
public final class SleepWatch implements AutoCloseable {
    private static final String OURS = "org.shoptalk.";

    /** One sleep: where it happened and for how long it was asked to last. */
    public record Sleep(String thread, Duration requested, String sleptIn) {}

    private final Recording recording = new Recording();
    private final long watcher = Thread.currentThread().getId();
    private List<Sleep> sleeps;

    private SleepWatch() {
        recording.enable("jdk.ThreadSleep").withThreshold(Duration.ZERO).withStackTrace();
        recording.start();
    }

    /** Starts recording sleeps. */
    public static SleepWatch start() {
        return new SleepWatch();
    }

    /** Stops the watch and tells which of the sleeps it saw concern the code under test. */
    public List<Sleep> sleeps() {
        if (sleeps == null) {
            recording.stop();
            try {
                Path file = Files.createTempFile("sleep-watch", ".jfr");
                try {
                    recording.dump(file);
                    sleeps = RecordingFile.readAllEvents(file).stream()
                            .filter(this::concernsUs)
                            .map(SleepWatch::sleep)
                            .toList();
                } finally {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sleeps;
    }

    private boolean concernsUs(RecordedEvent event) {
        if (event.getThread() != null && event.getThread().getJavaThreadId() == watcher) {
            return true;
        }
        return event.getStackTrace() != null
                && event.getStackTrace().getFrames().stream()
                        .anyMatch(f -> f.isJavaFrame()
                                && f.getMethod().getType().getName().startsWith(OURS)
                                && !f.getMethod().getType().getName().startsWith(SleepWatch.class.getName()));
    }

    private static Sleep sleep(RecordedEvent event) {
        String where = event.getStackTrace() == null
                ? "?"
                : event.getStackTrace().getFrames().stream()
                        .filter(RecordedFrame::isJavaFrame)
                        .map(f -> f.getMethod().getType().getName() + "."
                                + f.getMethod().getName())
                        .filter(name -> !name.startsWith("java.lang.Thread."))
                        .findFirst()
                        .orElse("?");
        return new Sleep(
                event.getThread() == null ? "?" : event.getThread().getJavaName(), event.getDuration("time"), where);
    }

    @Override
    public void close() {
        recording.close();
    }
}

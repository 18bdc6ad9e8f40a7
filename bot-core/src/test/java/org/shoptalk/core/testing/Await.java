package org.shoptalk.core.testing;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for something to become true, polling, with a deadline: how tests wait on work other threads do. */
public final class Await {
    private Await() {}

    /**
     * Returns once {@code condition} holds.
     *
     * @throws AssertionError when the condition is still false after {@code within}
     */
    public static void until(BooleanSupplier condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + within.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }

    /**
     * Reads {@code read} until it gives at least {@code count} items, polling every 20 ms, and returns that read.
     *
     * @param what what is counted, for the failure message: "call(s) to /api/chat.postMessage"
     * @throws AssertionError when fewer than {@code count} are there after {@code within}, saying how many were
     */
    public static <T> List<T> atLeast(int count, Supplier<List<T>> read, Duration within, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        List<T> found = read.get();
        while (found.size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            found = read.get();
        }
        if (found.size() < count) {
            throw new AssertionError("expected " + count + " " + what + ", got " + found.size());
        }
        return found;
    }
}

package org.shoptalk.core.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

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
}

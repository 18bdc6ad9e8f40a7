package org.shoptalk.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Races: actions started at the same moment, each on a thread of its own. */
public final class Together {
    private Together() {}

    /**
     * Runs the actions at once and returns when all have ended.
     *
     * @throws ExecutionException wrapping the first failure of an action
     */
    public static void run(Runnable... actions) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(actions.length);
        CyclicBarrier start = new CyclicBarrier(actions.length);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (Runnable action : actions) {
                all.add(pool.submit(() -> {
                    start.await();
                    action.run();
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

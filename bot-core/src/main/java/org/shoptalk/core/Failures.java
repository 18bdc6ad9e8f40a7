package org.shoptalk.core;

import java.util.IdentityHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.db.DatabaseUnavailableException;

/**
 * Tells a failure that may pass from one that will come back on every retry, by the type of the exception
 * or of one of its causes. Transient: the database is away, a platform call failed in a way worth retrying,
 * the instance is shutting down. Everything else (a payload core cannot take, a value the database refuses,
 * a bug) is permanent. Adapters answer transient failures with 503 so the platform redelivers, and
 * permanent ones with a 4xx, so a request that can never succeed is not retried. Stateless and thread-safe.
 */
public final class Failures {
    private Failures() {}

    public static boolean isTransient(Throwable failure) {
        IdentityHashMap<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof DatabaseUnavailableException || t instanceof RejectedExecutionException) {
                return true;
            }
            if (t instanceof ChatPlatformException p) {
                return !p.permanent();
            }
        }
        return false;
    }

    /**
     * The result of work started beside the calling thread, waiting for it; a failure there is thrown here as it was
     * thrown there (a {@link RuntimeException} or an {@link Error} unwrapped from the {@link ExecutionException}), so
     * callers handle it as if the work had run on their own thread.
     *
     * @param what what is being waited for, for the exception when the waiting thread is interrupted
     * @throws IllegalStateException for a checked failure of the work, or when interrupted while waiting
     */
    public static <T> T await(Future<T> work, String what) {
        try {
            return work.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        }
    }

    /** A failure as a log may show it: its type and where it was thrown, never its message (it may quote people). */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        IdentityHashMap<Throwable, Boolean> seen = new IdentityHashMap<>();
        while (root.getCause() != null && seen.put(root, Boolean.TRUE) == null) {
            root = root.getCause();
        }
        StackTraceElement[] trace = failure.getStackTrace();
        return failure.getClass().getName()
                + (root == failure ? "" : " (caused by " + root.getClass().getName() + ")") + " at "
                + (trace.length == 0 ? "?" : trace[0]);
    }
}

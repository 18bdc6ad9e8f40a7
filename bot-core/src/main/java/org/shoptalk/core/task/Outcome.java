package org.shoptalk.core.task;

import java.time.Instant;
import java.util.Objects;

/**
 * How one run of a task ended, as its runner tells the scheduler, which plans what follows. Code acting on an
 * outcome switches over {@link #kind()} in a switch expression, so every kind is handled (Java 17 has no
 * exhaustive switch over sealed records).
 *
 * @param kind      what the scheduler does next
 * @param notBefore for {@link Kind#WAIT}, when the platform allows the next try; otherwise null
 * @param reason    for {@link Kind#RETRY}, a short reason for the log and the leads (never message content)
 */
public record Outcome(Kind kind, Instant notBefore, String reason) {
    public static final Outcome DONE = new Outcome(Kind.DONE, null, null);

    public enum Kind {
        /** Nothing is left to do for this occurrence. */
        DONE,
        /** A platform asked to wait (a rate limit): nothing failed; not a failed attempt, so no retry is used up. */
        WAIT,
        /** Part of the work failed in a way that may pass (a platform hiccup): worth another attempt later. */
        RETRY
    }

    public Outcome {
        Objects.requireNonNull(kind);
        if (kind == Kind.WAIT) {
            Objects.requireNonNull(notBefore, "a wait says until when");
        }
    }

    public static Outcome waitUntil(Instant notBefore) {
        return new Outcome(Kind.WAIT, notBefore, null);
    }

    public static Outcome retry(String reason) {
        return new Outcome(Kind.RETRY, null, reason);
    }

    /** The outcome of two parts of one run: a retry outweighs a wait, the later wait outweighs the earlier. */
    public Outcome and(Outcome other) {
        if (kind == Kind.RETRY || other.kind == Kind.DONE) {
            return this;
        }
        if (other.kind == Kind.RETRY || kind == Kind.DONE) {
            return other;
        }
        return notBefore.isAfter(other.notBefore) ? this : other;
    }
}

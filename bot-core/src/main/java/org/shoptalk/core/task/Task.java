package org.shoptalk.core.task;

/** Work the scheduler runs at a planned time. Each kind carries only the id it acts on. */
public sealed interface Task {

    long id();

    /** Stable name of the task, also its Quartz job name: "moment-12". */
    default String key() {
        return kind() + "-" + id();
    }

    default String kind() {
        if (this instanceof Moment) {
            return "moment";
        }
        if (this instanceof Digest) {
            return "digest";
        }
        if (this instanceof Connect) {
            return "connect";
        }
        if (this instanceof Pairs) {
            return "pairs";
        }
        return this instanceof Review ? "review" : "reminder";
    }

    /** A scheduled reflection moment (schedule id). */
    record Moment(long id) implements Task {
    }

    /** A guild's weekly digest (guild id). */
    record Digest(long id) implements Task {
    }

    /** The gentle reminder of a round (round id). */
    record Reminder(long id) implements Task {
    }

    /** The "connect the answers" check of a round (round id). */
    record Connect(long id) implements Task {
    }

    /** Forming professional-friend pairs in a guild (guild id). */
    record Pairs(long id) implements Task {
    }

    /** The accountability moment of a goal (goal id). */
    record Review(long id) implements Task {
    }

    static Task of(String kind, long id) {
        return switch (kind) {
            case "moment" -> new Moment(id);
            case "digest" -> new Digest(id);
            case "reminder" -> new Reminder(id);
            case "connect" -> new Connect(id);
            case "pairs" -> new Pairs(id);
            case "review" -> new Review(id);
            default -> throw new IllegalArgumentException("unknown task kind " + kind);
        };
    }
}

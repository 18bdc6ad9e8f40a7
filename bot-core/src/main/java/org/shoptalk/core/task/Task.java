package org.shoptalk.core.task;

import java.util.Locale;

/**
 * Work the scheduler runs at a planned time. Each kind carries only the id it acts on. Code that acts on a
 * task switches over {@link #kind()} in a switch expression, so a new kind that nobody handles is a compile
 * error rather than a task that silently does nothing.
 */
public sealed interface Task {

    /** The kinds of task; their lower-case names are part of the Quartz job names stored in the database. */
    enum Kind {
        MOMENT,
        DIGEST,
        REMINDER,
        CONNECT,
        PAIRS,
        REVIEW,
        HOUSEKEEPING,
        INTERVISIE,
        CHECKIN,
        POSTS,
        FOLLOW_UPS;

        /** Stable name, as stored: "moment". */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * The kind stored under {@code key}.
         *
         * @throws IllegalArgumentException for a name no kind has
         */
        public static Kind parse(String key) {
            return valueOf(key.toUpperCase(Locale.ROOT));
        }
    }

    long id();

    Kind kind();

    /** Stable name of the task, also its Quartz job name: "moment-12". */
    default String key() {
        return kind().key() + "-" + id();
    }

    /** A scheduled reflection moment (schedule id). */
    record Moment(long id) implements Task {
        @Override
        public Kind kind() {
            return Kind.MOMENT;
        }
    }

    /** A guild's weekly digest (guild id). */
    record Digest(long id) implements Task {
        @Override
        public Kind kind() {
            return Kind.DIGEST;
        }
    }

    /** The gentle reminder of a round (round id). */
    record Reminder(long id) implements Task {
        @Override
        public Kind kind() {
            return Kind.REMINDER;
        }
    }

    /** The "connect the answers" check of a round (round id). */
    record Connect(long id) implements Task {
        @Override
        public Kind kind() {
            return Kind.CONNECT;
        }
    }

    /** Forming professional-friend pairs in a guild (guild id). */
    record Pairs(long id) implements Task {
        @Override
        public Kind kind() {
            return Kind.PAIRS;
        }
    }

    /** The accountability moment of a goal (goal id). */
    record Review(long id) implements Task {
        @Override
        public Kind kind() {
            return Kind.REVIEW;
        }
    }

    /** The installation's daily clean-up (id 0: there is one). */
    record Housekeeping(long id) implements Task {
        public static final Housekeeping DAILY = new Housekeeping(0);

        @Override
        public Kind kind() {
            return Kind.HOUSEKEEPING;
        }
    }

    /** The deadline and the reminder of an intervisie's current phase (intervisie id). */
    record Intervisie(long id) implements Task {
        @Override
        public Kind kind() {
            return Kind.INTERVISIE;
        }
    }

    /** The one check-in of professional friends a week after pairing (pairing id; docs/rhythm.md). */
    record CheckIn(long id) implements Task {
        @Override
        public Kind kind() {
            return Kind.CHECKIN;
        }
    }

    /**
     * The posts of a round asked for now (a typed {@code moment}) that a platform refused for a while or delayed
     * (round id): tried again until they land or are given up, as a scheduled moment's are.
     */
    record Posts(long id) implements Task {
        @Override
        public Kind kind() {
            return Kind.POSTS;
        }
    }

    /**
     * Plans on Quartz the follow-ups of rounds opened lately, which their openings left in an outbox (id 0: there is
     * one; {@link RoundFollowUps}).
     */
    record FollowUps(long id) implements Task {
        public static final FollowUps RELAY = new FollowUps(0);

        @Override
        public Kind kind() {
            return Kind.FOLLOW_UPS;
        }
    }

    static Task of(Kind kind, long id) {
        return switch (kind) {
            case MOMENT -> new Moment(id);
            case DIGEST -> new Digest(id);
            case REMINDER -> new Reminder(id);
            case CONNECT -> new Connect(id);
            case PAIRS -> new Pairs(id);
            case REVIEW -> new Review(id);
            case HOUSEKEEPING -> new Housekeeping(id);
            case INTERVISIE -> new Intervisie(id);
            case CHECKIN -> new CheckIn(id);
            case POSTS -> new Posts(id);
            case FOLLOW_UPS -> new FollowUps(id);
        };
    }
}

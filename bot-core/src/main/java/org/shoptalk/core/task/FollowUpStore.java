package org.shoptalk.core.task;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.shoptalk.core.db.Handle;

/**
 * The table {@code round_follow_up}: what follows each round's opening, from the opening until the relay has planned
 * it on Quartz (a transactional outbox; {@link RoundFollowUps}). Stateless and thread-safe.
 */
final class FollowUpStore {

    /** A round's follow-ups still to plan; a null time: nothing of that kind. */
    record Pending(long roundId, Instant reminderAt, Instant connectAt) {}

    /** Records the round's follow-ups, in the transaction that opens it. */
    void add(Handle h, long roundId, Instant reminderAt, Instant connectAt) {
        h.update(
                "INSERT INTO round_follow_up (round_id, reminder_at, connect_at) VALUES (?, ?, ?)",
                roundId,
                reminderAt,
                connectAt);
    }

    /** Up to {@code limit} rounds whose follow-ups are still to plan, oldest round first. */
    List<Pending> pending(Handle h, int limit) {
        return h.query(
                "SELECT round_id, reminder_at, connect_at FROM round_follow_up ORDER BY round_id" + " FETCH FIRST "
                        + limit + " ROWS ONLY",
                rs -> new Pending(
                        rs.getLong("round_id"), Handle.instant(rs, "reminder_at"), Handle.instant(rs, "connect_at")));
    }

    /** Forgets these rounds' follow-ups once planned; rows added meanwhile stay. */
    void remove(Handle h, List<Long> roundIds) {
        if (roundIds.isEmpty()) {
            return;
        }
        h.update(
                "DELETE FROM round_follow_up WHERE round_id IN ("
                        + String.join(", ", Collections.nCopies(roundIds.size(), "?")) + ")",
                roundIds.toArray());
    }
}

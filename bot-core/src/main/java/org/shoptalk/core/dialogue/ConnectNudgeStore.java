package org.shoptalk.core.dialogue;

import java.time.Instant;
import org.shoptalk.core.db.Handle;

/** The table {@code connect_nudge}: at most one "connect the answers" nudge per round. Stateless and thread-safe. */
public final class ConnectNudgeStore {

    /** Claims the round's nudge; false when it was claimed before (a retry, another instance). */
    public boolean claim(Handle h, long roundId, Instant now) {
        return h.insertIfAbsent("INSERT INTO connect_nudge (round_id, posted_at) VALUES (?, ?)", roundId, now);
    }
}

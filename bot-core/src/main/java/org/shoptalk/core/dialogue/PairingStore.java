package org.shoptalk.core.dialogue;

import java.time.Instant;
import java.util.Optional;
import org.shoptalk.core.db.Handle;

/**
 * Professional-friend pairs as stored, for retention. (The pairing rules and their other statements live in
 * {@link Pairing}; the stores work moves them here.) Stateless, thread-safe.
 */
public final class PairingStore {

    /**
     * Retention: removes the guild's pairs formed before {@code cutoff}.
     *
     * @return how many pairs were removed
     */
    public int purgeOlderThan(Handle h, long guildId, Instant cutoff) {
        return h.update("DELETE FROM pairing WHERE guild_id = ? AND formed_at < ?", guildId, cutoff);
    }

    /** When the guild's oldest kept pair was formed; empty when it has none. */
    public Optional<Instant> oldest(Handle h, long guildId) {
        return h.queryOne(
                        "SELECT MIN(formed_at) AS oldest FROM pairing WHERE guild_id = ?",
                        rs -> Optional.ofNullable(Handle.instant(rs, "oldest")),
                        guildId)
                .flatMap(o -> o);
    }
}

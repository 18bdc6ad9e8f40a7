package org.shoptalk.core.intervisie;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Handle;

/** The table of guilds' own intervisie methods ({@code intervisie_method}, V96). Each call runs in the caller's handle. */
final class GuildMethodStore {
    /** The guild's methods as stored (one JSON object each), in the order they were added. */
    List<String> sources(Handle h, long guildId) {
        return h.query(
                "SELECT source FROM intervisie_method WHERE guild_id = ? ORDER BY added_at, id",
                rs -> rs.getString(1),
                guildId);
    }

    List<String> ids(Handle h, long guildId) {
        return h.query(
                "SELECT id FROM intervisie_method WHERE guild_id = ? ORDER BY added_at, id",
                rs -> rs.getString(1),
                guildId);
    }

    void insert(Handle h, long guildId, String id, String source, UserRef by, Instant now) {
        h.update(
                "INSERT INTO intervisie_method (guild_id, id, source, added_by, added_at) VALUES (?, ?, ?, ?, ?)",
                guildId,
                id,
                source,
                by.id(),
                now);
    }

    /** The first session of the guild, running or paused, that uses method {@code id}. */
    Optional<Long> openSessionUsing(Handle h, long guildId, String id) {
        return h
                .query(
                        "SELECT id FROM intervisie WHERE guild_id = ? AND method = ? AND state IN (?, ?) ORDER BY id",
                        rs -> rs.getLong(1),
                        guildId,
                        id,
                        Session.State.RUNNING,
                        Session.State.PAUSED)
                .stream()
                .findFirst();
    }

    void delete(Handle h, long guildId, String id) {
        h.update("DELETE FROM intervisie_method WHERE guild_id = ? AND id = ?", guildId, id);
    }
}

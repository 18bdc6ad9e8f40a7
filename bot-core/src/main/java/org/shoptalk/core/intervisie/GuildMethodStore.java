package org.shoptalk.core.intervisie;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Handle;

/**
 * The table of guilds' own intervisie methods ({@code intervisie_method}, V96; a removed one is kept, marked, V98). Each
 * call runs in the caller's handle.
 */
final class GuildMethodStore {
    /** The guild's methods as stored (one JSON object each), in the order they were added; removed ones not. */
    List<String> sources(Handle h, long guildId) {
        return h.query(
                "SELECT source FROM intervisie_method WHERE guild_id = ? AND removed = FALSE ORDER BY added_at, id",
                rs -> rs.getString(1),
                guildId);
    }

    List<String> ids(Handle h, long guildId) {
        return h.query(
                "SELECT id FROM intervisie_method WHERE guild_id = ? AND removed = FALSE ORDER BY added_at, id",
                rs -> rs.getString(1),
                guildId);
    }

    /** The source of a method of the guild that was removed, for the sessions that ran with it. */
    Optional<String> removedSource(Handle h, long guildId, String id) {
        return h.queryOne(
                "SELECT source FROM intervisie_method WHERE guild_id = ? AND id = ? AND removed = TRUE",
                rs -> rs.getString(1),
                guildId,
                id);
    }

    /** Stores a method; one removed before under the same id is replaced (the sessions it ran then take this name). */
    void insert(Handle h, long guildId, String id, String source, UserRef by, Instant now) {
        h.update("DELETE FROM intervisie_method WHERE guild_id = ? AND id = ? AND removed = TRUE", guildId, id);
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

    /** Marks the method removed: no longer offered, still there to name the sessions that ran with it. */
    void remove(Handle h, long guildId, String id) {
        h.update("UPDATE intervisie_method SET removed = TRUE WHERE guild_id = ? AND id = ?", guildId, id);
    }
}

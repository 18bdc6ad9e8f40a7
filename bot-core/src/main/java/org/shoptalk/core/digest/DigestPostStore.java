package org.shoptalk.core.digest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.db.Handle;

/**
 * The tables {@code digest_post} (a scheduled digest's period, once per dedupe key) and {@code digest_channel} (its
 * delivery to each channel: PENDING, POSTING, POSTED or FAILED). Holds nothing about people. Stateless and
 * thread-safe.
 */
final class DigestPostStore {

    /** A digest's period: {@code (from, to]}. */
    record Period(Instant from, Instant to) {}

    /** Records the period under the key; false when it was recorded before. */
    boolean record(Handle h, long guildId, String dedupeKey, Period period, Instant now) {
        return h.insertIfAbsent(
                "INSERT INTO digest_post (guild_id, dedupe_key, period_from, period_to, posted_at)"
                        + " VALUES (?, ?, ?, ?, ?)",
                guildId,
                dedupeKey,
                period.from(),
                period.to(),
                now);
    }

    void addPending(Handle h, long guildId, String dedupeKey, ChannelRef c) {
        h.update(
                "INSERT INTO digest_channel (guild_id, dedupe_key, channel_id, tenant, state)"
                        + " VALUES (?, ?, ?, ?, 'PENDING')",
                guildId,
                dedupeKey,
                c.id(),
                c.tenant().key());
    }

    /** The channel ids an earlier run claimed and did not finish (its post may or may not have landed), in order. */
    List<String> claimed(Handle h, long guildId, String dedupeKey) {
        return h.query(
                "SELECT channel_id FROM digest_channel"
                        + " WHERE guild_id = ? AND dedupe_key = ? AND state = 'POSTING' ORDER BY channel_id",
                rs -> rs.getString(1),
                guildId,
                dedupeKey);
    }

    Optional<Period> period(Handle h, long guildId, String dedupeKey) {
        return h.queryOne(
                "SELECT period_from, period_to FROM digest_post WHERE guild_id = ? AND dedupe_key = ?",
                rs -> new Period(Handle.instant(rs, "period_from"), Handle.instant(rs, "period_to")),
                guildId,
                dedupeKey);
    }

    /** The channel ids still pending, in order. */
    List<String> pending(Handle h, long guildId, String dedupeKey) {
        return h.query(
                "SELECT channel_id FROM digest_channel"
                        + " WHERE guild_id = ? AND dedupe_key = ? AND state = 'PENDING' ORDER BY channel_id",
                rs -> rs.getString(1),
                guildId,
                dedupeKey);
    }

    /** The channel ids pending or being posted, in order. */
    List<String> unfinished(Handle h, long guildId, String dedupeKey) {
        return h.query(
                "SELECT channel_id FROM digest_channel WHERE guild_id = ? AND dedupe_key = ?"
                        + " AND state IN ('PENDING', 'POSTING') ORDER BY channel_id",
                rs -> rs.getString(1),
                guildId,
                dedupeKey);
    }

    void failUnfinished(Handle h, long guildId, String dedupeKey) {
        h.update(
                "UPDATE digest_channel SET state = 'FAILED' WHERE guild_id = ? AND dedupe_key = ?"
                        + " AND state IN ('PENDING', 'POSTING')",
                guildId,
                dedupeKey);
    }

    /** Moves one channel's delivery from state {@code from} to {@code to}; false when it was not in {@code from}. */
    boolean setState(Handle h, long guildId, String dedupeKey, String channelId, String from, String to) {
        return h.update(
                        "UPDATE digest_channel SET state = ? WHERE guild_id = ? AND dedupe_key = ?"
                                + " AND channel_id = ? AND state = ?",
                        to,
                        guildId,
                        dedupeKey,
                        channelId,
                        from)
                == 1;
    }
}

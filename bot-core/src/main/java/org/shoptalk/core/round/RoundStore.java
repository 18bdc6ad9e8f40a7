package org.shoptalk.core.round;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.db.Handle;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.prompt.Prompt;
import org.shoptalk.core.prompt.Theme;

/** Rounds and where they were posted. Thread-safe. */
public final class RoundStore {
    private static final String COLUMNS = "r.id, r.guild_id, r.schedule_id, r.prompt_id, r.theme, r.prompt_text,"
            + " r.prompt_why, r.language, r.opened_at, r.closes_at";

    /** Opens a round unless one with this dedupe key exists; empty when another run already opened it. */
    public Optional<Round> open(
            Handle h,
            long guildId,
            Long scheduleId,
            String dedupeKey,
            Prompt prompt,
            Language language,
            Instant openedAt,
            Instant closesAt) {
        Optional<Long> id = h.insertIfAbsentReturningId(
                "INSERT INTO round (guild_id, schedule_id, dedupe_key, prompt_id, theme, prompt_text,"
                        + " prompt_why, language, opened_at, closes_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                guildId,
                scheduleId,
                dedupeKey,
                prompt.id(),
                prompt.theme().key(),
                prompt.text(language),
                prompt.why(language),
                language.code(),
                openedAt,
                closesAt);
        // The round as just written, not read back: one round trip less per moment (issue 13).
        return id.map(roundId -> new Round(
                roundId,
                guildId,
                scheduleId,
                prompt.id(),
                prompt.theme(),
                prompt.text(language),
                prompt.why(language),
                language,
                openedAt,
                closesAt));
    }

    /**
     * Retention: removes the guild's rounds opened before {@code cutoff} that hold no answer any more (purge the
     * answers first), with what hangs on them (their thread posts, reminders sent, connect nudges: the schema
     * cascades). A round with an answer younger than the cutoff stays with it.
     *
     * @return how many rounds were removed
     */
    public int purgeOlderThan(Handle h, long guildId, Instant cutoff) {
        return h.update(
                "DELETE FROM round WHERE guild_id = ? AND opened_at < ?"
                        + " AND NOT EXISTS (SELECT 1 FROM answer a WHERE a.round_id = round.id)",
                guildId,
                cutoff);
    }

    /** When the guild's oldest kept round opened; empty when it has none. */
    public Optional<Instant> oldest(Handle h, long guildId) {
        return h.queryOne(
                        "SELECT MIN(opened_at) AS oldest FROM round WHERE guild_id = ?",
                        rs -> Optional.ofNullable(Handle.instant(rs, "oldest")),
                        guildId)
                .flatMap(o -> o);
    }

    public Optional<Round> find(Handle h, long roundId) {
        return h.queryOne("SELECT " + COLUMNS + " FROM round r WHERE r.id = ?", RoundStore::map, roundId);
    }

    /** Rounds opened after {@code from} up to and including {@code to}: consecutive periods never share a round. */
    public List<Round> openedBetween(Handle h, long guildId, Instant from, Instant to) {
        return h.query(
                "SELECT " + COLUMNS + " FROM round r WHERE r.guild_id = ? AND r.opened_at > ? AND r.opened_at <= ?"
                        + " ORDER BY r.opened_at, r.id",
                RoundStore::map,
                guildId,
                from,
                to);
    }

    public void addPending(Handle h, long roundId, ChannelRef channel) {
        add(h, roundId, channel, "PENDING");
    }

    /** Adds a post that the run adding it claims at once, as {@link #claim} would right after adding it pending. */
    public void addClaimed(Handle h, long roundId, ChannelRef channel) {
        add(h, roundId, channel, "POSTING");
    }

    private static void add(Handle h, long roundId, ChannelRef channel, String state) {
        h.insertIfAbsent(
                "INSERT INTO round_post (round_id, tenant, channel_id, state) VALUES (?, ?, ?, ?)",
                roundId,
                channel.tenant().key(),
                channel.id(),
                state);
    }

    /** Claims a pending post for this instance; false when another run has it already. */
    public boolean claim(Handle h, long roundId, ChannelRef channel) {
        return h.update(
                        "UPDATE round_post SET state = 'POSTING' WHERE round_id = ? AND channel_id = ? AND state = 'PENDING'",
                        roundId,
                        channel.id())
                == 1;
    }

    /** Hands a claimed post back, so the next run may claim it; false when it is no longer claimed. */
    public boolean release(Handle h, long roundId, ChannelRef channel) {
        return h.update(
                        "UPDATE round_post SET state = 'PENDING' WHERE round_id = ? AND channel_id = ? AND state = 'POSTING'",
                        roundId,
                        channel.id())
                == 1;
    }

    public Optional<Round> findByDedupeKey(Handle h, String dedupeKey) {
        return h.queryOne("SELECT " + COLUMNS + " FROM round r WHERE r.dedupe_key = ?", RoundStore::map, dedupeKey);
    }

    public void markPosted(Handle h, long roundId, ChannelRef channel, String threadId, String permalink, Instant at) {
        h.update(
                "UPDATE round_post SET state = 'POSTED', thread_id = ?, permalink = ?, posted_at = ?"
                        + " WHERE round_id = ? AND channel_id = ?",
                threadId,
                permalink,
                at,
                roundId,
                channel.id());
    }

    public void markFailed(Handle h, long roundId, ChannelRef channel) {
        h.update("UPDATE round_post SET state = 'FAILED' WHERE round_id = ? AND channel_id = ?", roundId, channel.id());
    }

    public List<RoundPost> posts(Handle h, long roundId) {
        return h.query(
                "SELECT round_id, tenant, channel_id, thread_id, permalink, state FROM round_post WHERE round_id = ?"
                        + " ORDER BY channel_id",
                RoundStore::mapPost,
                roundId);
    }

    /** The round whose thread this is, if the thread was started by a round in that channel. */
    public Optional<RoundPost> postByThread(Handle h, ChannelRef channel, String threadId) {
        return h.queryOne(
                "SELECT round_id, tenant, channel_id, thread_id, permalink, state FROM round_post"
                        + " WHERE tenant = ? AND channel_id = ? AND thread_id = ?",
                RoundStore::mapPost,
                channel.tenant().key(),
                channel.id(),
                threadId);
    }

    private static RoundPost mapPost(ResultSet rs) throws SQLException {
        return new RoundPost(
                rs.getLong("round_id"),
                new ChannelRef(Tenant.fromKey(rs.getString("tenant")), rs.getString("channel_id")),
                rs.getString("thread_id"),
                rs.getString("permalink"),
                RoundPost.State.valueOf(rs.getString("state")));
    }

    private static Round map(ResultSet rs) throws SQLException {
        long scheduleId = rs.getLong("schedule_id");
        return new Round(
                rs.getLong("id"),
                rs.getLong("guild_id"),
                rs.wasNull() ? null : scheduleId,
                rs.getString("prompt_id"),
                Theme.parse(rs.getString("theme")).orElse(Theme.CRAFT),
                rs.getString("prompt_text"),
                rs.getString("prompt_why"),
                Language.parse(rs.getString("language")).orElse(Language.EN),
                Handle.instant(rs, "opened_at"),
                Handle.instant(rs, "closes_at"));
    }

    /** How many rounds the schedule opened (a series counts its moments by them). */
    public long roundsOf(Handle h, long scheduleId) {
        return h.count("SELECT COUNT(*) FROM round WHERE schedule_id = ?", scheduleId);
    }

    /** The ids of every round of the tenant's guilds ("forget me" looks for anonymous answers in each). */
    public List<Long> idsInTenant(Handle h, org.shoptalk.core.chat.Tenant tenant) {
        return h.query(
                "SELECT r.id FROM round r JOIN guild g ON g.id = r.guild_id WHERE g.tenant = ?",
                rs -> rs.getLong(1),
                tenant.key());
    }
}

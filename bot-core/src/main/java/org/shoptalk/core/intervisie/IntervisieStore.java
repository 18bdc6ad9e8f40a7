package org.shoptalk.core.intervisie;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.Excerpt;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Handle;
import org.shoptalk.core.i18n.Language;

/** The intervisie tables. Not thread-safe on its own: each call runs in the caller's handle. */
public final class IntervisieStore {
    private static final int MAX_TAKEAWAY = 40_000;
    private static final String COLUMNS = "id, guild_id, tenant, channel_id, thread_id, method, language, bringer,"
            + " state, phase, announced_phase, phase_closes_at";

    long create(
            Handle h, long guildId, ChannelRef channel, String method, Language lang, UserRef bringer, Instant now) {
        long id = h.insert(
                "INSERT INTO intervisie (guild_id, tenant, channel_id, method, language, bringer, state, phase,"
                        + " announced_phase, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, -1, ?)",
                guildId,
                channel.tenant().key(),
                channel.id(),
                method,
                lang.code(),
                bringer.id(),
                Session.State.RUNNING,
                now);
        h.update(
                "INSERT INTO intervisie_member (intervisie_id, user_id, joined_at) VALUES (?, ?, ?)",
                id,
                bringer.id(),
                now);
        return id;
    }

    void posted(Handle h, long id, String threadId, int announced, Instant closesAt) {
        h.update(
                "UPDATE intervisie SET thread_id = ?, announced_phase = ?, phase_closes_at = ? WHERE id = ?",
                threadId,
                announced,
                closesAt,
                id);
    }

    void drop(Handle h, long id) {
        h.update("DELETE FROM intervisie WHERE id = ?", id);
    }

    /** The session, with its row locked until the transaction ends: changes to one session run one at a time. */
    Optional<Session> lock(Handle h, long id) {
        return h.queryOne("SELECT " + COLUMNS + " FROM intervisie WHERE id = ? FOR UPDATE", IntervisieStore::map, id);
    }

    Optional<Session> find(Handle h, long id) {
        return h.queryOne("SELECT " + COLUMNS + " FROM intervisie WHERE id = ?", IntervisieStore::map, id);
    }

    Optional<Long> byThread(Handle h, ChannelRef channel, String threadId) {
        return h.queryOne(
                "SELECT id FROM intervisie WHERE tenant = ? AND channel_id = ? AND thread_id = ?",
                rs -> rs.getLong(1),
                channel.tenant().key(),
                channel.id(),
                threadId);
    }

    List<Session> running(Handle h) {
        return h.query(
                "SELECT " + COLUMNS + " FROM intervisie WHERE state = ? AND phase_closes_at IS NOT NULL",
                IntervisieStore::map,
                Session.State.RUNNING);
    }

    void update(Handle h, long id, Session.State state, int phase, Instant closesAt) {
        h.update(
                "UPDATE intervisie SET state = ?, phase = ?, phase_closes_at = ? WHERE id = ?",
                state,
                phase,
                closesAt,
                id);
    }

    void finish(Handle h, long id, Session.State state, Instant now, int participants) {
        h.update(
                "UPDATE intervisie SET state = ?, phase_closes_at = NULL, finished_at = ?, participants = ?"
                        + " WHERE id = ?",
                state,
                now,
                participants,
                id);
    }

    void announced(Handle h, long id, int phase) {
        h.update("UPDATE intervisie SET announced_phase = ? WHERE id = ? AND announced_phase < ?", phase, id, phase);
    }

    /** Sets the last announced phase back, so the current phase's line is posted again (after a pause). */
    void announceAgainAfter(Handle h, long id, int phase) {
        h.update("UPDATE intervisie SET announced_phase = ? WHERE id = ?", phase, id);
    }

    List<String> members(Handle h, long id) {
        return h.query(
                "SELECT user_id FROM intervisie_member WHERE intervisie_id = ? ORDER BY joined_at, user_id",
                rs -> rs.getString(1),
                id);
    }

    boolean join(Handle h, long id, UserRef user, Instant now) {
        return h.insertIfAbsent(
                "INSERT INTO intervisie_member (intervisie_id, user_id, joined_at) VALUES (?, ?, ?)",
                id,
                user.id(),
                now);
    }

    boolean leave(Handle h, long id, UserRef user) {
        return h.update("DELETE FROM intervisie_member WHERE intervisie_id = ? AND user_id = ?", id, user.id()) > 0;
    }

    void post(Handle h, long id, String messageId, UserRef author, int phase) {
        h.insertIfAbsent(
                "INSERT INTO intervisie_post (intervisie_id, message_id, user_id, phase) VALUES (?, ?, ?, ?)",
                id,
                messageId,
                author.id(),
                phase);
    }

    void unpost(Handle h, ChannelRef channel, String messageId) {
        h.update(
                "DELETE FROM intervisie_takeaway WHERE message_id = ? AND intervisie_id IN"
                        + " (SELECT id FROM intervisie WHERE tenant = ? AND channel_id = ?)",
                messageId,
                channel.tenant().key(),
                channel.id());
        h.update(
                "DELETE FROM intervisie_post WHERE message_id = ? AND intervisie_id IN"
                        + " (SELECT id FROM intervisie WHERE tenant = ? AND channel_id = ?)",
                messageId,
                channel.tenant().key(),
                channel.id());
    }

    /** Keeps a participant's takeaway for their own record (docs/record.md); a retried delivery stores it once. */
    void takeaway(Handle h, long id, String messageId, UserRef author, String text, Instant at) {
        h.insertIfAbsent(
                "INSERT INTO intervisie_takeaway (intervisie_id, message_id, user_id, text, posted_at)"
                        + " VALUES (?, ?, ?, ?, ?)",
                id,
                messageId,
                author.id(),
                Excerpt.cut(text, MAX_TAKEAWAY),
                at);
    }

    /** An edited takeaway message: its record entry reads the new words. */
    void editTakeaway(Handle h, ChannelRef channel, String messageId, String text) {
        h.update(
                "UPDATE intervisie_takeaway SET text = ? WHERE message_id = ? AND intervisie_id IN"
                        + " (SELECT id FROM intervisie WHERE tenant = ? AND channel_id = ?)",
                Excerpt.cut(text, MAX_TAKEAWAY),
                messageId,
                channel.tenant().key(),
                channel.id());
    }

    /** The case-bringer's choice to share the takeaways; false when they were shared already. */
    boolean share(Handle h, long id, Instant now) {
        return h.update("UPDATE intervisie SET shared_at = ? WHERE id = ? AND shared_at IS NULL", now, id) > 0;
    }

    /** Takes the case-bringer's choice back; false when the takeaways were not shared. */
    boolean unshare(Handle h, long id) {
        return h.update("UPDATE intervisie SET shared_at = NULL WHERE id = ? AND shared_at IS NOT NULL", id) > 0;
    }

    boolean isShared(Handle h, long id) {
        return h.count("SELECT COUNT(*) FROM intervisie WHERE id = ? AND shared_at IS NOT NULL", id) > 0;
    }

    /** A participant's agreement to show their own takeaway; false when they had agreed already. */
    boolean consent(Handle h, long id, UserRef user, Instant now) {
        return h.insertIfAbsent(
                "INSERT INTO intervisie_consent (intervisie_id, user_id, agreed_at) VALUES (?, ?, ?)",
                id,
                user.id(),
                now);
    }

    boolean withdraw(Handle h, long id, UserRef user) {
        return h.update("DELETE FROM intervisie_consent WHERE intervisie_id = ? AND user_id = ?", id, user.id()) > 0;
    }

    boolean hasConsented(Handle h, long id, String userId) {
        return h.count("SELECT COUNT(*) FROM intervisie_consent WHERE intervisie_id = ? AND user_id = ?", id, userId)
                > 0;
    }

    boolean hasTakeaway(Handle h, long id, String userId) {
        return h.count("SELECT COUNT(*) FROM intervisie_takeaway WHERE intervisie_id = ? AND user_id = ?", id, userId)
                > 0;
    }

    /**
     * The guild's sessions that finished in {@code (from, to]}, oldest first, each with the takeaways that may be
     * shown beyond the thread: none unless the case-bringer chose to share; then the case-bringer's own and those of
     * participants who agreed, in the order they were posted, as they read now (edited, or gone when deleted).
     */
    static List<Intervisies.Finished> finished(Handle h, long guildId, Instant from, Instant to) {
        record Row(long id, int participants, Instant finishedAt, boolean shared) {}
        List<Row> rows = h.query(
                "SELECT id, participants, finished_at, shared_at FROM intervisie WHERE guild_id = ? AND state = ?"
                        + " AND finished_at > ? AND finished_at <= ? ORDER BY finished_at, id",
                rs -> new Row(
                        rs.getLong("id"),
                        rs.getInt("participants"),
                        Handle.instant(rs, "finished_at"),
                        Handle.instant(rs, "shared_at") != null),
                guildId,
                Session.State.FINISHED,
                from,
                to);
        List<Intervisies.Finished> out = new java.util.ArrayList<>();
        for (Row r : rows) {
            List<String> takeaways = r.shared() ? sharedTakeaways(h, r.id()) : List.of();
            out.add(new Intervisies.Finished(r.finishedAt(), r.participants(), takeaways));
        }
        return out;
    }

    private static List<String> sharedTakeaways(Handle h, long id) {
        return h.query(
                "SELECT t.text FROM intervisie_takeaway t JOIN intervisie i ON i.id = t.intervisie_id"
                        + " WHERE t.intervisie_id = ? AND (t.user_id = i.bringer OR EXISTS (SELECT 1 FROM"
                        + " intervisie_consent c WHERE c.intervisie_id = t.intervisie_id AND c.user_id = t.user_id))"
                        + " ORDER BY t.posted_at, t.message_id",
                rs -> rs.getString(1),
                id);
    }

    /** The time a member reports for a session, replacing an earlier report; false when they are not a member. */
    boolean reportTime(Handle h, long id, UserRef user, int minutes, Instant now) {
        if (!members(h, id).contains(user.id())) {
            return false;
        }
        h.update("DELETE FROM intervisie_time WHERE intervisie_id = ? AND user_id = ?", id, user.id());
        h.update(
                "INSERT INTO intervisie_time (intervisie_id, user_id, minutes, reported_at) VALUES (?, ?, ?, ?)",
                id,
                user.id(),
                minutes,
                now);
        return true;
    }

    List<String> postedIn(Handle h, long id, int phase) {
        return h.query(
                "SELECT DISTINCT user_id FROM intervisie_post WHERE intervisie_id = ? AND phase = ?",
                rs -> rs.getString(1),
                id,
                phase);
    }

    /** Records a reminder or pointer for the person in this phase; false when one of this kind was given already. */
    boolean notice(Handle h, long id, int phase, String userId, String kind) {
        return h.insertIfAbsent(
                "INSERT INTO intervisie_notice (intervisie_id, phase, user_id, kind) VALUES (?, ?, ?, ?)",
                id,
                phase,
                userId,
                kind);
    }

    /**
     * Retention: removes the guild's sessions that finished before {@code cutoff}, with their members, posts and
     * notices (the schema cascades). A session still running is kept, however old.
     *
     * @return how many sessions were removed
     */
    static int purgeOlderThan(Handle h, long guildId, Instant cutoff) {
        return h.update("DELETE FROM intervisie WHERE guild_id = ? AND finished_at < ?", guildId, cutoff);
    }

    /** When the guild's oldest kept finished session finished; empty when it has none. */
    static Optional<Instant> oldest(Handle h, long guildId) {
        return h.queryOne(
                        "SELECT MIN(finished_at) AS oldest FROM intervisie WHERE guild_id = ?",
                        rs -> Optional.ofNullable(Handle.instant(rs, "oldest")),
                        guildId)
                .flatMap(o -> o);
    }

    private static final String IN_TENANT = " AND intervisie_id IN (SELECT id FROM intervisie WHERE tenant = ?)";

    /** "forget me"'s preview: the sessions of the tenant the person joined, and those they brought a case to. */
    public Counts count(Handle h, UserRef user) {
        return new Counts(
                (int) h.count(
                        "SELECT COUNT(*) FROM intervisie_member WHERE user_id = ?" + IN_TENANT,
                        user.id(),
                        user.tenant().key()),
                (int) h.count(
                        "SELECT COUNT(*) FROM intervisie WHERE bringer = ? AND tenant = ?",
                        user.id(),
                        user.tenant().key()));
    }

    /** Sessions a person took part in (their place is removed) and brought a case to (the session stays, unnamed). */
    public record Counts(int joined, int cases) {}

    /**
     * "forget me" (see {@link org.shoptalk.core.privacy.Forgetting}): the person's place in every session of the
     * tenant and what was recorded about them (their posts per phase, reminders sent); sessions they brought a case
     * to stay, without their name. Returns what was changed.
     */
    public Counts forget(Handle h, UserRef user) {
        int joined = 0;
        for (String table : List.of(
                "intervisie_member",
                "intervisie_post",
                "intervisie_notice",
                "intervisie_takeaway",
                "intervisie_time",
                "intervisie_consent")) {
            int n = h.update(
                    "DELETE FROM " + table + " WHERE user_id = ?" + IN_TENANT,
                    user.id(),
                    user.tenant().key());
            if (table.equals("intervisie_member")) {
                joined = n;
            }
        }
        int cases = h.update(
                // The choice to share was the case-bringer's: it goes with them.
                "UPDATE intervisie SET bringer = '', shared_at = NULL WHERE bringer = ? AND tenant = ?",
                user.id(),
                user.tenant().key());
        return new Counts(joined, cases);
    }

    private static Session map(ResultSet rs) throws SQLException {
        Tenant tenant = Tenant.fromKey(rs.getString("tenant"));
        return new Session(
                rs.getLong("id"),
                rs.getLong("guild_id"),
                new ChannelRef(tenant, rs.getString("channel_id")),
                rs.getString("thread_id"),
                rs.getString("method"),
                Language.parse(rs.getString("language")).orElseThrow(),
                new UserRef(tenant, rs.getString("bringer")),
                Session.State.valueOf(rs.getString("state")),
                rs.getInt("phase"),
                rs.getInt("announced_phase"),
                Handle.instant(rs, "phase_closes_at"));
    }
}

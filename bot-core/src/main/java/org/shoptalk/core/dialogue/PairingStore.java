package org.shoptalk.core.dialogue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Handle;
import org.shoptalk.core.guild.Guild;

/**
 * The tables {@code pair_optin} (who wants to be paired, per guild), {@code pairing} (the pairs formed, members
 * as their ids joined by newlines) and {@code pair_checkin} (each member's one check-in and answer). Stateless and
 * thread-safe.
 */
public final class PairingStore {

    public void optIn(Handle h, Guild guild, UserRef user, boolean on) {
        if (on) {
            h.insertIfAbsent("INSERT INTO pair_optin (guild_id, user_id) VALUES (?, ?)", guild.id(), user.id());
        } else {
            h.update("DELETE FROM pair_optin WHERE guild_id = ? AND user_id = ?", guild.id(), user.id());
        }
    }

    /** The opted-in people of the guild, by id. */
    public List<UserRef> optedIn(Handle h, Guild g) {
        return h.query(
                "SELECT user_id FROM pair_optin WHERE guild_id = ? ORDER BY user_id",
                rs -> new UserRef(g.tenant(), rs.getString(1)),
                g.id());
    }

    /** Whether this occurrence's pairs were formed already. */
    public boolean formedAt(Handle h, long guildId, Instant occurrence) {
        return h.count("SELECT COUNT(*) FROM pairing WHERE guild_id = ? AND formed_at = ?", guildId, occurrence) > 0;
    }

    /** Records one pair (or trio); {@code members} are ids joined by newlines. Returns the pair's id. */
    public long add(Handle h, long guildId, String members, String promptId, Instant formedAt) {
        return h.insert(
                "INSERT INTO pairing (guild_id, members, prompt_id, formed_at) VALUES (?, ?, ?, ?)",
                guildId,
                members,
                promptId,
                formedAt);
    }

    /** The guild's pairings' members (ids joined by newlines), latest first. */
    public List<String> membersLatestFirst(Handle h, long guildId) {
        return h.query(
                "SELECT members FROM pairing WHERE guild_id = ? ORDER BY formed_at DESC",
                rs -> rs.getString(1),
                guildId);
    }

    /** How many pairs said, in {@code (from, to]}, that they met: what the digest counts (docs/rhythm.md). */
    public int metBetween(Handle h, long guildId, Instant from, Instant to) {
        return (int) h.count(
                "SELECT COUNT(*) FROM pairing WHERE guild_id = ? AND met_at > ? AND met_at <= ?", guildId, from, to);
    }

    /** A pair (or trio) as formed: its members' ids, and when it said it met (null: not, or not yet). */
    public record Pair(long id, long guildId, List<String> members, Instant formedAt, Instant metAt) {}

    private static final String PAIR = "SELECT id, guild_id, members, formed_at, met_at FROM pairing";

    private static Pair pair(java.sql.ResultSet rs) throws java.sql.SQLException {
        String members = rs.getString("members");
        return new Pair(
                rs.getLong("id"),
                rs.getLong("guild_id"),
                members.isEmpty() ? List.of() : List.of(members.split("\n")),
                Handle.instant(rs, "formed_at"),
                Handle.instant(rs, "met_at"));
    }

    public Optional<Pair> find(Handle h, long pairingId) {
        return h.queryOne(PAIR + " WHERE id = ?", PairingStore::pair, pairingId);
    }

    /** The pairs formed after {@code since}, of every guild: those whose check-in may still be due. */
    public List<Pair> formedAfter(Handle h, Instant since) {
        return h.query(PAIR + " WHERE formed_at > ? ORDER BY id", PairingStore::pair, since);
    }

    /** The members who were asked, or answered unasked, about the pair: nobody is asked twice. */
    public java.util.Set<String> checkedIn(Handle h, long pairingId) {
        return new java.util.HashSet<>(
                h.query("SELECT user_id FROM pair_checkin WHERE pairing_id = ?", rs -> rs.getString(1), pairingId));
    }

    /** Claims the member's one check-in; false when they were asked (or answered) before. */
    public boolean markAsked(Handle h, long pairingId, String userId, Instant now) {
        return h.insertIfAbsent(
                "INSERT INTO pair_checkin (pairing_id, user_id, asked_at) VALUES (?, ?, ?)", pairingId, userId, now);
    }

    /**
     * Records a member's answer (a later answer replaces theirs) and keeps the pair's {@code met_at}: set when the
     * first member says they met, cleared when no member says so any more.
     */
    public void answer(Handle h, long pairingId, String userId, CheckIn answer, Instant now) {
        String sql = "UPDATE pair_checkin SET answer = ?, answered_at = ? WHERE pairing_id = ? AND user_id = ?";
        if (h.update(sql, answer.name(), now, pairingId, userId) == 0
                && !h.insertIfAbsent(
                        "INSERT INTO pair_checkin (pairing_id, user_id, answer, answered_at) VALUES (?, ?, ?, ?)",
                        pairingId,
                        userId,
                        answer.name(),
                        now)) {
            h.update(sql, answer.name(), now, pairingId, userId);
        }
        h.update(
                "UPDATE pairing SET met_at = CASE WHEN EXISTS (SELECT 1 FROM pair_checkin c WHERE c.pairing_id = ?"
                        + " AND c.answer = 'MET') THEN COALESCE(met_at, ?) ELSE NULL END WHERE id = ?",
                pairingId,
                now,
                pairingId);
    }

    /** Counts for "forget me": the person's opt-ins and the past pairings that name them, in this tenant. */
    public Counts count(Handle h, UserRef user) {
        return new Counts(
                (int) h.count(
                        "SELECT COUNT(*) FROM pair_optin WHERE user_id = ? AND guild_id IN"
                                + " (SELECT id FROM guild WHERE tenant = ?)",
                        user.id(),
                        user.tenant().key()),
                naming(h, user).size());
    }

    /** Opt-ins and the pairings a person was in; the pairings stay (as a count), without their name. */
    public record Counts(int optIns, int pairings) {}

    /**
     * "forget me" (see {@link org.shoptalk.core.privacy.Forgetting}): drops the person's opt-ins, and their id from past
     * pairings, which keep their count for the digest. Returns what was changed.
     */
    public Counts forget(Handle h, UserRef user) {
        // Their check-in answers go; a pair they said met stays counted, like the pair itself.
        h.update(
                "DELETE FROM pair_checkin WHERE user_id = ? AND pairing_id IN (SELECT p.id FROM pairing p"
                        + " JOIN guild g ON g.id = p.guild_id WHERE g.tenant = ?)",
                user.id(),
                user.tenant().key());
        int optIns = h.update(
                "DELETE FROM pair_optin WHERE user_id = ? AND guild_id IN (SELECT id FROM guild WHERE tenant = ?)",
                user.id(),
                user.tenant().key());
        List<Row> rows = naming(h, user);
        for (Row row : rows) {
            String kept = String.join(
                    "\n",
                    row.members().stream().filter(m -> !m.equals(user.id())).toList());
            h.update("UPDATE pairing SET members = ? WHERE id = ?", kept, row.id());
        }
        return new Counts(optIns, rows.size());
    }

    private record Row(long id, List<String> members) {}

    private static List<Row> naming(Handle h, UserRef user) {
        return h
                .query(
                        "SELECT p.id, p.members FROM pairing p JOIN guild g ON g.id = p.guild_id WHERE g.tenant = ?",
                        rs -> new Row(rs.getLong(1), List.of(rs.getString(2).split("\n"))),
                        user.tenant().key())
                .stream()
                .filter(r -> r.members().contains(user.id()))
                .toList();
    }

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

package org.shoptalk.core.dialogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Handle;
import org.shoptalk.core.guild.Guild;

/** Goals of guilds. Thread-safe. */
public final class GoalStore {
    private static final String COLUMNS =
            "id, guild_id, statement, verdict, for_whom, value_behind, indicators, limits," + " review_on, created_at";

    public long add(Handle h, Guild guild, Goal g, UserRef by, Instant now) {
        return h.insert(
                "INSERT INTO goal (guild_id, statement, verdict, for_whom, value_behind, indicators, limits, review_on,"
                        + " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                guild.id(),
                g.statement(),
                g.verdict(),
                g.forWhom(),
                g.valueBehind(),
                g.indicators(),
                g.limits(),
                g.reviewOn(),
                by.id(),
                now);
    }

    public List<Goal> forGuild(Handle h, Guild guild) {
        return h.query(
                "SELECT " + COLUMNS + " FROM goal WHERE guild_id = ? ORDER BY review_on, id",
                GoalStore::map,
                guild.id());
    }

    public Optional<Goal> findForTask(Handle h, long id) {
        return h.queryOne("SELECT " + COLUMNS + " FROM goal WHERE id = ?", GoalStore::map, id);
    }

    public List<Goal> createdBetween(Handle h, long guildId, Instant from, Instant to) {
        return h.query(
                "SELECT " + COLUMNS
                        + " FROM goal WHERE guild_id = ? AND created_at > ? AND created_at <= ? ORDER BY id",
                GoalStore::map,
                guildId,
                from,
                to);
    }

    /**
     * Retention: removes the guild's goals made before {@code cutoff} whose accountability moment was also before
     * it (its day, in UTC), so a goal is never removed while its look-back is still to come.
     *
     * @return how many goals were removed
     */
    public int purgeOlderThan(Handle h, long guildId, Instant cutoff) {
        return h.update(
                "DELETE FROM goal WHERE guild_id = ? AND created_at < ? AND review_on < ?",
                guildId,
                cutoff,
                cutoff.atZone(java.time.ZoneOffset.UTC).toLocalDate());
    }

    /** When the guild's oldest kept goal was made; empty when it has none. */
    public Optional<Instant> oldest(Handle h, long guildId) {
        return h.queryOne(
                        "SELECT MIN(created_at) AS oldest FROM goal WHERE guild_id = ?",
                        rs -> Optional.ofNullable(Handle.instant(rs, "oldest")),
                        guildId)
                .flatMap(o -> o);
    }

    private static Goal map(ResultSet rs) throws SQLException {
        return new Goal(
                rs.getLong("id"),
                rs.getLong("guild_id"),
                rs.getString("statement"),
                rs.getString("verdict"),
                rs.getString("for_whom"),
                rs.getString("value_behind"),
                rs.getString("indicators"),
                rs.getString("limits"),
                Handle.date(rs, "review_on"),
                Handle.instant(rs, "created_at"));
    }

    /** "forget me"'s preview: the goals the person created in this tenant (they stay, as the guild's). */
    public int countCreatedBy(Handle h, UserRef person) {
        return (int) h.count(
                "SELECT COUNT(*) FROM goal WHERE created_by = ? AND guild_id IN (SELECT id FROM guild WHERE tenant = ?)",
                person.id(),
                person.tenant().key());
    }

    /**
     * "forget me" (see {@link org.shoptalk.core.privacy.Forgetting}): the goals the person created in this tenant
     * stay, without their name. Returns how many.
     */
    public int forgetCreator(Handle h, UserRef person) {
        return h.update(
                "UPDATE goal SET created_by = '' WHERE created_by = ? AND guild_id IN (SELECT id FROM guild WHERE tenant = ?)",
                person.id(),
                person.tenant().key());
    }
}

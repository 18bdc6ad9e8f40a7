package org.shoptalk.core.guild;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Handle;
import org.shoptalk.core.i18n.Language;

/** Guilds, their members and channels. Every lookup is scoped to one tenant. Stateless, thread-safe. */
public final class GuildStore {
    private static final String COLUMNS = "id, tenant, name, language, time_zone, digest_day, digest_time, created_at,"
            + " connect_enabled, connect_after_hours, pairs_every_weeks, retention_months, anonymity_threshold,"
            + " purged_before";

    public long create(
            Handle h, Tenant tenant, String name, Language language, ZoneId zone, UserRef creator, Instant now) {
        return h.insert(
                "INSERT INTO guild (tenant, name, name_key, language, time_zone, digest_day, digest_time,"
                        + " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenant.key(),
                name,
                nameKey(name),
                language.code(),
                zone.getId(),
                Guild.DEFAULT_DIGEST_DAY.name(),
                Guild.DEFAULT_DIGEST_TIME.toString(),
                creator.id(),
                now);
    }

    /**
     * Takes the guild's row lock until the transaction ends, so work that reads and then records per guild (picking
     * the next prompt) runs one transaction at a time for that guild, across threads and cluster members.
     */
    public void lock(Handle h, long guildId) {
        h.query("SELECT id FROM guild WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), guildId);
    }

    public Optional<Guild> find(Handle h, Tenant tenant, long id) {
        return h.queryOne(
                "SELECT " + COLUMNS + " FROM guild WHERE tenant = ? AND id = ?", GuildStore::map, tenant.key(), id);
    }

    public Optional<Guild> findByName(Handle h, Tenant tenant, String name) {
        return h.queryOne(
                "SELECT " + COLUMNS + " FROM guild WHERE tenant = ? AND name_key = ?",
                GuildStore::map,
                tenant.key(),
                nameKey(name));
    }

    public Optional<Guild> findByChannel(Handle h, ChannelRef channel) {
        return h.queryOne(
                "SELECT " + prefixed("g") + " FROM guild g JOIN guild_channel c ON c.guild_id = g.id"
                        + " WHERE c.tenant = ? AND c.channel_id = ?",
                GuildStore::map,
                channel.tenant().key(),
                channel.id());
    }

    /** Guilds this person belongs to, leads first, then by name. */
    public List<Guild> forMember(Handle h, UserRef user) {
        return h.query(forMemberSql(), GuildStore::map, user.tenant().key(), user.id());
    }

    /** {@link #forMember}'s query; its parameters are the tenant and the person's id. For the plan's test. */
    static String forMemberSql() {
        return "SELECT " + prefixed("g") + " FROM guild g JOIN guild_member m ON m.guild_id = g.id"
                + " WHERE g.tenant = ? AND m.user_id = ? ORDER BY m.role, g.name_key";
    }

    /** A guild by id for the scheduler, which acts for no person and holds only ids. */
    public Optional<Guild> findForTask(Handle h, long id) {
        return h.queryOne("SELECT " + COLUMNS + " FROM guild WHERE id = ?", GuildStore::map, id);
    }

    /** Every guild in every tenant: only for the scheduler's bookkeeping, never for answering a person. */
    public List<Guild> all(Handle h) {
        return h.query("SELECT " + COLUMNS + " FROM guild ORDER BY id", GuildStore::map);
    }

    /** Adds the channel; false if it already belongs to a guild (this one or another). */
    public boolean addChannel(Handle h, long guildId, ChannelRef channel, Instant now) {
        return h.insertIfAbsent(
                "INSERT INTO guild_channel (tenant, channel_id, guild_id, added_at) VALUES (?, ?, ?, ?)",
                channel.tenant().key(),
                channel.id(),
                guildId,
                now);
    }

    public boolean removeChannel(Handle h, long guildId, ChannelRef channel) {
        return h.update(
                        "DELETE FROM guild_channel WHERE tenant = ? AND channel_id = ? AND guild_id = ?",
                        channel.tenant().key(),
                        channel.id(),
                        guildId)
                > 0;
    }

    public List<ChannelRef> channels(Handle h, Guild guild) {
        return h.query(
                "SELECT channel_id FROM guild_channel WHERE tenant = ? AND guild_id = ? ORDER BY added_at, channel_id",
                rs -> new ChannelRef(guild.tenant(), rs.getString(1)),
                guild.tenant().key(),
                guild.id());
    }

    /** Sets the person's role, adding them if they were not a member. */
    public void setRole(Handle h, Guild guild, UserRef user, Role role, Instant now) {
        requireSameTenant(guild, user);
        if (h.update("UPDATE guild_member SET role = ? WHERE guild_id = ? AND user_id = ?", role, guild.id(), user.id())
                == 0) {
            h.update(
                    "INSERT INTO guild_member (guild_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)",
                    guild.id(),
                    user.id(),
                    role,
                    now);
        }
    }

    /** Adds the person as a member unless they already belong; true when added. */
    public boolean join(Handle h, Guild guild, UserRef user, Instant now) {
        requireSameTenant(guild, user);
        return h.insertIfAbsent(
                "INSERT INTO guild_member (guild_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)",
                guild.id(),
                user.id(),
                Role.MEMBER,
                now);
    }

    public boolean leave(Handle h, Guild guild, UserRef user) {
        return h.update("DELETE FROM guild_member WHERE guild_id = ? AND user_id = ?", guild.id(), user.id()) > 0;
    }

    public Optional<Role> role(Handle h, Guild guild, UserRef user) {
        if (!guild.tenant().equals(user.tenant())) {
            return Optional.empty();
        }
        return h.queryOne(
                "SELECT role FROM guild_member WHERE guild_id = ? AND user_id = ?",
                rs -> Role.valueOf(rs.getString(1)),
                guild.id(),
                user.id());
    }

    public List<UserRef> members(Handle h, Guild guild) {
        return h.query(
                "SELECT user_id FROM guild_member WHERE guild_id = ? ORDER BY joined_at, user_id",
                rs -> new UserRef(guild.tenant(), rs.getString(1)),
                guild.id());
    }

    public List<UserRef> withRole(Handle h, Guild guild, Role role) {
        return h.query(
                "SELECT user_id FROM guild_member WHERE guild_id = ? AND role = ? ORDER BY joined_at, user_id",
                rs -> new UserRef(guild.tenant(), rs.getString(1)),
                guild.id(),
                role);
    }

    public void setDigestTime(Handle h, Guild guild, DayOfWeek day, LocalTime time) {
        h.update(
                "UPDATE guild SET digest_day = ?, digest_time = ? WHERE tenant = ? AND id = ?",
                day.name(),
                time.toString(),
                guild.tenant().key(),
                guild.id());
    }

    public void setDialogue(Handle h, Guild guild, Guild.Dialogue d) {
        h.update(
                "UPDATE guild SET connect_enabled = ?, connect_after_hours = ?, pairs_every_weeks = ? WHERE tenant = ? AND id = ?",
                d.connectEnabled(),
                (int) d.connectAfter().toHours(),
                d.pairsEveryWeeks() == 0 ? null : d.pairsEveryWeeks(),
                guild.tenant().key(),
                guild.id());
    }

    /**
     * Sets how long the guild keeps answers and threads. The notice of the first purge is given again, so a shorter
     * period is announced before it removes anything (docs/retention.md).
     */
    public void setRetention(Handle h, Guild guild, int months) {
        h.update(
                "UPDATE guild SET retention_months = ?, retention_noticed_at = NULL WHERE tenant = ? AND id = ?",
                months,
                guild.tenant().key(),
                guild.id());
    }

    public void setAnonymityThreshold(Handle h, Guild guild, int answers) {
        h.update(
                "UPDATE guild SET anonymity_threshold = ? WHERE tenant = ? AND id = ?",
                answers,
                guild.tenant().key(),
                guild.id());
    }

    /** When the guild's members were told about the coming purge; empty when they were not (or the period changed). */
    public Optional<Instant> retentionNoticedAt(Handle h, long guildId) {
        return h.queryOne(
                        "SELECT retention_noticed_at FROM guild WHERE id = ?",
                        rs -> Optional.ofNullable(Handle.instant(rs, "retention_noticed_at")),
                        guildId)
                .flatMap(o -> o);
    }

    /** Records (or, with null, withdraws) the notice of the coming purge. */
    public void setRetentionNoticedAt(Handle h, long guildId, Instant at) {
        if (at == null) {
            h.update("UPDATE guild SET retention_noticed_at = NULL WHERE id = ?", guildId);
        } else {
            h.update("UPDATE guild SET retention_noticed_at = ? WHERE id = ?", at, guildId);
        }
    }

    /** Records that everything before {@code cutoff} was purged; an earlier mark never replaces a later one. */
    public void markPurgedBefore(Handle h, long guildId, Instant cutoff) {
        h.update(
                "UPDATE guild SET purged_before = ? WHERE id = ? AND (purged_before IS NULL OR purged_before < ?)",
                cutoff,
                guildId,
                cutoff);
    }

    /** "forget me"'s preview: how many guilds of the tenant the person is a member of. */
    public int countMemberships(Handle h, UserRef user) {
        return (int) h.count(
                "SELECT COUNT(*) FROM guild_member WHERE user_id = ? AND guild_id IN (SELECT id FROM guild WHERE tenant = ?)",
                user.id(),
                user.tenant().key());
    }

    /**
     * "forget me" (see {@link org.shoptalk.core.privacy.Forgetting}): removes a person from every guild of the tenant;
     * the guilds themselves stay. Returns how many memberships were removed.
     */
    public int forget(Handle h, UserRef user) {
        return h.update(
                "DELETE FROM guild_member WHERE user_id = ? AND guild_id IN (SELECT id FROM guild WHERE tenant = ?)",
                user.id(),
                user.tenant().key());
    }

    /** "forget me"'s preview: the guilds of the tenant the person created (they stay). */
    public int countCreatedBy(Handle h, UserRef user) {
        return (int) h.count(
                "SELECT COUNT(*) FROM guild WHERE created_by = ? AND tenant = ?",
                user.id(),
                user.tenant().key());
    }

    /** "forget me": the guilds the person created stay, without their name. Returns how many. */
    public int forgetCreator(Handle h, UserRef user) {
        return h.update(
                "UPDATE guild SET created_by = '' WHERE created_by = ? AND tenant = ?",
                user.id(),
                user.tenant().key());
    }

    static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static void requireSameTenant(Guild guild, UserRef user) {
        if (!guild.tenant().equals(user.tenant())) {
            throw new IllegalArgumentException("a person from another tenant cannot join this guild");
        }
    }

    private static String prefixed(String alias) {
        return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
    }

    private static Guild map(ResultSet rs) throws SQLException {
        return new Guild(
                rs.getLong("id"),
                Tenant.fromKey(rs.getString("tenant")),
                rs.getString("name"),
                Language.parse(rs.getString("language")).orElseThrow(),
                ZoneId.of(rs.getString("time_zone")),
                DayOfWeek.valueOf(rs.getString("digest_day")),
                LocalTime.parse(rs.getString("digest_time")),
                Handle.instant(rs, "created_at"),
                new Guild.Dialogue(
                        rs.getBoolean("connect_enabled"),
                        java.time.Duration.ofHours(rs.getInt("connect_after_hours")),
                        rs.getInt("pairs_every_weeks")),
                new Guild.Keeping(
                        rs.getInt("retention_months"),
                        rs.getInt("anonymity_threshold"),
                        Handle.instant(rs, "purged_before")));
    }
}

package org.shoptalk.teams;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.db.Database;

/**
 * The adapter's own memory (V200__teams.sql): teams with their connector address, their channels, and
 * people's connector ids and personal chats. Every query is scoped to one tenant. Thread-safe.
 */
final class TeamsStore {

    record Team(Tenant tenant, String teamId, String aadGroupId, String name, String serviceUrl, boolean installed) {}

    record Channel(Tenant tenant, String channelId, String teamId, String name) {}

    record User(
            Tenant tenant,
            String aadObjectId,
            String userId,
            String name,
            String serviceUrl,
            String personalConversationId) {}

    /** Where to post in a channel: the channel and the connector of its team. */
    record ChannelAddress(String channelId, String teamId, String aadGroupId, String serviceUrl) {}

    private final Database database;
    private final Clock clock;

    TeamsStore(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Records the team and marks whether the bot is installed; null fields keep what was known. */
    void saveTeam(Tenant tenant, String teamId, String aadGroupId, String name, String serviceUrl, boolean installed) {
        database.useTransaction(h -> {
            int changed = h.update(
                    "UPDATE teams_team SET aad_group_id = COALESCE(?, aad_group_id), name = COALESCE(?, name), "
                            + "service_url = ?, installed = ?, updated_at = ? WHERE tenant = ? AND team_id = ?",
                    aadGroupId,
                    name,
                    serviceUrl,
                    installed,
                    clock.instant(),
                    tenant.key(),
                    teamId);
            if (changed == 0) {
                h.insertIfAbsent(
                        "INSERT INTO teams_team (tenant, team_id, aad_group_id, name, service_url, installed, updated_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        tenant.key(),
                        teamId,
                        aadGroupId,
                        name,
                        serviceUrl,
                        installed,
                        clock.instant());
            }
        });
    }

    void saveChannel(Tenant tenant, String channelId, String teamId, String name, boolean deleted) {
        database.useTransaction(h -> {
            int changed = h.update(
                    "UPDATE teams_channel SET team_id = ?, name = COALESCE(?, name), deleted = ?, updated_at = ? "
                            + "WHERE tenant = ? AND channel_id = ?",
                    teamId,
                    name,
                    deleted,
                    clock.instant(),
                    tenant.key(),
                    channelId);
            if (changed == 0) {
                h.insertIfAbsent(
                        "INSERT INTO teams_channel (tenant, channel_id, team_id, name, deleted, updated_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?)",
                        tenant.key(),
                        channelId,
                        teamId,
                        name,
                        deleted,
                        clock.instant());
            }
        });
    }

    /** Remembers a person; keeps an earlier personal chat id unless a new one is given. */
    void saveUser(
            Tenant tenant,
            String aadObjectId,
            String userId,
            String name,
            String serviceUrl,
            String personalConversationId) {
        database.useTransaction(h -> {
            int changed = h.update(
                    "UPDATE teams_user SET user_id = ?, name = COALESCE(?, name), service_url = ?, "
                            + "personal_conversation_id = COALESCE(?, personal_conversation_id), updated_at = ? "
                            + "WHERE tenant = ? AND aad_object_id = ?",
                    userId,
                    name,
                    serviceUrl,
                    personalConversationId,
                    clock.instant(),
                    tenant.key(),
                    aadObjectId);
            if (changed == 0) {
                h.insertIfAbsent(
                        "INSERT INTO teams_user (tenant, aad_object_id, user_id, name, service_url, "
                                + "personal_conversation_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        tenant.key(),
                        aadObjectId,
                        userId,
                        name,
                        serviceUrl,
                        personalConversationId,
                        clock.instant());
            }
        });
    }

    /**
     * Remembers a known person's personal chat. Never adds a person: one forgotten meanwhile ("forget me") stays
     * forgotten.
     */
    void savePersonalChat(Tenant tenant, String aadObjectId, String personalConversationId) {
        database.useTransaction(h -> h.update(
                "UPDATE teams_user SET personal_conversation_id = ?, updated_at = ? WHERE tenant = ? AND aad_object_id = ?",
                personalConversationId,
                clock.instant(),
                tenant.key(),
                aadObjectId));
    }

    Optional<Team> team(Tenant tenant, String teamId) {
        return database.withHandle(h -> h.queryOne(
                "SELECT * FROM teams_team WHERE tenant = ? AND team_id = ?",
                rs -> new Team(
                        tenant,
                        rs.getString("team_id"),
                        rs.getString("aad_group_id"),
                        rs.getString("name"),
                        rs.getString("service_url"),
                        rs.getBoolean("installed")),
                tenant.key(),
                teamId));
    }

    List<Channel> channels(Tenant tenant, String teamId) {
        return database.withHandle(h -> h.query(
                "SELECT * FROM teams_channel WHERE tenant = ? AND team_id = ? "
                        + "AND deleted = FALSE ORDER BY channel_id",
                rs -> new Channel(tenant, rs.getString("channel_id"), rs.getString("team_id"), rs.getString("name")),
                tenant.key(),
                teamId));
    }

    /** The connector address for a channel of a team the bot is installed in. */
    Optional<ChannelAddress> channelAddress(Tenant tenant, String channelId) {
        return database.withHandle(h -> h.queryOne(
                "SELECT c.channel_id, c.team_id, t.aad_group_id, t.service_url "
                        + "FROM teams_channel c JOIN teams_team t ON t.tenant = c.tenant AND t.team_id = c.team_id "
                        + "WHERE c.tenant = ? AND c.channel_id = ? AND c.deleted = FALSE AND t.installed = TRUE",
                rs -> new ChannelAddress(
                        rs.getString("channel_id"),
                        rs.getString("team_id"),
                        rs.getString("aad_group_id"),
                        rs.getString("service_url")),
                tenant.key(),
                channelId));
    }

    /** Forgets how to reach a person and their name ("forget me"). */
    void forgetUser(Tenant tenant, String aadObjectId) {
        database.withHandle(h ->
                h.update("DELETE FROM teams_user WHERE tenant = ? AND aad_object_id = ?", tenant.key(), aadObjectId));
    }

    Optional<User> user(Tenant tenant, String aadObjectId) {
        return database.withHandle(h -> h.queryOne(
                "SELECT * FROM teams_user WHERE tenant = ? AND aad_object_id = ?",
                TeamsStore::user,
                tenant.key(),
                aadObjectId));
    }

    Optional<User> userByConnectorId(Tenant tenant, String userId) {
        return database
                .withHandle(h -> h.query(
                        "SELECT * FROM teams_user WHERE tenant = ? AND user_id = ?",
                        TeamsStore::user,
                        tenant.key(),
                        userId))
                .stream()
                .findFirst();
    }

    private static User user(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new User(
                Tenant.fromKey(rs.getString("tenant")),
                rs.getString("aad_object_id"),
                rs.getString("user_id"),
                rs.getString("name"),
                rs.getString("service_url"),
                rs.getString("personal_conversation_id"));
    }
}

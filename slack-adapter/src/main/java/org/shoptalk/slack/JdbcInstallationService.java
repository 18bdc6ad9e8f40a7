package org.shoptalk.slack;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.service.InstallationService;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.Handle;

/**
 * Bolt's installation store on our own database (Bolt ships none for JDBC). Keeps the latest
 * installation per workspace, or per organisation for an org-wide install; bot tokens are encrypted.
 * No user tokens are kept: Shoptalk asks for no user scopes. Thread-safe.
 */
final class JdbcInstallationService implements InstallationService {
    private static final String NONE = "";
    private static final String COLUMNS = "enterprise_id, team_id, enterprise_install, app_id, enterprise_name, "
            + "team_name, bot_id, bot_user_id, bot_scope, bot_token, bot_refresh_token, bot_token_expires_at, "
            + "installer_user_id, installed_at";

    private final Database database;
    private final TokenCipher cipher;
    private final Clock clock;
    private final Set<String> knownWorkspaces = ConcurrentHashMap.newKeySet();

    JdbcInstallationService(Database database, TokenCipher cipher, Clock clock) {
        this.database = database;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public boolean isHistoricalDataEnabled() {
        return false;
    }

    @Override
    public void setHistoricalDataEnabled(boolean isHistoricalDataEnabled) {
        if (isHistoricalDataEnabled) {
            throw new UnsupportedOperationException("this installation store keeps the latest installation only");
        }
    }

    @Override
    public void saveInstallerAndBot(Installer installer) {
        store(installer.toBot(), installer.getInstallerUserId());
    }

    @Override
    public void saveBot(Bot bot) {
        store(bot, null);
    }

    private void store(Bot bot, String installerUserId) {
        boolean orgWide = Boolean.TRUE.equals(bot.getIsEnterpriseInstall());
        String enterprise = orNone(bot.getEnterpriseId());
        String team = orgWide ? NONE : orNone(bot.getTeamId());
        String context = context(enterprise, team);
        Instant installedAt =
                bot.getInstalledAt() != null ? Instant.ofEpochMilli(bot.getInstalledAt()) : clock.instant();
        database.useTransaction(h -> {
            String installer = installerUserId != null
                    ? installerUserId
                    : h.queryOne(
                                    "SELECT installer_user_id FROM slack_installation WHERE enterprise_id = ? AND team_id = ?",
                                    rs -> rs.getString(1),
                                    enterprise,
                                    team)
                            .orElse(null);
            h.update("DELETE FROM slack_installation WHERE enterprise_id = ? AND team_id = ?", enterprise, team);
            h.update(
                    "INSERT INTO slack_installation (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    enterprise,
                    team,
                    orgWide,
                    bot.getAppId(),
                    bot instanceof DefaultBot d ? d.getEnterpriseName() : null,
                    bot instanceof DefaultBot d ? d.getTeamName() : null,
                    bot.getBotId(),
                    bot.getBotUserId(),
                    bot.getBotScope(),
                    cipher.encrypt(bot.getBotAccessToken(), context),
                    cipher.encrypt(bot.getBotRefreshToken(), context),
                    bot.getBotTokenExpiresAt(),
                    installer,
                    installedAt);
        });
    }

    @Override
    public void deleteBot(Bot bot) {
        delete(bot.getEnterpriseId(), Boolean.TRUE.equals(bot.getIsEnterpriseInstall()) ? null : bot.getTeamId());
    }

    @Override
    public void deleteInstaller(Installer installer) {
        delete(
                installer.getEnterpriseId(),
                Boolean.TRUE.equals(installer.getIsEnterpriseInstall()) ? null : installer.getTeamId());
    }

    @Override
    public void deleteAll(String enterpriseId, String teamId) {
        delete(enterpriseId, teamId);
    }

    private void delete(String enterpriseId, String teamId) {
        database.withHandle(h -> h.update(
                "DELETE FROM slack_installation WHERE enterprise_id = ? AND team_id = ?",
                orNone(enterpriseId),
                orNone(teamId)));
    }

    /** Org-wide installation first (it serves every workspace of the organisation), then the workspace's own. */
    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        return database.withHandle(h -> {
            Optional<DefaultBot> bot = Optional.empty();
            if (enterpriseId != null) {
                bot = find(h, "enterprise_id = ? AND enterprise_install = TRUE", enterpriseId);
            }
            if (bot.isEmpty() && teamId != null) {
                bot = find(h, "team_id = ? AND enterprise_install = FALSE", teamId);
            }
            return bot.orElse(null);
        });
    }

    /** The installation that serves a workspace: its own, or its organisation's org-wide one. */
    Bot findBotForWorkspace(String teamId) {
        Bot own = findBot(null, teamId);
        if (own != null) {
            return own;
        }
        return database.withHandle(h -> h.queryOne(
                        "SELECT enterprise_id FROM slack_workspace WHERE team_id = ?", rs -> rs.getString(1), teamId))
                .map(enterprise -> findBot(enterprise, teamId))
                .orElse(null);
    }

    /** Records that a workspace belongs to an organisation; cheap after the first time per process. */
    void rememberWorkspace(String enterpriseId, String teamId) {
        if (enterpriseId == null || teamId == null || !knownWorkspaces.add(teamId)) {
            return;
        }
        database.withHandle(h -> h.insertIfAbsent(
                "INSERT INTO slack_workspace (team_id, enterprise_id) VALUES (?, ?)", teamId, enterpriseId));
    }

    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        Bot bot = findBot(enterpriseId, teamId);
        if (bot == null) {
            return null;
        }
        DefaultInstaller installer = new DefaultInstaller();
        installer.setAppId(bot.getAppId());
        installer.setEnterpriseId(bot.getEnterpriseId());
        installer.setTeamId(bot.getTeamId());
        if (bot instanceof DefaultBot d) {
            installer.setEnterpriseName(d.getEnterpriseName());
            installer.setTeamName(d.getTeamName());
        }
        installer.setIsEnterpriseInstall(bot.getIsEnterpriseInstall());
        installer.setTokenType("bot");
        installer.setBotId(bot.getBotId());
        installer.setBotUserId(bot.getBotUserId());
        installer.setBotScope(bot.getBotScope());
        installer.setBotAccessToken(bot.getBotAccessToken());
        installer.setBotRefreshToken(bot.getBotRefreshToken());
        installer.setBotTokenExpiresAt(bot.getBotTokenExpiresAt());
        installer.setInstalledAt(bot.getInstalledAt());
        installer.setInstallerUserId(userId);
        return installer;
    }

    private Optional<DefaultBot> find(Handle h, String where, String value) {
        return h.query("SELECT " + COLUMNS + " FROM slack_installation WHERE " + where, this::bot, value).stream()
                .findFirst();
    }

    private DefaultBot bot(ResultSet rs) throws SQLException {
        String enterprise = rs.getString("enterprise_id");
        String team = rs.getString("team_id");
        String context = context(enterprise, team);
        DefaultBot bot = new DefaultBot();
        bot.setEnterpriseId(NONE.equals(enterprise) ? null : enterprise);
        bot.setTeamId(NONE.equals(team) ? null : team);
        bot.setIsEnterpriseInstall(rs.getBoolean("enterprise_install"));
        bot.setAppId(rs.getString("app_id"));
        bot.setEnterpriseName(rs.getString("enterprise_name"));
        bot.setTeamName(rs.getString("team_name"));
        bot.setBotId(rs.getString("bot_id"));
        bot.setBotUserId(rs.getString("bot_user_id"));
        bot.setBotScope(rs.getString("bot_scope"));
        bot.setScope(rs.getString("bot_scope"));
        bot.setTokenType("bot");
        bot.setBotAccessToken(cipher.decrypt(rs.getString("bot_token"), context));
        bot.setBotRefreshToken(cipher.decrypt(rs.getString("bot_refresh_token"), context));
        long expires = rs.getLong("bot_token_expires_at");
        bot.setBotTokenExpiresAt(rs.wasNull() ? null : expires);
        Instant installed = Handle.instant(rs, "installed_at");
        bot.setInstalledAt(installed == null ? null : installed.toEpochMilli());
        return bot;
    }

    private static String context(String enterprise, String team) {
        return "slack-installation:" + enterprise + "/" + team;
    }

    private static String orNone(String value) {
        return value == null ? NONE : value;
    }
}

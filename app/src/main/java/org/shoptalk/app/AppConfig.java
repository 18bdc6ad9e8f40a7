package org.shoptalk.app;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.shoptalk.core.CoreSettings;
import org.shoptalk.core.db.DbSettings;
import org.shoptalk.slack.SlackSettings;
import org.shoptalk.teams.TeamsSettings;

/**
 * Everything the process is configured with, read from environment variables and checked before anything
 * starts. See the configuration table in docs/configuration.md.
 *
 * @param port the HTTP port; 0 picks a free one (tests)
 * @param listen the address the HTTP server listens on: loopback while the local console runs, unless
 *        SHOPTALK_HOST says otherwise
 * @param database where the database is (the embedded H2 file under ./data unless SHOPTALK_DB_URL is set) and how
 *                 long work waits for a connection (SHOPTALK_DB_CONNECT_TIMEOUT, 1 s by default)
 * @param localConsole whether the local console platform and its /local page run
 * @param slack the Slack app's settings, when Slack is configured
 * @param teams the Teams bot's settings, when Teams is configured
 * @param digestPages how digest links are made and signed
 */
public record AppConfig(
        int port,
        ListenAddress listen,
        DbSettings database,
        boolean localConsole,
        CoreSettings core,
        Optional<SlackSettings> slack,
        Optional<TeamsSettings> teams,
        DigestPageConfig digestPages) {
    static final int DEFAULT_PORT = 8080;
    private static final int MAX_ROUND_HOURS = 720;
    /** Longer than this, and a request waiting for an absent database misses every platform's deadline anyway. */
    private static final Duration MAX_CONNECTION_TIMEOUT = Duration.ofSeconds(30);

    public AppConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535");
        }
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(core, "core");
        slack = slack == null ? Optional.empty() : slack;
        teams = teams == null ? Optional.empty() : teams;
        Objects.requireNonNull(digestPages, "digestPages");
    }

    public static AppConfig fromEnvironment(Map<String, String> environment) {
        Env env = new Env(environment);
        int port = env.port("SHOPTALK_PORT", DEFAULT_PORT);
        DbSettings database = database(env);
        boolean slack = env.isSet("SLACK_BOT_TOKEN") || env.isSet("SLACK_CLIENT_ID");
        boolean teams = env.isSet("MICROSOFT_APP_ID");
        boolean localConsole = env.bool("SHOPTALK_LOCAL_CONSOLE", !slack && !teams);
        // The local console has no login: it stays on this machine unless SHOPTALK_HOST says otherwise.
        ListenAddress listen = env.get("SHOPTALK_HOST")
                .map(value -> ListenAddress.parse("SHOPTALK_HOST", value))
                .orElse(localConsole ? ListenAddress.LOOPBACK : ListenAddress.ALL_INTERFACES);
        return new AppConfig(
                port,
                listen,
                database,
                localConsole,
                core(env, database),
                slack(environment),
                teams(environment),
                DigestPageConfig.from(env, slack || teams));
    }

    public AppConfig withPort(int newPort) {
        return new AppConfig(newPort, listen, database, localConsole, core, slack, teams, digestPages);
    }

    public AppConfig withListen(ListenAddress address) {
        return new AppConfig(port, address, database, localConsole, core, slack, teams, digestPages);
    }

    public AppConfig withDatabase(DbSettings newDatabase) {
        return new AppConfig(port, listen, newDatabase, localConsole, core, slack, teams, digestPages);
    }

    public AppConfig withLocalConsole(boolean on) {
        return new AppConfig(port, listen, database, on, core, slack, teams, digestPages);
    }

    public AppConfig withDigestPages(DigestPageConfig pages) {
        return new AppConfig(port, listen, database, localConsole, core, slack, teams, pages);
    }

    public AppConfig withSlack(SlackSettings settings) {
        return new AppConfig(port, listen, database, localConsole, core, Optional.of(settings), teams, digestPages);
    }

    public AppConfig withTeams(TeamsSettings settings) {
        return new AppConfig(port, listen, database, localConsole, core, slack, Optional.of(settings), digestPages);
    }

    private static Optional<TeamsSettings> teams(Map<String, String> environment) {
        try {
            return TeamsSettings.fromEnvironment(environment);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static Optional<SlackSettings> slack(Map<String, String> environment) {
        try {
            return SlackSettings.fromEnvironment(environment);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static DbSettings database(Env env) {
        return databaseLocation(env).withConnectionTimeout(connectionTimeout(env));
    }

    private static Duration connectionTimeout(Env env) {
        Duration timeout = env.duration("SHOPTALK_DB_CONNECT_TIMEOUT", DbSettings.DEFAULT_CONNECTION_TIMEOUT);
        if (timeout.compareTo(DbSettings.MIN_CONNECTION_TIMEOUT) < 0 || timeout.compareTo(MAX_CONNECTION_TIMEOUT) > 0) {
            throw Env.invalid(
                    "SHOPTALK_DB_CONNECT_TIMEOUT",
                    "a duration from PT0.5S to 30s (e.g. 1s, 2s, PT0.5S)",
                    env.get("SHOPTALK_DB_CONNECT_TIMEOUT").orElse(""));
        }
        return timeout;
    }

    private static DbSettings databaseLocation(Env env) {
        var url = env.get("SHOPTALK_DB_URL");
        if (url.isEmpty()) {
            for (String name : new String[] {"SHOPTALK_DB_USER", "SHOPTALK_DB_PASSWORD"}) {
                if (env.isSet(name)) {
                    throw new ConfigException(name + " is set but SHOPTALK_DB_URL is not: set SHOPTALK_DB_URL"
                            + " (e.g. jdbc:postgresql://db:5432/shoptalk) or unset " + name
                            + " to use the embedded database");
                }
            }
            return DbSettings.embedded();
        }
        String value = url.get();
        if (!value.startsWith("jdbc:postgresql://") && !value.startsWith("jdbc:h2:")) {
            throw Env.invalid(
                    "SHOPTALK_DB_URL", "a JDBC URL starting with jdbc:postgresql:// or jdbc:h2:", withoutQuery(value));
        }
        return new DbSettings(
                value,
                env.get("SHOPTALK_DB_USER").orElse(""),
                env.get("SHOPTALK_DB_PASSWORD").orElse(""),
                10);
    }

    private static CoreSettings core(Env env, DbSettings database) {
        Duration grace = env.duration("SHOPTALK_MISSED_GRACE", Duration.ofHours(6));
        int roundHours = env.integer(
                "SHOPTALK_ROUND_HOURS", 72, 1, MAX_ROUND_HOURS, "a whole number of hours from 1 to " + MAX_ROUND_HOURS);
        int reminderHours = env.integer(
                "SHOPTALK_REMINDER_HOURS_BEFORE_CLOSE",
                24,
                0,
                MAX_ROUND_HOURS,
                "a whole number of hours from 0 to " + (MAX_ROUND_HOURS - 1));
        if (reminderHours >= roundHours) {
            throw new ConfigException("SHOPTALK_REMINDER_HOURS_BEFORE_CLOSE must be less than SHOPTALK_ROUND_HOURS ("
                    + roundHours + "), got \"" + reminderHours + "\"");
        }
        boolean clustered = env.bool("SHOPTALK_CLUSTERED", false);
        if (clustered && database.url().startsWith("jdbc:h2:")) {
            throw new ConfigException("SHOPTALK_CLUSTERED=true needs a database the instances share: set"
                    + " SHOPTALK_DB_URL to PostgreSQL (jdbc:postgresql://host:5432/db)");
        }
        String instanceId = env.get("SHOPTALK_INSTANCE_ID").orElse("AUTO");
        if (instanceId.length() > 80 || !instanceId.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw Env.invalid(
                    "SHOPTALK_INSTANCE_ID", "a name of up to 80 printable characters without spaces", instanceId);
        }
        // Anonymous answers' key is derived from the installation secret; without it core keeps a generated one.
        return new CoreSettings(
                grace,
                Duration.ofHours(roundHours),
                Duration.ofHours(reminderHours),
                clustered,
                instanceId,
                env.get("SHOPTALK_SECRET").orElse(null));
    }

    // A JDBC URL may carry a password in its query; keep it out of error lines.
    private static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?...";
    }
}

package org.shoptalk.core.db;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the database is and how long to wait for it. The embedded default is an H2 file under ./data.
 *
 * @param url the JDBC URL as configured; {@link #jdbcUrl()} is what is actually opened
 * @param maxPoolSize the most connections held open at once, at least 2 (Flyway migrates with two)
 * @param connectionTimeout how long any piece of work waits for a connection before giving up with a
 *                          {@link DatabaseException}; at least {@link #MIN_CONNECTION_TIMEOUT}. Short, so a request
 *                          whose database is away fails well within Slack's 3 s instead of hanging
 */
public record DbSettings(String url, String user, String password, int maxPoolSize, Duration connectionTimeout) {
    public static final String EMBEDDED_URL = "jdbc:h2:file:./data/shoptalk;AUTO_SERVER=FALSE";
    /** One second: a busy pool rarely makes anyone wait that long, and a database that is away is known fast. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(1);
    /** Half of it is spent checking that a pooled connection is alive, and the pool checks no faster than 250 ms. */
    public static final Duration MIN_CONNECTION_TIMEOUT = Duration.ofMillis(500);
    /**
     * H2 writes committed transactions to its file up to half a second later unless told otherwise, so a process
     * killed in that window loses work it already acknowledged. 0 writes at every commit.
     */
    static final String H2_DURABLE_COMMITS = "WRITE_DELAY=0";
    /**
     * H2 keeps the parsed form of the last 8 statements of each connection; firing one moment sends Quartz's and
     * core's statements, some 40 different ones, through the same pooled connections, so every statement was parsed
     * anew (a sixth of the time firing 1,000 moments at once, issue 13). 128 holds them all, a few kilobytes each.
     */
    static final String H2_QUERY_CACHE = "QUERY_CACHE_SIZE=128";

    public DbSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (maxPoolSize < 2) {
            // Flyway migrates on one connection while it holds its lock on another: with one, start-up times out.
            throw new IllegalArgumentException("maxPoolSize must be at least 2, got " + maxPoolSize);
        }
        if (connectionTimeout.compareTo(MIN_CONNECTION_TIMEOUT) < 0) {
            throw new IllegalArgumentException("the connection timeout must be at least "
                    + MIN_CONNECTION_TIMEOUT.toMillis() + " ms, got " + connectionTimeout.toMillis() + " ms");
        }
    }

    /** Settings with the {@linkplain #DEFAULT_CONNECTION_TIMEOUT default connection timeout}. */
    public DbSettings(String url, String user, String password, int maxPoolSize) {
        this(url, user, password, maxPoolSize, DEFAULT_CONNECTION_TIMEOUT);
    }

    public static DbSettings embedded() {
        return new DbSettings(EMBEDDED_URL, "sa", "", 10);
    }

    public DbSettings withConnectionTimeout(Duration timeout) {
        return new DbSettings(url, user, password, maxPoolSize, timeout);
    }

    public Dialect dialect() {
        return Dialect.of(url);
    }

    /**
     * The URL the pool opens: {@link #url()}, plus for H2 the settings Shoptalk relies on when the URL does not set
     * them itself: {@code WRITE_DELAY=0} for a database kept in files, so every commit is in the file before it is
     * acknowledged, and {@code QUERY_CACHE_SIZE=128} (see {@link #H2_QUERY_CACHE}). A setting the URL names is left
     * as it is; PostgreSQL URLs are never changed.
     */
    public String jdbcUrl() {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:")) {
            return url;
        }
        boolean inMemory = inMemoryH2(lower);
        StringBuilder result = new StringBuilder(url);
        while (result.charAt(result.length() - 1) == ';') {
            result.setLength(result.length() - 1);
        }
        if (!inMemory && !lower.contains(";write_delay=")) {
            result.append(';').append(H2_DURABLE_COMMITS);
        }
        if (!lower.contains(";query_cache_size=")) {
            result.append(';').append(H2_QUERY_CACHE);
        }
        return result.toString();
    }

    /**
     * True for an H2 database kept in a file that only this process opens (not in memory, not through an H2 server,
     * no {@code AUTO_SERVER=TRUE}) and whose URL chooses no write delay of its own, so that {@link #jdbcUrl()} adds
     * {@code WRITE_DELAY=0}: only then may {@link Database#start} write the schema of a new, empty database with
     * fewer stores and restore {@code WRITE_DELAY=0} before it returns ({@link NewSchemaWrites}).
     */
    boolean ownsH2FileWrites() {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:") || inMemoryH2(lower)) {
            return false;
        }
        String rest = lower.substring("jdbc:h2:".length());
        return !rest.startsWith("tcp:")
                && !rest.startsWith("ssl:")
                && !lower.contains(";auto_server=true")
                && !lower.contains(";write_delay=");
    }

    private static boolean inMemoryH2(String lowerUrl) {
        return lowerUrl.startsWith("jdbc:h2:mem:") || lowerUrl.contains("/mem:");
    }

    @Override
    public String toString() {
        return "DbSettings[url=" + url + ", user=" + user + ", maxPoolSize=" + maxPoolSize + ", connectionTimeout="
                + connectionTimeout.toMillis() + "ms]";
    }
}

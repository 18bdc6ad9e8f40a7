package org.shoptalk.core.db;

import java.util.Objects;

/** Where the database is. The embedded default is an H2 file under ./data. */
public record DbSettings(String url, String user, String password, int maxPoolSize) {
    public static final String EMBEDDED_URL = "jdbc:h2:file:./data/shoptalk;AUTO_SERVER=FALSE";

    public DbSettings {
        Objects.requireNonNull(url, "url");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1");
        }
    }

    public static DbSettings embedded() {
        return new DbSettings(EMBEDDED_URL, "sa", "", 10);
    }

    public Dialect dialect() {
        return Dialect.of(url);
    }

    @Override
    public String toString() {
        return "DbSettings[url=" + url + ", user=" + user + ", maxPoolSize=" + maxPoolSize + "]";
    }
}

package org.shoptalk.core.db;

/** The two databases Shoptalk runs on. One schema serves both; only Quartz needs to know which. */
public enum Dialect {
    H2("org.quartz.impl.jdbcjobstore.StdJDBCDelegate", "org/quartz/impl/jdbcjobstore/tables_h2.sql"),
    POSTGRES("org.quartz.impl.jdbcjobstore.PostgreSQLDelegate", "org/quartz/impl/jdbcjobstore/tables_postgres.sql");

    private final String quartzDelegate;
    private final String quartzDdl;

    Dialect(String quartzDelegate, String quartzDdl) {
        this.quartzDelegate = quartzDelegate;
        this.quartzDdl = quartzDdl;
    }

    public String quartzDelegate() {
        return quartzDelegate;
    }

    /** Classpath resource, inside the Quartz jar, with Quartz's own tables for this database. */
    public String quartzDdl() {
        return quartzDdl;
    }

    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRES;
        }
        throw new IllegalArgumentException(
                "unsupported database URL (use jdbc:h2:... or jdbc:postgresql://host:port/db): " + jdbcUrl);
    }
}

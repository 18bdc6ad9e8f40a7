package org.shoptalk.core.db;

/**
 * The two databases Shoptalk runs on. One schema serves both; only Quartz needs to know which: the delegate that writes
 * its SQL (on H2 Quartz's standard one with the due-trigger query in index order) and the script of its tables.
 */
public enum Dialect {
    H2("org.shoptalk.core.db.H2JobStoreDelegate", "org/quartz/impl/jdbcjobstore/tables_h2.sql"),
    POSTGRES("org.shoptalk.core.db.PostgresJobStoreDelegate", "org/quartz/impl/jdbcjobstore/tables_postgres.sql");

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

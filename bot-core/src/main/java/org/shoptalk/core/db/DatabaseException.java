package org.shoptalk.core.db;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * An unexpected database failure. Carries the statement, never the bound values (they may be people's words).
 * {@link #of} tells a database that is away ({@link DatabaseUnavailableException}) from one that refused
 * this statement (a value too long, a broken constraint): only the first is worth retrying.
 */
public class DatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * SQLSTATE classes that mean "not now" rather than "not this": connection exception, transaction
     * rollback (serialization failure, deadlock), insufficient resources, operator intervention (shutdown),
     * system error. Drivers do not always pick the matching exception subtype, so the class decides too.
     */
    private static final Set<String> UNAVAILABLE_CLASSES = Set.of("08", "40", "53", "57", "58");

    public DatabaseException(String sql, SQLException cause) {
        super("database error (" + cause.getSQLState() + ") in: " + sql, cause);
    }

    /** The right exception for a failed statement: unavailable when retrying later may succeed. */
    public static DatabaseException of(String sql, SQLException cause) {
        return unavailable(cause) ? new DatabaseUnavailableException(sql, cause) : new DatabaseException(sql, cause);
    }

    private static boolean unavailable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException s
                    && s.getSQLState() != null
                    && s.getSQLState().length() >= 2
                    && UNAVAILABLE_CLASSES.contains(s.getSQLState().substring(0, 2))) {
                return true;
            }
        }
        return false;
    }
}

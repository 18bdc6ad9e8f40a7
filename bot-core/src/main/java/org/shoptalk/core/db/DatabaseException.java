package org.shoptalk.core.db;

import java.sql.SQLException;

/** An unexpected database failure. Carries the statement, never the bound values (they may be people's words). */
public class DatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatabaseException(String sql, SQLException cause) {
        super("database error (" + cause.getSQLState() + ") in: " + sql, cause);
    }
}

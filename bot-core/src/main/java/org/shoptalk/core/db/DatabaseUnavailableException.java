package org.shoptalk.core.db;

import java.sql.SQLException;

/**
 * The database could not be reached or asked us to try again: no connection (refused, lost, pool exhausted or
 * closed), a serialization failure or deadlock, the server short of resources or shutting down. Unlike other
 * {@link DatabaseException}s, the same work may well succeed a little later.
 */
public final class DatabaseUnavailableException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    DatabaseUnavailableException(String sql, SQLException cause) {
        super(sql, cause);
    }
}

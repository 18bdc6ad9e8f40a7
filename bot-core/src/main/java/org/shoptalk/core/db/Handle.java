package org.shoptalk.core.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A thin layer over one JDBC connection, in the spirit of Jdbi's Handle: positional parameters,
 * row mappers, and the value conversions both databases agree on. Not thread-safe.
 */
public final class Handle {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** PostgreSQL skips a duplicate with {@code ON CONFLICT DO NOTHING}: no savepoint, two round trips fewer. */
    private static final String SKIP_DUPLICATE = " ON CONFLICT DO NOTHING";

    private final Connection connection;
    private final Dialect dialect;

    Handle(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** The database this handle talks to, for the few statements whose best form differs between the two. */
    public Dialect dialect() {
        return dialect;
    }

    public Connection connection() {
        return connection;
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (PreparedStatement ps = prepare(sql, false, params);
                ResultSet rs = ps.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw DatabaseException.of(sql, e);
        }
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        if (rows.size() > 1) {
            throw new IllegalStateException("expected at most one row, got " + rows.size());
        }
        return rows.stream().findFirst();
    }

    public long count(String sql, Object... params) {
        return queryOne(sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    public int update(String sql, Object... params) {
        try (PreparedStatement ps = prepare(sql, false, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw DatabaseException.of(sql, e);
        }
    }

    /** Inserts one row and returns its generated {@code id}. */
    public long insert(String sql, Object... params) {
        try (PreparedStatement ps = prepare(sql, true, params)) {
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new IllegalStateException("no generated key for: " + sql);
                }
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw DatabaseException.of(sql, e);
        }
    }

    /**
     * Inserts a row unless one with the same unique key exists. Returns true when this call inserted it.
     * {@code sql} is a plain {@code INSERT ... VALUES (...)}. On PostgreSQL the duplicate is skipped by the database
     * ({@code ON CONFLICT DO NOTHING}). On H2 the insert is simply tried: H2 rolls a failed statement back on its own
     * and the surrounding transaction goes on (its {@code Command.executeUpdate} sets an internal savepoint around
     * every statement), so a JDBC savepoint here only cost a {@code SAVEPOINT} command parsed anew for every insert
     * (each gets a new name), on the answer path twice per answer (issue 13).
     */
    public boolean insertIfAbsent(String sql, Object... params) {
        return insertIfAbsent(sql, false, params).isPresent();
    }

    /**
     * As {@link #insertIfAbsent(String, Object...)}, returning the new row's generated {@code id}: empty when the row
     * existed. Spares reading back a row this call wrote.
     */
    public Optional<Long> insertIfAbsentReturningId(String sql, Object... params) {
        return insertIfAbsent(sql, true, params);
    }

    /** Present when inserted: the generated id when {@code keys}, else 0. */
    private Optional<Long> insertIfAbsent(String sql, boolean keys, Object... params) {
        if (dialect == Dialect.POSTGRES) {
            try (PreparedStatement ps = prepare(sql + SKIP_DUPLICATE, keys, params)) {
                return ps.executeUpdate() == 1 ? Optional.of(keys ? key(ps, sql) : 0L) : Optional.empty();
            } catch (SQLException e) {
                throw DatabaseException.of(sql, e);
            }
        }
        try (PreparedStatement ps = prepare(sql, keys, params)) {
            ps.executeUpdate();
            return Optional.of(keys ? key(ps, sql) : 0L);
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                return Optional.empty();
            }
            throw DatabaseException.of(sql, e);
        }
    }

    private static long key(PreparedStatement ps, String sql) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new IllegalStateException("no generated key for: " + sql);
            }
            return keys.getLong(1);
        }
    }

    static boolean isUniqueViolation(SQLException e) {
        // 23505 is the SQL standard state for unique violation, used by PostgreSQL and H2.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private PreparedStatement prepare(String sql, boolean keys, Object... params) throws SQLException {
        PreparedStatement ps =
                keys ? connection.prepareStatement(sql, new String[] {"id"}) : connection.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                bind(ps, i + 1, params[i]);
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NULL);
        } else if (value instanceof Instant instant) {
            ps.setTimestamp(index, Timestamp.from(instant));
        } else if (value instanceof LocalDate date) {
            ps.setObject(index, date);
        } else if (value instanceof Enum<?> e) {
            ps.setString(index, e.name());
        } else {
            ps.setObject(index, value);
        }
    }

    /** Reads a timestamp column as an instant; columns hold UTC instants. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}

package org.shoptalk.core.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A schema written out as lines of text, so two databases made different ways can be compared with one
 * {@code isEqualTo}: every column (position, type, length, nullability, default, identity), every index with its
 * columns and their order, every constraint with its columns, referenced table and delete rule, and every row of every
 * table but Flyway's history. Names H2 makes up itself (after internal object numbers that depend on the order things
 * were made) are masked; PostgreSQL's are derived from the table and columns and kept.
 */
final class SchemaDescription {
    private static final String HISTORY = "flyway_schema_history";

    private SchemaDescription() {}

    static List<String> of(Connection c) throws SQLException {
        Dialect dialect = Dialect.of(c.getMetaData().getURL());
        List<String> lines = new ArrayList<>();
        lines.addAll(query(
                c,
                "SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, IS_NULLABLE,"
                        + " COLUMN_DEFAULT, IS_IDENTITY FROM INFORMATION_SCHEMA.COLUMNS"
                        + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA ORDER BY TABLE_NAME, ORDINAL_POSITION"));
        switch (dialect) {
            case H2 -> {
                lines.addAll(masked(query(
                        c,
                        "SELECT i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME, c.COLUMN_NAME, c.ORDINAL_POSITION,"
                                + " c.ORDERING_SPECIFICATION FROM INFORMATION_SCHEMA.INDEXES i"
                                + " JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c"
                                + " ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME"
                                + " WHERE i.TABLE_SCHEMA = CURRENT_SCHEMA")));
                lines.addAll(masked(query(
                        c,
                        "SELECT t.TABLE_NAME, t.CONSTRAINT_NAME, t.CONSTRAINT_TYPE,"
                                + " (SELECT LISTAGG(k.COLUMN_NAME, ',') WITHIN GROUP (ORDER BY k.ORDINAL_POSITION)"
                                + "  FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE k"
                                + "  WHERE k.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA"
                                + "  AND k.CONSTRAINT_NAME = t.CONSTRAINT_NAME),"
                                + " r.DELETE_RULE, u.TABLE_NAME"
                                + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS t"
                                + " LEFT JOIN INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS r"
                                + " ON r.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA"
                                + " AND r.CONSTRAINT_NAME = t.CONSTRAINT_NAME"
                                + " LEFT JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS u"
                                + " ON u.CONSTRAINT_SCHEMA = r.UNIQUE_CONSTRAINT_SCHEMA"
                                + " AND u.CONSTRAINT_NAME = r.UNIQUE_CONSTRAINT_NAME"
                                + " WHERE t.TABLE_SCHEMA = CURRENT_SCHEMA")));
            }
            case POSTGRES -> {
                lines.addAll(query(
                        c,
                        "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema"
                                + " ORDER BY tablename, indexname"));
                lines.addAll(query(
                        c,
                        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint"
                                + " WHERE connamespace = current_schema::regnamespace ORDER BY 1, 2"));
            }
        }
        for (String table : query(
                c,
                "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = CURRENT_SCHEMA"
                        + " AND TABLE_TYPE IN ('BASE TABLE', 'TABLE') ORDER BY TABLE_NAME")) {
            if (!table.equals(HISTORY)) {
                query(c, "SELECT * FROM \"" + table + "\"").stream()
                        .sorted()
                        .map(row -> table + ": " + row)
                        .forEach(lines::add);
            }
        }
        return lines;
    }

    /**
     * H2's own names, such as {@code CONSTRAINT_8D}, {@code CONSTRAINT_735_INDEX_5} or {@code PRIMARY_KEY_6C2}, masked;
     * then sorted.
     */
    private static List<String> masked(List<String> lines) {
        return lines.stream()
                .map(line -> line.replaceAll("\\b(CONSTRAINT|PRIMARY_KEY)_[0-9A-F]+\\b", "$1_n")
                        .replaceAll("\\b(CONSTRAINT)_[0-9A-F]+_INDEX_[0-9A-F]+\\b", "$1_INDEX_n")
                        .replaceAll("_INDEX_[0-9A-F]+\\b", "_INDEX_n"))
                .sorted()
                .toList();
    }

    private static List<String> query(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i == 1 ? "" : " | ").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}

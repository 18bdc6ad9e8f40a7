package org.shoptalk.core.local;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.Handle;
import org.shoptalk.core.local.LocalMessage.Kind;

/** The local console's messages in the database (table local_message). Thread-safe. */
final class LocalMessageStore {
    private static final String COLUMNS =
            "id, channel_id, thread_id, kind, user_id, text, visible_to, posted_at, edited_at, blocks";

    private final Database database;

    LocalMessageStore(Database database) {
        this.database = database;
    }

    LocalMessage insert(
            String channel, Long thread, Kind kind, String user, String text, String visibleTo, Instant at) {
        return insert(channel, thread, kind, user, text, visibleTo, at, null);
    }

    LocalMessage insert(
            String channel,
            Long thread,
            Kind kind,
            String user,
            String text,
            String visibleTo,
            Instant at,
            String blocks) {
        long id = database.withHandle(h -> h.insert(
                "INSERT INTO local_message (channel_id, thread_id, kind, user_id, text, visible_to, posted_at, blocks)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                channel,
                thread,
                kind,
                user,
                text,
                visibleTo,
                at,
                blocks));
        String idText = Long.toString(id);
        return new LocalMessage(
                idText,
                channel,
                thread == null ? idText : thread.toString(),
                kind,
                user,
                text,
                visibleTo,
                at,
                false,
                blocks);
    }

    Optional<LocalMessage> find(long id) {
        return database.withHandle(
                h -> h.queryOne("SELECT " + COLUMNS + " FROM local_message WHERE id = ?", LocalMessageStore::map, id));
    }

    /** The oldest public top-level bot message in the channel with exactly this text, posted at or after {@code since}. */
    Optional<LocalMessage> findBotTopLevel(String channel, String text, Instant since) {
        return database
                .withHandle(h -> h.query(
                        "SELECT " + COLUMNS
                                + " FROM local_message WHERE channel_id = ? AND thread_id IS NULL AND kind = ?"
                                + " AND visible_to IS NULL AND posted_at >= ? AND text = ? ORDER BY id",
                        LocalMessageStore::map,
                        channel,
                        Kind.BOT,
                        since,
                        text))
                .stream()
                .findFirst();
    }

    List<LocalMessage> list(String channel) {
        return database.withHandle(h -> h.query(
                "SELECT " + COLUMNS + " FROM local_message WHERE channel_id = ? ORDER BY id",
                LocalMessageStore::map,
                channel));
    }

    List<String> channels() {
        return database.withHandle(h ->
                h.query("SELECT DISTINCT channel_id FROM local_message ORDER BY channel_id", rs -> rs.getString(1)));
    }

    boolean updateText(long id, String text, Instant at) {
        return database.withHandle(
                        h -> h.update("UPDATE local_message SET text = ?, edited_at = ? WHERE id = ?", text, at, id))
                == 1;
    }

    boolean updateBot(long id, String text, String blocks, Instant at) {
        return database.withHandle(h -> h.update(
                        "UPDATE local_message SET text = ?, blocks = ?, edited_at = ? WHERE id = ?",
                        text,
                        blocks,
                        at,
                        id))
                == 1;
    }

    boolean delete(long id) {
        return database.withHandle(h -> h.update("DELETE FROM local_message WHERE id = ?", id)) == 1;
    }

    private static LocalMessage map(ResultSet rs) throws SQLException {
        String id = Long.toString(rs.getLong("id"));
        long thread = rs.getLong("thread_id");
        String threadId = rs.wasNull() ? id : Long.toString(thread);
        return new LocalMessage(
                id,
                rs.getString("channel_id"),
                threadId,
                Kind.valueOf(rs.getString("kind")),
                rs.getString("user_id"),
                rs.getString("text"),
                rs.getString("visible_to"),
                Handle.instant(rs, "posted_at"),
                rs.getTimestamp("edited_at") != null,
                rs.getString("blocks"));
    }
}

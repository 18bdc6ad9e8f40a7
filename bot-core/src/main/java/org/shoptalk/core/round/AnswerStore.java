package org.shoptalk.core.round;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.Excerpt;
import org.shoptalk.core.chat.SharedFile;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Dialect;
import org.shoptalk.core.db.Handle;

/** Answers in round threads. A platform message is stored once, whatever the retries. Thread-safe. */
public final class AnswerStore {
    static final int MAX_TEXT = 40_000;
    private static final String COLUMNS = "id, round_id, tenant, channel_id, message_id, author_id, text, responds_to,"
            + " posted_at, edited_at, anonymous, files";

    /**
     * An answer keeps at most {@value #MAX_TEXT} characters, what the column holds. Platforms cap a message near
     * that already; only text that grew in translation (Slack links spelled out) is cut, marked with "…".
     */
    static String fit(String text) {
        return Excerpt.cut(text, MAX_TEXT);
    }

    /** Stores the answer; false when this message was stored before (a retried delivery). */
    public boolean add(
            Handle h,
            long roundId,
            ChannelRef channel,
            String messageId,
            UserRef author,
            String text,
            UserRef respondsTo,
            Instant postedAt) {
        return add(h, roundId, channel, messageId, author, text, List.of(), respondsTo, postedAt);
    }

    /** Stores the answer with what was shared with it; false when this message was stored before. */
    public boolean add(
            Handle h,
            long roundId,
            ChannelRef channel,
            String messageId,
            UserRef author,
            String text,
            List<SharedFile> files,
            UserRef respondsTo,
            Instant postedAt) {
        return h.insertIfAbsent(
                "INSERT INTO answer (round_id, tenant, channel_id, message_id, author_id, text, responds_to,"
                        + " posted_at, files) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                roundId,
                channel.tenant().key(),
                channel.id(),
                messageId,
                author.id(),
                fit(text),
                respondsTo == null ? null : respondsTo.id(),
                postedAt,
                encode(files));
    }

    /** One file a line: "I:" or "F:" and the name (names are one line by construction); null for none. */
    static String encode(List<SharedFile> files) {
        if (files == null || files.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (SharedFile f : SharedFile.list(files)) {
            out.append(out.length() > 0 ? "\n" : "")
                    .append(f.kind() == SharedFile.Kind.IMAGE ? "I:" : "F:")
                    .append(f.name());
        }
        return out.toString();
    }

    static List<SharedFile> decode(String stored) {
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        return stored.lines()
                .filter(line -> line.length() >= 2)
                .map(line -> new SharedFile(
                        line.substring(2), line.startsWith("I:") ? SharedFile.Kind.IMAGE : SharedFile.Kind.FILE))
                .toList();
    }

    /** Stores an answer given through the bot in private; {@code pseudonym} stands in for the author. */
    public boolean addAnonymous(
            Handle h,
            long roundId,
            ChannelRef channel,
            String messageId,
            String pseudonym,
            String text,
            Instant postedAt) {
        return h.insertIfAbsent(
                "INSERT INTO answer (round_id, tenant, channel_id, message_id, author_id, text, posted_at,"
                        + " anonymous) VALUES (?, ?, ?, ?, ?, ?, ?, TRUE)",
                roundId,
                channel.tenant().key(),
                channel.id(),
                messageId,
                pseudonym,
                fit(text),
                postedAt);
    }

    public Optional<Answer> find(Handle h, ChannelRef channel, String messageId) {
        return h.queryOne(
                "SELECT " + COLUMNS + " FROM answer WHERE tenant = ? AND channel_id = ? AND message_id = ?",
                AnswerStore::map,
                channel.tenant().key(),
                channel.id(),
                messageId);
    }

    public void edit(Handle h, Answer answer, String text, UserRef respondsTo, Instant at) {
        h.update(
                "UPDATE answer SET text = ?, responds_to = ?, edited_at = ? WHERE id = ?",
                fit(text),
                respondsTo == null ? null : respondsTo.id(),
                at,
                answer.id());
    }

    public boolean delete(Handle h, ChannelRef channel, String messageId) {
        return h.update(
                        "DELETE FROM answer WHERE tenant = ? AND channel_id = ? AND message_id = ?",
                        channel.tenant().key(),
                        channel.id(),
                        messageId)
                > 0;
    }

    /**
     * Stores an anonymous answer under a new pseudonym (its author's key changed), and moves the answers that
     * respond to it along.
     */
    public void rekey(Handle h, Answer answer, String pseudonym) {
        h.update(
                "UPDATE answer SET responds_to = ? WHERE round_id = ? AND responds_to = ?",
                pseudonym,
                answer.roundId(),
                answer.author().id());
        h.update("UPDATE answer SET author_id = ? WHERE id = ? AND anonymous = TRUE", pseudonym, answer.id());
    }

    /**
     * Removes a round's anonymous answers stored under any of these pseudonyms, and the pseudonyms from others'
     * "who answered whom"; returns how many answers were removed.
     */
    public int forgetPseudonyms(Handle h, long roundId, Collection<String> pseudonyms) {
        int removed = 0;
        for (String pseudonym : pseudonyms) {
            h.update("UPDATE answer SET responds_to = NULL WHERE round_id = ? AND responds_to = ?", roundId, pseudonym);
            removed += h.update(
                    "DELETE FROM answer WHERE round_id = ? AND anonymous = TRUE AND author_id = ?", roundId, pseudonym);
        }
        return removed;
    }

    /** Where an answer stands in its round's thread order: by time posted, then by id. */
    public record Place(Instant postedAt, long id) {}

    /**
     * Whether the person has an answer in the round before {@code before} (null: anywhere). One index probe
     * (answer_round_author), however many answers the round has.
     */
    public boolean answered(Handle h, long roundId, UserRef person, Place before) {
        String sql = "SELECT id FROM answer WHERE round_id = ? AND author_id = ? AND tenant = ?";
        Optional<Long> found = before == null
                ? h.queryOne(
                        sql + " FETCH FIRST 1 ROWS ONLY",
                        rs -> rs.getLong(1),
                        roundId,
                        person.id(),
                        person.tenant().key())
                : h.queryOne(
                        sql + BEFORE + " FETCH FIRST 1 ROWS ONLY",
                        rs -> rs.getLong(1),
                        roundId,
                        person.id(),
                        person.tenant().key(),
                        before.postedAt(),
                        before.postedAt(),
                        before.id());
        return found.isPresent();
    }

    /**
     * Who wrote the round's last answer before {@code before} (null: the latest), and whether {@code author} has an
     * answer there too: the two questions of "whom does this respond to" in one round trip (issue 13), each an
     * index probe (answer_round_order, answer_round_author). Empty when the round has no answer there yet.
     */
    public Optional<Latest> latest(Handle h, long roundId, UserRef author, Place before) {
        String sql = latestSql(h.dialect(), before != null);
        Handle.RowMapper<Latest> map = rs -> new Latest(author(rs), rs.getBoolean("answered"));
        return before == null
                ? h.queryOne(sql, map, roundId, author.id(), author.tenant().key(), roundId)
                : h.queryOne(
                        sql,
                        map,
                        roundId,
                        author.id(),
                        author.tenant().key(),
                        before.postedAt(),
                        before.postedAt(),
                        before.id(),
                        roundId,
                        before.postedAt(),
                        before.postedAt(),
                        before.postedAt(),
                        before.id());
    }

    /** The last answer's author, and whether the person asked about answered before it too. */
    public record Latest(UserRef lastAuthor, boolean authorAnswered) {}

    /** The statement of {@link #latest}: parameters round, author id, tenant[, place x3], round[, place x4]. */
    static String latestSql(Dialect dialect, boolean before) {
        String answered = "EXISTS (SELECT 1 FROM answer b WHERE b.round_id = ? AND b.author_id = ? AND b.tenant = ?"
                + (before ? " AND (b.posted_at < ? OR (b.posted_at = ? AND b.id < ?))" : "")
                + ")";
        return "SELECT a.tenant, a.author_id, " + answered + " AS answered FROM answer a"
                // H2 otherwise takes the foreign key's one-column index for round_id = ? and sorts the whole round
                // (4,158 rows scanned per answer in a round of 4,157, found by the quiet-machine bench, 2026-12-01);
                // with the order index it reads the latest answer from the index's head (1 row). round_id leads the
                // order as it leads that index, so the index gives the order. PostgreSQL finds the index itself.
                + (dialect == Dialect.H2 ? " USE INDEX (answer_round_order)" : "")
                + " WHERE a.round_id = ?"
                // The first condition is implied by the second; it is there because H2 starts its index range at it,
                // where the OR alone made it read every later answer first.
                + (before ? " AND a.posted_at <= ? AND (a.posted_at < ? OR (a.posted_at = ? AND a.id < ?))" : "")
                + " ORDER BY a.round_id, a.posted_at DESC, a.id DESC FETCH FIRST 1 ROWS ONLY";
    }

    private static final String BEFORE = " AND (posted_at < ? OR (posted_at = ? AND id < ?))";

    private static UserRef author(ResultSet rs) throws SQLException {
        return new UserRef(Tenant.fromKey(rs.getString("tenant")), rs.getString("author_id"));
    }

    /** A round's answers in thread order. */
    public List<Answer> forRound(Handle h, long roundId) {
        return h.query(
                "SELECT " + COLUMNS + " FROM answer WHERE round_id = ? ORDER BY posted_at, id",
                AnswerStore::map,
                roundId);
    }

    /**
     * Who has answered a round: author ids of named answers, and the pseudonyms of anonymous ones. Reads ids only,
     * not the answers' words, for work that needs to know who answered rather than what (reminders).
     */
    public Writers writers(Handle h, long roundId) {
        Set<String> named = new HashSet<>();
        Set<String> anonymous = new HashSet<>();
        h.query(
                "SELECT DISTINCT author_id, anonymous FROM answer WHERE round_id = ?",
                rs -> (rs.getBoolean("anonymous") ? anonymous : named).add(rs.getString("author_id")),
                roundId);
        return new Writers(Set.copyOf(named), Set.copyOf(anonymous));
    }

    /** Who has answered a round, as {@link #writers(Handle, long)} reads it. */
    public record Writers(Set<String> named, Set<String> pseudonyms) {}

    /**
     * Retention: removes the guild's answers, named and anonymous, posted before {@code cutoff}.
     *
     * @return how many answers were removed
     */
    public int purgeOlderThan(Handle h, long guildId, Instant cutoff) {
        return h.update(
                "DELETE FROM answer WHERE posted_at < ? AND round_id IN (SELECT id FROM round WHERE guild_id = ?)",
                cutoff,
                guildId);
    }

    /** When the guild's oldest kept answer was posted; empty when it has none. */
    public Optional<Instant> oldest(Handle h, long guildId) {
        return h.queryOne(
                        "SELECT MIN(a.posted_at) AS oldest FROM answer a JOIN round r ON r.id = a.round_id"
                                + " WHERE r.guild_id = ?",
                        rs -> Optional.ofNullable(Handle.instant(rs, "oldest")),
                        guildId)
                .flatMap(o -> o);
    }

    /** Removes everything a person wrote in this tenant, and their place in others' "who answered whom". */
    public int forget(Handle h, UserRef person) {
        h.update(
                "UPDATE answer SET responds_to = NULL WHERE tenant = ? AND responds_to = ?",
                person.tenant().key(),
                person.id());
        return h.update(
                "DELETE FROM answer WHERE tenant = ? AND author_id = ?",
                person.tenant().key(),
                person.id());
    }

    private static Answer map(ResultSet rs) throws SQLException {
        Tenant tenant = Tenant.fromKey(rs.getString("tenant"));
        String respondsTo = rs.getString("responds_to");
        return new Answer(
                rs.getLong("id"),
                rs.getLong("round_id"),
                new ChannelRef(tenant, rs.getString("channel_id")),
                rs.getString("message_id"),
                new UserRef(tenant, rs.getString("author_id")),
                rs.getString("text"),
                respondsTo == null ? null : new UserRef(tenant, respondsTo),
                Handle.instant(rs, "posted_at"),
                Handle.instant(rs, "edited_at"),
                rs.getBoolean("anonymous"),
                decode(rs.getString("files")));
    }

    /** For pairing: the channel each named author of the guild last answered in (anonymous answers left out). */
    public Map<String, String> lastChannelByAuthor(Handle h, long guildId) {
        Map<String, String> home = new HashMap<>();
        h.query(
                "SELECT a.author_id, a.channel_id FROM answer a JOIN round r ON r.id = a.round_id WHERE r.guild_id = ?"
                        + " AND a.anonymous = FALSE ORDER BY a.posted_at",
                rs -> home.put(rs.getString(1), rs.getString(2)),
                guildId);
        return home;
    }

    /** Who answered, whether as a reply to someone, and when: one answer of the guild posted in {@code [from, to)}. */
    public record Activity(String authorId, boolean reply, Instant at) {}

    /** The guild's answers posted in {@code [from, to)}, in no particular order, without their words. */
    public List<Activity> activityBetween(Handle h, long guildId, Instant from, Instant to) {
        return h.query(
                "SELECT a.author_id, a.responds_to, a.posted_at FROM answer a"
                        + " JOIN round r ON r.id = a.round_id WHERE r.guild_id = ? AND a.posted_at >= ? AND a.posted_at < ?",
                rs -> new Activity(
                        rs.getString("author_id"),
                        rs.getString("responds_to") != null,
                        Handle.instant(rs, "posted_at")),
                guildId,
                from,
                to);
    }

    /** "forget me"'s preview: the person's named answers in this tenant. */
    public int countBy(Handle h, UserRef person) {
        return (int) h.count(
                "SELECT COUNT(*) FROM answer WHERE tenant = ? AND author_id = ?",
                person.tenant().key(),
                person.id());
    }

    /** "forget me"'s preview: others' answers in this tenant that record a response to the person. */
    public int countRespondingTo(Handle h, UserRef person) {
        return (int) h.count(
                "SELECT COUNT(*) FROM answer WHERE tenant = ? AND responds_to = ? AND author_id <> ?",
                person.tenant().key(),
                person.id(),
                person.id());
    }

    /** A round's anonymous answers stored under any of these pseudonyms ("forget me" finds a person's by them). */
    public List<Answer> anonymousBy(Handle h, long roundId, Collection<String> pseudonyms) {
        List<Answer> found = new ArrayList<>();
        for (String pseudonym : pseudonyms) {
            found.addAll(h.query(
                    "SELECT " + COLUMNS + " FROM answer WHERE round_id = ? AND anonymous = TRUE AND author_id = ?",
                    AnswerStore::map,
                    roundId,
                    pseudonym));
        }
        return found;
    }
}

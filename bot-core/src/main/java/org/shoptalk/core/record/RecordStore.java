package org.shoptalk.core.record;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Handle;
import org.shoptalk.core.prompt.Theme;

/**
 * What the personal record reads (docs/record.md): one person's answers, goals, intervisie sessions and takeaways
 * in a tenant, for a period {@code [from, to)}. Read only. Thread-safe.
 */
final class RecordStore {
    private static final int BATCH = 100;
    private static final String ANSWER_COLUMNS = "a.round_id, a.author_id, a.text, a.posted_at, r.prompt_id, r.theme,"
            + " r.prompt_text, g.name AS guild_name";
    private static final String ANSWER_FROM =
            " FROM answer a JOIN round r ON r.id = a.round_id JOIN guild g ON g.id = r.guild_id";

    /** An answer row; {@code author} is the stored author id (a pseudonym for an anonymous answer). */
    record AnswerRow(
            long roundId,
            String author,
            String text,
            Instant postedAt,
            String promptId,
            Theme theme,
            String question,
            String guild) {}

    record GoalRow(long id, String statement, String forWhom, LocalDate reviewOn, Instant createdAt) {}

    record ReviewRow(long goalId, long roundId, Instant openedAt) {}

    record SessionRow(
            long id,
            long guildId,
            String method,
            Instant startedAt,
            Instant finishedAt,
            String state,
            String bringer,
            Integer minutes) {}

    record TakeawayRow(long sessionId, String text) {}

    /** The person's answers under their own name posted in the period, oldest first. */
    List<AnswerRow> namedAnswers(Handle h, UserRef person, Instant from, Instant to) {
        return h.query(
                "SELECT " + ANSWER_COLUMNS + ANSWER_FROM + " WHERE a.tenant = ? AND a.author_id = ?"
                        + " AND a.anonymous = FALSE AND a.posted_at >= ? AND a.posted_at < ? ORDER BY a.posted_at, a.id",
                RecordStore::answer,
                person.tenant().key(),
                person.id(),
                from,
                to);
    }

    /** Ids of the tenant's rounds that were open at some time in the period: where anonymous answers may sit. */
    List<Long> roundsOpenIn(Handle h, String tenant, Instant from, Instant to) {
        return h.query(
                "SELECT r.id FROM round r JOIN guild g ON g.id = r.guild_id WHERE g.tenant = ? AND r.opened_at < ?"
                        + " AND r.closes_at >= ? ORDER BY r.id",
                rs -> rs.getLong(1),
                tenant,
                to,
                from);
    }

    /**
     * Anonymous answers stored under one of {@code pseudonyms} and posted in the period. Only rows whose author is one
     * of the given keyed pseudonyms are read: other people's anonymous answers never leave the database.
     */
    List<AnswerRow> anonymousAnswers(Handle h, Collection<String> pseudonyms, Instant from, Instant to) {
        List<String> all = new ArrayList<>(pseudonyms);
        List<AnswerRow> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += BATCH) {
            List<String> batch = all.subList(i, Math.min(all.size(), i + BATCH));
            List<Object> params = new ArrayList<>(batch);
            params.add(from);
            params.add(to);
            out.addAll(h.query(
                    "SELECT " + ANSWER_COLUMNS + ANSWER_FROM + " WHERE a.anonymous = TRUE AND a.author_id IN ("
                            + String.join(", ", Collections.nCopies(batch.size(), "?"))
                            + ") AND a.posted_at >= ? AND a.posted_at < ? ORDER BY a.posted_at, a.id",
                    RecordStore::answer,
                    params.toArray()));
        }
        return out;
    }

    /** Goals the person set in the tenant that were set, or come up for review, in the period. */
    List<GoalRow> goals(Handle h, UserRef person, Instant from, Instant to, LocalDate firstDay, LocalDate lastDay) {
        return h.query(
                "SELECT id, statement, for_whom, review_on, created_at FROM goal WHERE created_by = ?"
                        + " AND guild_id IN (SELECT id FROM guild WHERE tenant = ?)"
                        + " AND ((created_at >= ? AND created_at < ?) OR (review_on >= ? AND review_on <= ?))"
                        + " ORDER BY created_at, id",
                rs -> new GoalRow(
                        rs.getLong("id"),
                        rs.getString("statement"),
                        rs.getString("for_whom"),
                        Handle.date(rs, "review_on"),
                        Handle.instant(rs, "created_at")),
                person.id(),
                person.tenant().key(),
                from,
                to,
                firstDay,
                lastDay);
    }

    /** The accountability rounds of a goal (opened by its review, prompt id {@code goal-<id>}), oldest first. */
    List<ReviewRow> reviews(Handle h, long goalId) {
        return h.query(
                "SELECT id, opened_at FROM round WHERE prompt_id = ? ORDER BY opened_at, id",
                rs -> new ReviewRow(goalId, rs.getLong("id"), Handle.instant(rs, "opened_at")),
                "goal-" + goalId);
    }

    /** Intervisie sessions the person is in that started in the period, with the minutes they reported. */
    List<SessionRow> sessions(Handle h, UserRef person, Instant from, Instant to) {
        return h.query(
                "SELECT i.id, i.guild_id, i.method, i.started_at, i.finished_at, i.state, i.bringer, t.minutes"
                        + " FROM intervisie_member m JOIN intervisie i ON i.id = m.intervisie_id"
                        + " LEFT JOIN intervisie_time t ON t.intervisie_id = i.id AND t.user_id = m.user_id"
                        + " WHERE i.tenant = ? AND m.user_id = ? AND i.started_at >= ? AND i.started_at < ?"
                        + " ORDER BY i.started_at, i.id",
                rs -> {
                    int minutes = rs.getInt("minutes");
                    Integer reported = rs.wasNull() ? null : minutes;
                    return new SessionRow(
                            rs.getLong("id"),
                            rs.getLong("guild_id"),
                            rs.getString("method"),
                            Handle.instant(rs, "started_at"),
                            Handle.instant(rs, "finished_at"),
                            rs.getString("state"),
                            rs.getString("bringer"),
                            reported);
                },
                person.tenant().key(),
                person.id(),
                from,
                to);
    }

    /** The person's own takeaways in the tenant's sessions, oldest first. */
    List<TakeawayRow> takeaways(Handle h, UserRef person) {
        return h.query(
                "SELECT k.intervisie_id, k.text FROM intervisie_takeaway k JOIN intervisie i ON i.id = k.intervisie_id"
                        + " WHERE i.tenant = ? AND k.user_id = ? ORDER BY k.posted_at, k.message_id",
                rs -> new TakeawayRow(rs.getLong(1), rs.getString(2)),
                person.tenant().key(),
                person.id());
    }

    private static AnswerRow answer(ResultSet rs) throws SQLException {
        return new AnswerRow(
                rs.getLong("round_id"),
                rs.getString("author_id"),
                rs.getString("text"),
                Handle.instant(rs, "posted_at"),
                rs.getString("prompt_id"),
                Theme.parse(rs.getString("theme")).orElse(Theme.CRAFT),
                rs.getString("prompt_text"),
                rs.getString("guild_name"));
    }
}

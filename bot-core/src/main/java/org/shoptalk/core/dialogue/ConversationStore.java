package org.shoptalk.core.dialogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Handle;

/** The one multi-turn conversation a person may have with the bot, kept in the database so it survives restarts. */
public final class ConversationStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where a conversation stands: which step comes next and what the person said so far. */
    public record Conversation(String kind, long guildId, int step, Map<String, String> data, Instant updatedAt) {
        public Conversation {
            data = Map.copyOf(data);
        }

        public Conversation next(int nextStep, String key, String value, Instant now) {
            Map<String, String> d = new LinkedHashMap<>(data);
            d.put(key, value);
            return new Conversation(kind, guildId, nextStep, d, now);
        }
    }

    public Optional<Conversation> find(Handle h, UserRef user) {
        return h.queryOne(
                "SELECT kind, guild_id, step, data, updated_at FROM conversation WHERE tenant = ? AND user_id = ?",
                rs -> new Conversation(
                        rs.getString("kind"),
                        rs.getLong("guild_id"),
                        rs.getInt("step"),
                        parse(rs.getString("data")),
                        Handle.instant(rs, "updated_at")),
                user.tenant().key(),
                user.id());
    }

    public void save(Handle h, UserRef user, Conversation c) {
        String data = write(c.data());
        if (h.update(
                        "UPDATE conversation SET kind = ?, guild_id = ?, step = ?, data = ?, updated_at = ? WHERE tenant = ? AND user_id = ?",
                        c.kind(),
                        c.guildId(),
                        c.step(),
                        data,
                        c.updatedAt(),
                        user.tenant().key(),
                        user.id())
                == 0) {
            h.update(
                    "INSERT INTO conversation (tenant, user_id, kind, guild_id, step, data, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    user.tenant().key(),
                    user.id(),
                    c.kind(),
                    c.guildId(),
                    c.step(),
                    data,
                    c.updatedAt());
        }
    }

    /**
     * Retention: removes the guild's conversations (a goal coach left half-way) last touched before {@code cutoff}.
     *
     * @return how many were removed
     */
    public int purgeOlderThan(Handle h, long guildId, Instant cutoff) {
        return h.update("DELETE FROM conversation WHERE guild_id = ? AND updated_at < ?", guildId, cutoff);
    }

    /** When the guild's oldest kept conversation was last touched; empty when it has none. */
    public Optional<Instant> oldest(Handle h, long guildId) {
        return h.queryOne(
                        "SELECT MIN(updated_at) AS oldest FROM conversation WHERE guild_id = ?",
                        rs -> Optional.ofNullable(Handle.instant(rs, "oldest")),
                        guildId)
                .flatMap(o -> o);
    }

    public void end(Handle h, UserRef user) {
        h.update(
                "DELETE FROM conversation WHERE tenant = ? AND user_id = ?",
                user.tenant().key(),
                user.id());
    }

    private static Map<String, String> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable conversation state", e);
        }
    }

    private static String write(Map<String, String> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "forget me"'s preview: whether the person has a conversation open in this tenant (0 or 1). */
    public int countFor(Handle h, UserRef user) {
        return (int) h.count(
                "SELECT COUNT(*) FROM conversation WHERE tenant = ? AND user_id = ?",
                user.tenant().key(),
                user.id());
    }

    /** "forget me" (see {@link org.shoptalk.core.privacy.Forgetting}): ends the person's conversation; returns 0 or 1. */
    public int forget(Handle h, UserRef user) {
        return h.update(
                "DELETE FROM conversation WHERE tenant = ? AND user_id = ?",
                user.tenant().key(),
                user.id());
    }
}

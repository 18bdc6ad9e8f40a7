package org.shoptalk.core.prompt;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Handle;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.i18n.Texts;

/**
 * Prompts a guild wrote itself. They exist in the language they were written in, so both sides of the
 * {@link Prompt} carry the same text. Ids look like {@code own-12}. Thread-safe.
 */
public final class CustomPromptStore {
    static final String ID_PREFIX = "own-";

    public Prompt add(Handle h, Guild guild, Theme theme, String text, UserRef by, Instant now) {
        long id = h.insert(
                "INSERT INTO custom_prompt (guild_id, theme, text, created_by, created_at) VALUES (?, ?, ?, ?, ?)",
                guild.id(),
                theme.key(),
                text,
                by.id(),
                now);
        return prompt(id, theme, text);
    }

    public List<Prompt> forGuild(Handle h, Guild guild) {
        return h.query(
                "SELECT id, theme, text FROM custom_prompt WHERE guild_id = ? ORDER BY id",
                rs -> prompt(
                        rs.getLong("id"), Theme.parse(rs.getString("theme")).orElse(Theme.CRAFT), rs.getString("text")),
                guild.id());
    }

    public Optional<Prompt> find(Handle h, Guild guild, String promptId) {
        if (!promptId.startsWith(ID_PREFIX)) {
            return Optional.empty();
        }
        long id;
        try {
            id = Long.parseLong(promptId.substring(ID_PREFIX.length()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return h.queryOne(
                "SELECT id, theme, text FROM custom_prompt WHERE guild_id = ? AND id = ?",
                rs -> prompt(
                        rs.getLong("id"), Theme.parse(rs.getString("theme")).orElse(Theme.CRAFT), rs.getString("text")),
                guild.id(),
                id);
    }

    private static Prompt prompt(long id, Theme theme, String text) {
        Texts t = Texts.get();
        return new Prompt(
                ID_PREFIX + id,
                theme,
                text,
                text,
                t.t(Language.EN, "prompt.own.why"),
                t.t(Language.NL, "prompt.own.why"));
    }

    /** "forget me"'s preview: the prompts the person created in this tenant (they stay, as the guild's). */
    public int countCreatedBy(Handle h, UserRef person) {
        return (int) h.count(
                "SELECT COUNT(*) FROM custom_prompt WHERE created_by = ? AND guild_id IN (SELECT id FROM guild WHERE tenant = ?)",
                person.id(),
                person.tenant().key());
    }

    /**
     * "forget me" (see {@link org.shoptalk.core.privacy.Forgetting}): the prompts the person created in this tenant
     * stay, without their name. Returns how many.
     */
    public int forgetCreator(Handle h, UserRef person) {
        return h.update(
                "UPDATE custom_prompt SET created_by = '' WHERE created_by = ? AND guild_id IN (SELECT id FROM guild WHERE tenant = ?)",
                person.id(),
                person.tenant().key());
    }
}

package org.shoptalk.core.prompt;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.shoptalk.core.db.Handle;

/**
 * The table {@code prompt_use}: which prompt each guild was asked, per theme and rotation pass ("cycle"). Holds
 * nothing about people. Stateless and thread-safe.
 */
public final class PromptUseStore {

    /** The ids of the prompts used in this pass of the theme. */
    public Set<String> used(Handle h, long guildId, Theme theme, int cycle) {
        return new HashSet<>(h.query(
                "SELECT prompt_id FROM prompt_use WHERE guild_id = ? AND theme = ? AND cycle = ?",
                rs -> rs.getString(1),
                guildId,
                theme.key(),
                cycle));
    }

    /** When each theme (by key) was last asked in the guild; themes never asked are absent. */
    public Map<String, Instant> lastUseByTheme(Handle h, long guildId) {
        Map<String, Instant> lastUse = new HashMap<>();
        h.query(
                "SELECT theme, MAX(used_at) AS last_use FROM prompt_use WHERE guild_id = ? GROUP BY theme",
                rs -> lastUse.put(rs.getString("theme"), Handle.instant(rs, "last_use")),
                guildId);
        return lastUse;
    }

    /** The theme's current pass, 0 when it was never asked. */
    public int currentCycle(Handle h, long guildId, Theme theme) {
        return (int) h.count(
                "SELECT COALESCE(MAX(cycle), 0) FROM prompt_use WHERE guild_id = ? AND theme = ?",
                guildId,
                theme.key());
    }

    /** Records a use once; a second record of the same use is ignored. */
    public void recordUse(Handle h, long guildId, Prompt p, int cycle, Instant now) {
        h.insertIfAbsent(
                "INSERT INTO prompt_use (guild_id, theme, cycle, prompt_id, used_at) VALUES (?, ?, ?, ?, ?)",
                guildId,
                p.theme().key(),
                cycle,
                p.id(),
                now);
    }
}

package org.shoptalk.core.prompt;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.shoptalk.core.db.Handle;

/**
 * The table {@code prompt_use}: which prompt each guild was asked, per theme and rotation pass ("cycle"). Holds
 * nothing about people. Stateless and thread-safe.
 */
public final class PromptUseStore {

    /**
     * A theme's current pass in a guild: its number (0 when the theme was never asked), the prompts asked in it, and
     * when the theme was last asked ({@link Instant#EPOCH} when never).
     */
    public record Pass(int cycle, Set<String> used, Instant lastUse) {
        public static final Pass NONE = new Pass(0, Set.of(), Instant.EPOCH);
    }

    /**
     * Every theme's current pass in the guild, by theme key, in one statement: the rotation used to ask for the last
     * use of each theme, the current pass and the prompts used in it one by one (issue 13: five statements per moment
     * fired). Reads only the rows of each theme's latest pass, so the cost does not grow with the guild's history.
     * A theme's latest use is in its latest pass: a use is recorded in the current pass or starts the next one.
     */
    public Map<String, Pass> currentPasses(Handle h, long guildId) {
        record Row(String theme, int cycle, String promptId, Instant usedAt) {}
        List<Row> rows = h.query(
                "SELECT theme, cycle, prompt_id, used_at FROM prompt_use p WHERE guild_id = ? AND cycle ="
                        + " (SELECT MAX(cycle) FROM prompt_use q WHERE q.guild_id = p.guild_id AND q.theme = p.theme)",
                rs -> new Row(
                        rs.getString("theme"),
                        rs.getInt("cycle"),
                        rs.getString("prompt_id"),
                        Handle.instant(rs, "used_at")),
                guildId);
        Map<String, Pass> passes = new HashMap<>();
        rows.stream()
                .collect(Collectors.groupingBy(Row::theme))
                .forEach((theme, pass) -> passes.put(
                        theme,
                        new Pass(
                                pass.get(0).cycle(),
                                pass.stream().map(Row::promptId).collect(Collectors.toUnmodifiableSet()),
                                pass.stream()
                                        .map(Row::usedAt)
                                        .max(Comparator.naturalOrder())
                                        .orElseThrow())));
        return passes;
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

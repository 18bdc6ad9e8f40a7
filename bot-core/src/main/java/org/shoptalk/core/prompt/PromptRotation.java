package org.shoptalk.core.prompt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.shoptalk.core.db.Handle;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;

/**
 * Chooses the next prompt for a guild. Within a theme no prompt repeats until every prompt of that
 * theme (built-in and the guild's own) has been asked; then a new pass (cycle) starts. Without a
 * theme, the theme asked longest ago goes next. The order within a pass is shuffled per guild and pass,
 * so guilds do not all walk the library in file order. Thread-safe.
 */
public final class PromptRotation {
    private final PromptLibrary library;
    private final CustomPromptStore custom;
    private final GuildStore guilds;
    private final PromptUseStore uses = new PromptUseStore();

    public PromptRotation(PromptLibrary library, CustomPromptStore custom, GuildStore guilds) {
        this.library = library;
        this.custom = custom;
        this.guilds = guilds;
    }

    /**
     * Picks and records the next prompt; call inside the transaction that opens the round. Moments of one guild due
     * at the same instant (two schedules at one time, a daylight-saving gap, a catch-up after downtime) run in
     * parallel: the guild's row lock makes each pick see the ones committed before it, so none asks the same
     * question twice.
     */
    public Prompt next(Handle h, Guild guild, Theme themeOrNull, Instant now) {
        guilds.lock(h, guild.id());
        Map<String, PromptUseStore.Pass> passes = uses.currentPasses(h, guild.id());
        Theme theme = themeOrNull != null ? themeOrNull : leastRecentTheme(passes);
        List<Prompt> candidates = candidates(h, guild, theme);
        PromptUseStore.Pass pass = passes.getOrDefault(theme.key(), PromptUseStore.Pass.NONE);
        int cycle = pass.cycle();
        Set<String> used = pass.used();
        List<Prompt> order = shuffled(candidates, guild.id(), cycle);
        for (Prompt p : order) {
            if (!used.contains(p.id())) {
                recordUse(h, guild, p, cycle, now);
                return p;
            }
        }
        List<Prompt> nextPass = shuffled(candidates, guild.id(), cycle + 1);
        Prompt first = nextPass.get(0);
        recordUse(h, guild, first, cycle + 1, now);
        return first;
    }

    /** Records that a chosen prompt was asked, so rotation will not offer it again in this pass. */
    public void recordChosen(Handle h, Guild guild, Prompt prompt, Instant now) {
        guilds.lock(h, guild.id());
        recordUse(h, guild, prompt, currentCycle(h, guild, prompt.theme()), now);
    }

    public List<Prompt> candidates(Handle h, Guild guild, Theme theme) {
        List<Prompt> all = new ArrayList<>(library.byTheme(theme));
        custom.forGuild(h, guild).stream().filter(p -> p.theme() == theme).forEach(all::add);
        return all;
    }

    private static Theme leastRecentTheme(Map<String, PromptUseStore.Pass> passes) {
        return java.util.Arrays.stream(Theme.values())
                .min(Comparator.comparing((Theme t) ->
                        passes.getOrDefault(t.key(), PromptUseStore.Pass.NONE).lastUse()))
                .orElseThrow();
    }

    private int currentCycle(Handle h, Guild guild, Theme theme) {
        return uses.currentCycle(h, guild.id(), theme);
    }

    private void recordUse(Handle h, Guild guild, Prompt p, int cycle, Instant now) {
        uses.recordUse(h, guild.id(), p, cycle, now);
    }

    private static List<Prompt> shuffled(List<Prompt> prompts, long guildId, int cycle) {
        List<Prompt> copy = new ArrayList<>(prompts);
        Collections.shuffle(copy, new Random(guildId * 1_000_003L + cycle));
        return copy;
    }
}

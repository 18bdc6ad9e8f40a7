package org.shoptalk.core.command;

import com.ibm.icu.text.ListFormatter;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.shoptalk.core.reminder.QuietHours;
import org.shoptalk.core.reminder.Rhythm;

/**
 * A person's rhythm in words, as {@code reminders}, {@code quiet hours}, the Home and {@code record} show it
 * (docs/rhythm.md). Stateless.
 */
final class RhythmText {
    private RhythmText() {}

    /**
     * "Reminders: light (...). Quiet hours: 18:00-08:00, and all day on Saturday and Sunday. Times in
     * Europe/Amsterdam (...)."
     *
     * @param platformZone the zone the person's platform reports, if any
     * @param guildZone the zone used when the platform says none (their guild's), or null when they are in no guild
     */
    static String summary(Context ctx, Rhythm rhythm, Optional<ZoneId> platformZone, ZoneId guildZone) {
        return ctx.t(
                "rhythm.summary",
                ctx.t(rhythm.intensity().labelKey()),
                quiet(ctx, rhythm.quiet()),
                zone(ctx, platformZone, guildZone));
    }

    static String zone(Context ctx, Optional<ZoneId> platformZone, ZoneId guildZone) {
        if (platformZone.isPresent()) {
            return ctx.t("rhythm.zone.platform", platformZone.get().getId());
        }
        return guildZone == null ? ctx.t("rhythm.zone.unknown") : ctx.t("rhythm.zone.guild", guildZone.getId());
    }

    /** "18:00-08:00, and all day on Saturday and Sunday"; days listed by ICU's list rules for the language. */
    static String quiet(Context ctx, QuietHours q) {
        String days = ListFormatter.getInstance(ctx.language().locale())
                .format(q.days().stream()
                        .map(d -> ctx.t("day." + d.name().toLowerCase(Locale.ROOT)))
                        .toList());
        if (q.hasStretch() && !q.days().isEmpty()) {
            return ctx.t("rhythm.quiet.both", q.from(), q.to(), days);
        }
        if (q.hasStretch()) {
            return ctx.t("rhythm.quiet.stretch", q.from(), q.to());
        }
        return q.days().isEmpty() ? ctx.t("rhythm.quiet.none") : ctx.t("rhythm.quiet.days", days);
    }
}

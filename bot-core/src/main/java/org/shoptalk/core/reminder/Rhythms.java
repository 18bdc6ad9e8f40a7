package org.shoptalk.core.reminder;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.shoptalk.core.chat.Platforms;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Handle;
import org.shoptalk.core.guild.Guild;

/**
 * Each person's rhythm and time zone, as every feature that nudges people reads them (docs/rhythm.md): their settings
 * from the database, their zone from their chat platform, else their guild's. Thread-safe.
 */
public final class Rhythms {
    private final Platforms platforms;
    private final ReminderStore store = new ReminderStore();

    public Rhythms(Platforms platforms) {
        this.platforms = platforms;
    }

    public Rhythm of(Handle h, UserRef user) {
        return store.rhythm(h, user);
    }

    /** The rhythms of the guild's members who chose one, by user id; the others have {@link Rhythm#DEFAULT}. */
    public Map<String, Rhythm> ofMembers(Handle h, Guild guild) {
        return store.rhythmsOfMembers(h, guild);
    }

    public void setIntensity(Handle h, UserRef user, Intensity intensity) {
        store.setIntensity(h, user, intensity);
    }

    public void setQuietHours(Handle h, UserRef user, QuietHours quiet) {
        store.setQuietHours(h, user, quiet);
    }

    /** The zone the person's platform reports; empty when it cannot tell. May call the platform: not in a transaction. */
    public Optional<ZoneId> platformZone(UserRef user) {
        return platforms.timeZone(user);
    }

    /** The person's zone: their platform's, else {@code fallback} (their guild's). */
    public ZoneId zone(UserRef user, ZoneId fallback) {
        return platformZone(user).orElse(fallback);
    }
}

package org.shoptalk.core.reminder;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.shoptalk.core.chat.Platforms;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.Handle;
import org.shoptalk.core.guild.Guild;

/**
 * Each person's rhythm and time zone, as every feature that nudges people reads them (docs/rhythm.md): their settings
 * from the database, their zone from their chat platform (asked, as Slack is, or as last reported, as Teams does),
 * else their guild's. Thread-safe.
 */
public final class Rhythms {
    private final Platforms platforms;
    private final Database db;
    private final Clock clock;
    private final ReminderStore store = new ReminderStore();

    public Rhythms(Platforms platforms, Database db, Clock clock) {
        this.platforms = platforms;
        this.db = db;
        this.clock = clock;
    }

    /** Keeps the zone the person's client reported; an unchanged zone writes nothing. */
    public void zoneReported(UserRef user, ZoneId zone) {
        db.useTransaction(h -> store.reportZone(h, user, zone, clock.instant()));
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

    /**
     * The zone the person's platform gives: asked now (Slack), else as their client last reported it (Teams); empty
     * when neither tells. May call the platform: not inside a transaction.
     */
    public Optional<ZoneId> platformZone(UserRef user) {
        Optional<ZoneId> asked = platforms.timeZone(user);
        return asked.isPresent() ? asked : db.withHandle(h -> store.reportedZone(h, user));
    }

    /** The zones the guild's members' clients reported, by user id: read once for a reminder of many people. */
    public Map<String, ZoneId> reportedZones(Handle h, Guild guild) {
        return store.reportedZonesOfMembers(h, guild);
    }

    /**
     * The person's zone: as their platform answers now, else as their client reported it ({@code reported}, from
     * {@link #reportedZones}), else {@code fallback} (their guild's). May call the platform: not in a transaction.
     */
    public ZoneId zone(UserRef user, Map<String, ZoneId> reported, ZoneId fallback) {
        Optional<ZoneId> asked = platforms.timeZone(user);
        return asked.orElseGet(() -> reported.getOrDefault(user.id(), fallback));
    }

    /** The person's zone: their platform's, else {@code fallback} (their guild's). */
    public ZoneId zone(UserRef user, ZoneId fallback) {
        return platformZone(user).orElse(fallback);
    }
}

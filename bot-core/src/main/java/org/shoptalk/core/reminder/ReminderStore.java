package org.shoptalk.core.reminder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Handle;
import org.shoptalk.core.guild.Guild;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tables {@code user_setting} (each person's {@link Rhythm}: intensity and quiet hours), {@code person_zone} (the
 * time zone their chat client reported), {@code reminder_sent} (who
 * was nudged for which round, so a retry never nudges twice) and {@code round_note} (the one note counting a round's
 * answers in its threads). Stateless and thread-safe.
 */
public final class ReminderStore {
    private static final Logger LOG = LoggerFactory.getLogger(ReminderStore.class);

    /** Records the person's intensity; the rest of their rhythm stays. */
    public void setIntensity(Handle h, UserRef user, Intensity intensity) {
        String sql = "UPDATE user_setting SET reminders = ?, intensity = ? WHERE tenant = ? AND user_id = ?";
        Object[] args = {
            intensity != Intensity.OFF, intensity.name(), user.tenant().key(), user.id()
        };
        if (h.update(sql, args) == 0 && !insert(h, user, intensity, null)) {
            h.update(sql, args);
        }
    }

    /** Records the person's quiet hours; the rest of their rhythm stays. */
    public void setQuietHours(Handle h, UserRef user, QuietHours quiet) {
        String sql = "UPDATE user_setting SET quiet_hours = ? WHERE tenant = ? AND user_id = ?";
        Object[] args = {quiet.storage(), user.tenant().key(), user.id()};
        if (h.update(sql, args) == 0 && !insert(h, user, Intensity.NORMAL, quiet)) {
            h.update(sql, args);
        }
    }

    /** A row for a person who had none; false when another request wrote one first. */
    private static boolean insert(Handle h, UserRef user, Intensity intensity, QuietHours quiet) {
        return h.insertIfAbsent(
                "INSERT INTO user_setting (tenant, user_id, reminders, intensity, quiet_hours) VALUES (?, ?, ?, ?, ?)",
                user.tenant().key(),
                user.id(),
                intensity != Intensity.OFF,
                intensity.name(),
                quiet == null ? null : quiet.storage());
    }

    /** The person's rhythm; {@link Rhythm#DEFAULT} for someone who never chose. */
    public Rhythm rhythm(Handle h, UserRef user) {
        return h.queryOne(
                        "SELECT reminders, intensity, quiet_hours FROM user_setting WHERE tenant = ? AND user_id = ?",
                        ReminderStore::rhythm,
                        user.tenant().key(),
                        user.id())
                .orElse(Rhythm.DEFAULT);
    }

    /** The rhythms of the guild's members who chose one, by user id; the others have {@link Rhythm#DEFAULT}. */
    public Map<String, Rhythm> rhythmsOfMembers(Handle h, Guild guild) {
        Map<String, Rhythm> out = new HashMap<>();
        h.query(
                        "SELECT s.user_id, s.reminders, s.intensity, s.quiet_hours FROM user_setting s"
                                + " JOIN guild_member m ON m.user_id = s.user_id AND m.guild_id = ? WHERE s.tenant = ?",
                        rs -> Map.entry(rs.getString("user_id"), rhythm(rs)),
                        guild.id(),
                        guild.tenant().key())
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static Rhythm rhythm(ResultSet rs) throws SQLException {
        String intensity = rs.getString("intensity");
        Intensity i = intensity == null
                ? (rs.getBoolean("reminders") ? Intensity.NORMAL : Intensity.OFF)
                : Intensity.valueOf(intensity);
        String stored = rs.getString("quiet_hours");
        QuietHours quiet = QuietHours.DEFAULT;
        if (stored != null) {
            try {
                quiet = QuietHours.parse(stored);
            } catch (IllegalArgumentException e) {
                LOG.warn("unreadable quiet hours kept for a person; using the default: {}", e.getMessage());
            }
        }
        return new Rhythm(i, quiet);
    }

    public boolean remindersOn(Handle h, UserRef user) {
        return rhythm(h, user).intensity() != Intensity.OFF;
    }

    /** Who was already nudged for the round, by user id. */
    public Set<String> sentFor(Handle h, long roundId) {
        return new HashSet<>(
                h.query("SELECT user_id FROM reminder_sent WHERE round_id = ?", rs -> rs.getString(1), roundId));
    }

    /** Records that the person is nudged for the round; false when they already were (nobody is nudged twice). */
    public boolean markSent(Handle h, long roundId, UserRef user, Instant now) {
        return h.insertIfAbsent(
                "INSERT INTO reminder_sent (round_id, user_id, sent_at) VALUES (?, ?, ?)", roundId, user.id(), now);
    }

    /**
     * Holds the person's settings row until the transaction ends, so that two instances deciding about the same
     * person's reminders (two guilds' rounds due together) decide one after the other: the second counts the first's
     * reminder. Only people with a settings row can have chosen an intensity that counts.
     */
    public void lockPerson(Handle h, UserRef user) {
        h.query(
                "SELECT user_id FROM user_setting WHERE tenant = ? AND user_id = ? FOR UPDATE",
                rs -> rs.getString(1),
                user.tenant().key(),
                user.id());
    }

    /** How many reminders the person got in this tenant in {@code [from, to)}: what "light" counts. */
    public int sentBetween(Handle h, UserRef user, Instant from, Instant to) {
        return (int) h.count(
                "SELECT COUNT(*) FROM reminder_sent s JOIN round r ON r.id = s.round_id JOIN guild g ON g.id = r.guild_id"
                        + " WHERE s.user_id = ? AND g.tenant = ? AND s.sent_at >= ? AND s.sent_at < ?",
                user.id(),
                user.tenant().key(),
                from,
                to);
    }

    /** Claims the round's one note in its threads; false when it was claimed before. */
    public boolean claimNote(Handle h, long roundId, Instant now) {
        return h.insertIfAbsent("INSERT INTO round_note (round_id, posted_at) VALUES (?, ?)", roundId, now);
    }

    /** Whether the round's note was posted (or claimed) already. */
    public boolean noted(Handle h, long roundId) {
        return h.count("SELECT COUNT(*) FROM round_note WHERE round_id = ?", roundId) > 0;
    }

    /** Keeps the zone the person's chat client reported; an unchanged zone writes nothing. */
    public void reportZone(Handle h, UserRef user, ZoneId zone, Instant now) {
        int changed = h.update(
                "UPDATE person_zone SET zone = ?, reported_at = ? WHERE tenant = ? AND user_id = ? AND zone <> ?",
                zone.getId(),
                now,
                user.tenant().key(),
                user.id(),
                zone.getId());
        if (changed == 0) {
            h.insertIfAbsent(
                    "INSERT INTO person_zone (tenant, user_id, zone, reported_at) VALUES (?, ?, ?, ?)",
                    user.tenant().key(),
                    user.id(),
                    zone.getId(),
                    now);
        }
    }

    /** The zone the person's chat client last reported, if any (and still a zone Java knows). */
    public Optional<ZoneId> reportedZone(Handle h, UserRef user) {
        return h.queryOne(
                        "SELECT zone FROM person_zone WHERE tenant = ? AND user_id = ?",
                        rs -> rs.getString(1),
                        user.tenant().key(),
                        user.id())
                .flatMap(ReminderStore::zone);
    }

    /** The zones the guild's members' chat clients reported, by user id (those who reported none are absent). */
    public Map<String, ZoneId> reportedZonesOfMembers(Handle h, Guild guild) {
        Map<String, ZoneId> out = new HashMap<>();
        h.query(
                        "SELECT z.user_id, z.zone FROM person_zone z"
                                + " JOIN guild_member m ON m.user_id = z.user_id AND m.guild_id = ? WHERE z.tenant = ?",
                        rs -> Map.entry(rs.getString(1), rs.getString(2)),
                        guild.id(),
                        guild.tenant().key())
                .forEach(e -> zone(e.getValue()).ifPresent(z -> out.put(e.getKey(), z)));
        return out;
    }

    private static Optional<ZoneId> zone(String id) {
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * How many rows of settings the person has in this tenant (their rhythm, the zone their client reported), for
     * "forget me"'s preview.
     */
    public int settings(Handle h, UserRef user) {
        return (int) (h.count(
                        "SELECT COUNT(*) FROM user_setting WHERE tenant = ? AND user_id = ?",
                        user.tenant().key(),
                        user.id())
                + h.count(
                        "SELECT COUNT(*) FROM person_zone WHERE tenant = ? AND user_id = ?",
                        user.tenant().key(),
                        user.id()));
    }

    /**
     * "forget me" (see {@link org.shoptalk.core.privacy.Forgetting}): the person's setting and the record of reminders
     * sent to them in this tenant, and the zone their client reported. Returns how many settings rows were removed.
     */
    public int forget(Handle h, UserRef user) {
        String tenant = user.tenant().key();
        int zones = h.update("DELETE FROM person_zone WHERE tenant = ? AND user_id = ?", tenant, user.id());
        h.update(
                "DELETE FROM reminder_sent WHERE user_id = ? AND round_id IN (SELECT r.id FROM round r"
                        + " JOIN guild g ON g.id = r.guild_id WHERE g.tenant = ?)",
                user.id(),
                tenant);
        return zones + h.update("DELETE FROM user_setting WHERE tenant = ? AND user_id = ?", tenant, user.id());
    }
}

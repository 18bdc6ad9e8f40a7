package org.shoptalk.core.reminder;

import java.time.Instant;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Handle;

/**
 * The tables {@code user_setting} (each person's reminder choice) and {@code reminder_sent} (who was nudged for which
 * round, so a retry never nudges twice). Stateless and thread-safe.
 */
public final class ReminderStore {

    /** Records the person's choice; a person without a row has reminders on. */
    public void setReminders(Handle h, UserRef user, boolean on) {
        if (h.update(
                        "UPDATE user_setting SET reminders = ? WHERE tenant = ? AND user_id = ?",
                        on,
                        user.tenant().key(),
                        user.id())
                == 0) {
            h.update(
                    "INSERT INTO user_setting (tenant, user_id, reminders) VALUES (?, ?, ?)",
                    user.tenant().key(),
                    user.id(),
                    on);
        }
    }

    public boolean remindersOn(Handle h, UserRef user) {
        return h.queryOne(
                        "SELECT reminders FROM user_setting WHERE tenant = ? AND user_id = ?",
                        rs -> rs.getBoolean(1),
                        user.tenant().key(),
                        user.id())
                .orElse(true);
    }

    /** Records that the person is nudged for the round; false when they already were (nobody is nudged twice). */
    public boolean markSent(Handle h, long roundId, UserRef user, Instant now) {
        return h.insertIfAbsent(
                "INSERT INTO reminder_sent (round_id, user_id, sent_at) VALUES (?, ?, ?)", roundId, user.id(), now);
    }

    /** How many settings rows the person has in this tenant (0 or 1), for "forget me"'s preview. */
    public int settings(Handle h, UserRef user) {
        return (int) h.count(
                "SELECT COUNT(*) FROM user_setting WHERE tenant = ? AND user_id = ?",
                user.tenant().key(),
                user.id());
    }

    /**
     * "forget me" (see {@link org.shoptalk.core.privacy.Forgetting}): the person's setting and the record of reminders
     * sent to them in this tenant. Returns how many settings were removed (0 or 1).
     */
    public int forget(Handle h, UserRef user) {
        String tenant = user.tenant().key();
        h.update(
                "DELETE FROM reminder_sent WHERE user_id = ? AND round_id IN (SELECT r.id FROM round r"
                        + " JOIN guild g ON g.id = r.guild_id WHERE g.tenant = ?)",
                user.id(),
                tenant);
        return h.update("DELETE FROM user_setting WHERE tenant = ? AND user_id = ?", tenant, user.id());
    }
}

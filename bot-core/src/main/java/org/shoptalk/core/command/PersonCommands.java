package org.shoptalk.core.command;

import java.time.Clock;
import java.util.List;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.dialogue.AnonymousAnswers;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.reminder.ReminderService;
import org.shoptalk.core.round.AnswerStore;

/** reminders on|off and forget me: what each person decides for themselves. Thread-safe. */
public final class PersonCommands {
    private final Database db;
    private final GuildStore guilds;
    private final AnswerStore answers;
    private final ReminderService reminders;
    private final AnonymousAnswers anonymous;
    private final Clock clock;

    public PersonCommands(Database db, GuildStore guilds, AnswerStore answers, ReminderService reminders,
                          AnonymousAnswers anonymous, Clock clock) {
        this.anonymous = anonymous;
        this.db = db;
        this.guilds = guilds;
        this.answers = answers;
        this.reminders = reminders;
        this.clock = clock;
    }

    CommandReply reminders(Context ctx, Command.Reminders c) {
        db.useTransaction(h -> reminders.setReminders(h, ctx.request().user(), c.on()));
        return ctx.reply(c.on() ? "reminders.on" : "reminders.off");
    }

    /**
     * Removes everything Shoptalk holds about the person in this tenant: answers, memberships, settings,
     * and their name on schedules and prompts they created (those stay, since they belong to the guild).
     */
    CommandReply forget(Context ctx) {
        UserRef user = ctx.request().user();
        int removed = db.inTransaction(h -> {
            var memberOf = guilds.forMember(h, user);
            List<Long> tenantRounds = h.query("SELECT r.id FROM round r JOIN guild g ON g.id = r.guild_id WHERE g.tenant = ?",
                    rs -> rs.getLong(1), user.tenant().key());
            int count = answers.forget(h, user) + anonymous.forget(h, user, tenantRounds);
            guilds.forget(h, user);
            for (Guild g : memberOf) {
                GuildCommands.keepALead(h, g, guilds, clock.instant());
            }
            String tenant = user.tenant().key();
            h.update("DELETE FROM user_setting WHERE tenant = ? AND user_id = ?", tenant, user.id());
            h.update("DELETE FROM reminder_sent WHERE user_id = ? AND round_id IN (SELECT r.id FROM round r"
                    + " JOIN guild g ON g.id = r.guild_id WHERE g.tenant = ?)", user.id(), tenant);
            h.update("UPDATE schedule SET created_by = '' WHERE created_by = ? AND guild_id IN (SELECT id FROM guild WHERE tenant = ?)",
                    user.id(), tenant);
            h.update("UPDATE custom_prompt SET created_by = '' WHERE created_by = ? AND guild_id IN (SELECT id FROM guild WHERE tenant = ?)",
                    user.id(), tenant);
            h.update("UPDATE skip_range SET created_by = '' WHERE created_by = ? AND guild_id IN (SELECT id FROM guild WHERE tenant = ?)",
                    user.id(), tenant);
            h.update("DELETE FROM pair_optin WHERE user_id = ? AND guild_id IN (SELECT id FROM guild WHERE tenant = ?)",
                    user.id(), tenant);
            h.update("DELETE FROM conversation WHERE tenant = ? AND user_id = ?", tenant, user.id());
            h.update("UPDATE goal SET created_by = '' WHERE created_by = ? AND guild_id IN (SELECT id FROM guild WHERE tenant = ?)",
                    user.id(), tenant);
            h.update("UPDATE guild SET created_by = '' WHERE created_by = ? AND tenant = ?", user.id(), tenant);
            return count;
        });
        return ctx.reply("forget.done", removed);
    }
}

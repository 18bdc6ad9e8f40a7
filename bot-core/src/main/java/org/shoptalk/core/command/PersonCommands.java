package org.shoptalk.core.command;

import java.time.Clock;
import java.util.List;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.Platforms;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.dialogue.AnonymousAnswers;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.reminder.ReminderService;
import org.shoptalk.core.round.AnswerStore;

/** reminders on|off and forget me: what each person decides for themselves. Thread-safe. */
public final class PersonCommands {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PersonCommands.class);
    private final Database db;
    private final GuildStore guilds;
    private final AnswerStore answers;
    private final ReminderService reminders;
    private final AnonymousAnswers anonymous;
    private final Clock clock;

    private final Platforms platforms;

    public PersonCommands(
            Database db,
            GuildStore guilds,
            AnswerStore answers,
            ReminderService reminders,
            AnonymousAnswers anonymous,
            Platforms platforms,
            Clock clock) {
        this.platforms = platforms;
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
            List<Long> tenantRounds = h.query(
                    "SELECT r.id FROM round r JOIN guild g ON g.id = r.guild_id WHERE g.tenant = ?",
                    rs -> rs.getLong(1),
                    user.tenant().key());
            int count = answers.forget(h, user) + anonymous.forget(h, user, tenantRounds);
            guilds.forget(h, user);
            org.shoptalk.core.intervisie.Intervisies.forget(h, user);
            for (Guild g : memberOf) {
                GuildCommands.keepALead(h, g, guilds, clock.instant());
            }
            String tenant = user.tenant().key();
            h.update("DELETE FROM user_setting WHERE tenant = ? AND user_id = ?", tenant, user.id());
            h.update(
                    "DELETE FROM reminder_sent WHERE user_id = ? AND round_id IN (SELECT r.id FROM round r"
                            + " JOIN guild g ON g.id = r.guild_id WHERE g.tenant = ?)",
                    user.id(),
                    tenant);
            h.update(
                    "UPDATE schedule SET created_by = '' WHERE created_by = ? AND guild_id IN (SELECT id FROM guild WHERE tenant = ?)",
                    user.id(),
                    tenant);
            h.update(
                    "UPDATE custom_prompt SET created_by = '' WHERE created_by = ? AND guild_id IN (SELECT id FROM guild WHERE tenant = ?)",
                    user.id(),
                    tenant);
            h.update(
                    "UPDATE skip_range SET created_by = '' WHERE created_by = ? AND guild_id IN (SELECT id FROM guild WHERE tenant = ?)",
                    user.id(),
                    tenant);
            h.update(
                    "DELETE FROM pair_optin WHERE user_id = ? AND guild_id IN (SELECT id FROM guild WHERE tenant = ?)",
                    user.id(),
                    tenant);
            h.update("DELETE FROM conversation WHERE tenant = ? AND user_id = ?", tenant, user.id());
            forgetInPairings(h, user);
            h.update(
                    "UPDATE goal SET created_by = '' WHERE created_by = ? AND guild_id IN (SELECT id FROM guild WHERE tenant = ?)",
                    user.id(),
                    tenant);
            h.update("UPDATE guild SET created_by = '' WHERE created_by = ? AND tenant = ?", user.id(), tenant);
            return count;
        });
        try {
            platforms.forTenant(user.tenant()).forget(user);
        } catch (ChatPlatformException e) {
            LOG.warn("the chat platform could not forget a person: {}", e.getMessage());
        }
        return ctx.reply("forget.done", removed);
    }

    /** Past pairings keep their count for the digest, without the person's name in them. */
    private static void forgetInPairings(org.shoptalk.core.db.Handle h, UserRef user) {
        record Row(long id, String members) {}
        List<Row> rows = h.query(
                "SELECT p.id, p.members FROM pairing p JOIN guild g ON g.id = p.guild_id WHERE g.tenant = ?",
                rs -> new Row(rs.getLong(1), rs.getString(2)),
                user.tenant().key());
        for (Row row : rows) {
            List<String> members = List.of(row.members().split("\n"));
            if (members.contains(user.id())) {
                String kept = String.join(
                        "\n", members.stream().filter(m -> !m.equals(user.id())).toList());
                h.update("UPDATE pairing SET members = ? WHERE id = ?", kept, row.id());
            }
        }
    }
}

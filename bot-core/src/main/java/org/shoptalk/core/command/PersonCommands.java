package org.shoptalk.core.command;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatform;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.Platforms;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.i18n.Texts;
import org.shoptalk.core.privacy.Forgetting;
import org.shoptalk.core.privacy.PersonalData;
import org.shoptalk.core.reminder.Rhythm;
import org.shoptalk.core.reminder.Rhythms;

/**
 * reminders, quiet hours and forget me: what each person decides for themselves. "forget me" only shows what would
 * go and what would stay, with a button; "forget me confirm" does it (issue 12). Thread-safe.
 */
public final class PersonCommands {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PersonCommands.class);
    private final Database db;
    private final GuildStore guilds;
    private final Rhythms rhythms;
    private final Forgetting forgetting;
    private final Clock clock;
    private final Platforms platforms;

    public PersonCommands(
            Database db, GuildStore guilds, Rhythms rhythms, Forgetting forgetting, Platforms platforms, Clock clock) {
        this.platforms = platforms;
        this.forgetting = forgetting;
        this.db = db;
        this.guilds = guilds;
        this.rhythms = rhythms;
        this.clock = clock;
    }

    /** Each person's rhythm and zone, which the Home shows too. */
    Rhythms rhythms() {
        return rhythms;
    }

    /** {@code reminders off|light|normal}, or alone: the person's rhythm as it is (docs/rhythm.md). */
    CommandReply reminders(Context ctx, Command.Reminders c) {
        if (c.intensity() == null) {
            return rhythm(ctx, null);
        }
        db.useTransaction(h -> rhythms.setIntensity(h, ctx.request().user(), c.intensity()));
        String key = switch (c.intensity()) {
            case OFF -> "reminders.off";
            case LIGHT -> "reminders.light";
            case NORMAL -> "reminders.on";
        };
        return ctx.reply(key);
    }

    /** {@code quiet hours ...}, or alone: the person's rhythm as it is. */
    CommandReply quietHours(Context ctx, Command.QuietHoursSetting c) {
        if (c.quiet() == null) {
            return rhythm(ctx, null);
        }
        db.useTransaction(h -> rhythms.setQuietHours(h, ctx.request().user(), c.quiet()));
        return rhythm(ctx, "quiet.set");
    }

    /** The person's rhythm, after the line {@code firstKey} when given; with the commands that change it. */
    private CommandReply rhythm(Context ctx, String firstKey) {
        UserRef user = ctx.request().user();
        Rhythm r = db.withHandle(h -> rhythms.of(h, user));
        ZoneId guildZone = ctx.guild() != null
                ? ctx.guild().zone()
                : db.withHandle(h -> guilds.forMember(h, user)).stream()
                        .map(Guild::zone)
                        .findFirst()
                        .orElse(null);
        ChatMessage.Builder b = ChatMessage.builder();
        if (firstKey != null) {
            b.text(ctx.t(firstKey));
        }
        return CommandReply.privately(b.text(RhythmText.summary(ctx, r, rhythms.platformZone(user), guildZone))
                .context(ctx.t("rhythm.change"))
                .build());
    }

    /** "forget me" (a preview, nothing changes) or "forget me confirm" (everything goes, in one transaction). */
    CommandReply forget(Context ctx, Command.ForgetMe c) {
        return c.confirmed() ? forgetNow(ctx) : preview(ctx);
    }

    private CommandReply preview(Context ctx) {
        PersonalData data =
                db.withHandle(h -> forgetting.preview(h, ctx.request().user()));
        if (data.isEmpty()) {
            return ctx.reply("forget.nothing");
        }
        ChatMessage.Builder b = ChatMessage.builder().header(ctx.t("forget.preview.title"));
        b.text(ctx.t("forget.preview.intro"));
        list(ctx, data, "forget.preview.goes", "forget.preview.stays", b);
        b.context(ctx.t("forget.chat"));
        b.text(ctx.t("forget.preview.how"));
        b.button(ctx.t("forget.button"), ctx.t("usage.button.forget"));
        return CommandReply.privately(b.build());
    }

    /**
     * Removes everything Shoptalk holds about the person in this tenant by asking each store ({@link Forgetting}),
     * keeps a lead in every guild they led, then marks their anonymous answers withdrawn in the threads and asks the
     * platform to forget what it keeps. Confirming again finds nothing and says so.
     */
    private CommandReply forgetNow(Context ctx) {
        UserRef user = ctx.request().user();
        Forgetting.Forgotten done = db.inTransaction(h -> {
            List<Guild> memberOf = guilds.forMember(h, user);
            Forgetting.Forgotten forgotten = forgetting.forget(h, user);
            for (Guild g : memberOf) {
                GuildCommands.keepALead(h, g, guilds, clock.instant());
            }
            return forgotten;
        });
        int notWithdrawn = withdraw(user, done.anonymousMessages());
        try {
            platforms.forTenant(user.tenant()).forget(user);
        } catch (ChatPlatformException e) {
            LOG.warn("the chat platform could not forget a person: {}", e.getMessage());
        }
        PersonalData data = done.data();
        if (data.isEmpty()) {
            return ctx.reply("forget.nothing.left");
        }
        ChatMessage.Builder b = ChatMessage.builder().header(ctx.t("forget.done.title"));
        list(ctx, data, "forget.done.goes", "forget.done.stays", b);
        if (notWithdrawn > 0) {
            b.text(ctx.t("forget.withdraw.failed", notWithdrawn));
        }
        b.context(ctx.t("forget.chat"));
        return CommandReply.privately(b.build());
    }

    /** The bot posted the anonymous answers, so only the bot can take their words out of the thread. */
    private int withdraw(UserRef user, List<Forgetting.Withdrawal> messages) {
        ChatPlatform platform = platforms.forTenant(user.tenant());
        int failed = 0;
        for (Forgetting.Withdrawal w : messages) {
            try {
                platform.update(w.message(), ChatMessage.text(Texts.get().t(w.language(), "anon.withdrawn")));
            } catch (ChatPlatformException e) {
                failed++;
                LOG.warn("an anonymous answer could not be marked withdrawn: {}", e.getMessage());
            }
        }
        return failed;
    }

    private static void list(Context ctx, PersonalData d, String goesKey, String staysKey, ChatMessage.Builder b) {
        StringBuilder goes = new StringBuilder();
        item(ctx, goes, "forget.item.answers", d.answers());
        item(ctx, goes, "forget.item.anonymous", d.anonymousAnswers());
        item(ctx, goes, "forget.item.memberships", d.memberships());
        item(ctx, goes, "forget.item.intervisies", d.intervisies());
        item(ctx, goes, "forget.item.conversation", d.conversations());
        item(ctx, goes, "forget.item.settings", d.settings());
        item(ctx, goes, "forget.item.pair.optins", d.pairOptIns());
        if (goes.length() > 0) {
            b.text(ctx.t(goesKey) + goes);
        }
        StringBuilder stays = new StringBuilder();
        item(ctx, stays, "forget.item.responses", d.responses());
        item(ctx, stays, "forget.item.goals", d.goals());
        item(ctx, stays, "forget.item.pairings", d.pairings());
        item(ctx, stays, "forget.item.created", d.created());
        item(ctx, stays, "forget.item.cases", d.cases());
        if (stays.length() > 0) {
            b.text(ctx.t(staysKey) + stays);
        }
    }

    private static void item(Context ctx, StringBuilder out, String key, int count) {
        if (count > 0) {
            out.append("\n• ").append(ctx.t(key, count));
        }
    }
}

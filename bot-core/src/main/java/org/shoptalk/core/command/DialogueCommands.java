package org.shoptalk.core.command;

import java.time.Duration;
import java.util.List;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.Platforms;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.dialogue.AnonymousAnswers;
import org.shoptalk.core.dialogue.Goal;
import org.shoptalk.core.dialogue.GoalCoach;
import org.shoptalk.core.dialogue.GoalStore;
import org.shoptalk.core.dialogue.PairCheckIns;
import org.shoptalk.core.dialogue.Pairing;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;

/** connect, goal, goals, anon, pairs: the commands that kindle dialogue rather than organise it. Thread-safe. */
public final class DialogueCommands {
    private final Database db;
    private final GuildStore guilds;
    private final Platforms platforms;
    private final GoalCoach coach;
    private final GoalStore goals;
    private final AnonymousAnswers anonymous;
    private final Pairing pairing;
    private final PairCheckIns checkIns;

    public DialogueCommands(
            Database db,
            GuildStore guilds,
            Platforms platforms,
            GoalCoach coach,
            GoalStore goals,
            AnonymousAnswers anonymous,
            Pairing pairing,
            PairCheckIns checkIns) {
        this.checkIns = checkIns;
        this.db = db;
        this.guilds = guilds;
        this.platforms = platforms;
        this.coach = coach;
        this.goals = goals;
        this.anonymous = anonymous;
        this.pairing = pairing;
    }

    CommandReply connect(Context ctx, Command.ConnectSetting c) {
        Guild g = ctx.requireLead(Syntax.CONNECT);
        Guild.Dialogue d = g.dialogue();
        Guild.Dialogue updated = c.on() != null
                ? new Guild.Dialogue(c.on(), d.connectAfter(), d.pairsEveryWeeks())
                : new Guild.Dialogue(true, Duration.ofHours(c.afterHours()), d.pairsEveryWeeks());
        db.useTransaction(h -> guilds.setDialogue(h, g, updated));
        return updated.connectEnabled()
                ? ctx.reply("connect.on", updated.connectAfter().toHours())
                : ctx.reply("connect.off");
    }

    /** The goal conversation happens in private: from a channel, it moves to the person's private chat. */
    CommandReply goal(Context ctx) {
        Guild g = ctx.requireMember(Syntax.GOAL);
        ChatMessage first = coach.start(g, ctx.request().user());
        if (ctx.request().channel() == null) {
            return CommandReply.privately(first);
        }
        try {
            platforms.forTenant(g.tenant()).sendPrivate(ctx.request().user(), first);
        } catch (ChatPlatformException e) {
            return CommandReply.privately(first);
        }
        return ctx.reply("coach.moved");
    }

    CommandReply goals(Context ctx) {
        Guild g = ctx.requireGuild(Syntax.GOALS);
        List<Goal> all = db.withHandle(h -> goals.forGuild(h, g));
        ChatMessage.Builder b = ChatMessage.builder().header(ctx.t("goals.header", g.name()));
        if (all.isEmpty()) {
            b.text(ctx.t("goals.none"));
        }
        for (Goal goal : all) {
            b.quote(goal.statement(), ctx.t("goals.line", goal.id(), goal.forWhom(), goal.reviewOn()));
        }
        return CommandReply.privately(b.build());
    }

    CommandReply anon(Context ctx, Command.AnonAnswer c) {
        Guild g = ctx.requireMember(Syntax.ANON);
        AnonymousAnswers.Result result = anonymous.answer(g, ctx.request().user(), c.text());
        if (result == AnonymousAnswers.Result.POSTED && anonymous.keyKeptInDatabase()) {
            // Honest about the weaker promise of a run without SHOPTALK_SECRET.
            return CommandReply.privately(ChatMessage.builder()
                    .text(ctx.t("anon.posted"))
                    .context(ctx.t("anon.key.local"))
                    .build());
        }
        return anonReply(ctx, result);
    }

    CommandReply anonDelete(Context ctx) {
        Guild g = ctx.requireMember(Syntax.ANON);
        return anonReply(ctx, anonymous.delete(g, ctx.request().user()));
    }

    private static CommandReply anonReply(Context ctx, AnonymousAnswers.Result result) {
        return ctx.reply("anon." + result.name().toLowerCase(java.util.Locale.ROOT));
    }

    CommandReply pairsOptIn(Context ctx, Command.PairsOptIn c) {
        Guild g = ctx.requireMember(Syntax.PAIRS);
        db.useTransaction(h -> pairing.optIn(h, g, ctx.request().user(), c.on()));
        if (!c.on()) {
            return ctx.reply("pairs.off");
        }
        return g.dialogue().pairsEveryWeeks() == 0
                ? ctx.reply("pairs.on.no.rhythm")
                : ctx.reply("pairs.on", g.dialogue().pairsEveryWeeks());
    }

    /** A check-in answer, from its button or typed: for the person's own pair only, wherever it is typed. */
    CommandReply pairsCheckIn(Context ctx, Command.PairsCheckIn c) {
        return CommandReply.privately(
                ChatMessage.text(checkIns.answer(ctx.request().user(), c.pairingId(), c.answer(), ctx.language())));
    }

    CommandReply pairsEvery(Context ctx, Command.PairsEvery c) {
        Guild g = ctx.requireLead(Syntax.PAIRS_EVERY);
        return pairing.setRhythm(g, c.weeks())
                .map(first -> ctx.reply("pairs.every", c.weeks(), ScheduleCommands.times(ctx, List.of(first), g)))
                .orElseGet(() -> ctx.reply("pairs.never"));
    }
}

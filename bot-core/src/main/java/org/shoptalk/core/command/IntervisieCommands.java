package org.shoptalk.core.command;

import java.util.List;
import java.util.Optional;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.intervisie.GuildMethods;
import org.shoptalk.core.intervisie.IntervisieAction;
import org.shoptalk.core.intervisie.Intervisies;
import org.shoptalk.core.intervisie.Method;
import org.shoptalk.core.intervisie.MethodLibrary;

/**
 * intervisie: list the methods, bring a case, and join, leave or move on by session number (the same can be done
 * with one word in the session's thread). Thread-safe.
 */
public final class IntervisieCommands {
    private final Database db;
    private final GuildStore guilds;
    private final Intervisies intervisies;

    public IntervisieCommands(Database db, GuildStore guilds, Intervisies intervisies) {
        this.db = db;
        this.guilds = guilds;
        this.intervisies = intervisies;
    }

    CommandReply methods(Context ctx) {
        ChatMessage.Builder b = ChatMessage.builder().header(ctx.t("intervisie.methods.header"));
        StringBuilder lines = new StringBuilder();
        List<String> own = ctx.guild() == null ? List.of() : intervisies.ownMethods(ctx.guild());
        for (Method m : library(ctx).all()) {
            lines.append(ctx.t(
                    "intervisie.methods.line",
                    m.words().get(ctx.language()).get(0),
                    m.name(ctx.language()),
                    m.summary(ctx.language())));
            if (own.contains(m.id())) {
                lines.append(' ').append(ctx.t("intervisie.methods.own", m.id()));
            }
            lines.append('\n');
        }
        return CommandReply.privately(b.text(lines.toString().strip())
                .context(ctx.t("intervisie.methods.how"))
                .build());
    }

    /** A member brings a case: in the channel where they typed it, or from private chat in the guild's first one. */
    CommandReply start(Context ctx, Command.IntervisieStart c) {
        Guild g = ctx.requireMember(Syntax.INTERVISIE);
        Optional<Method> method = intervisies.methods(g).byWord(c.method(), ctx.language());
        if (method.isEmpty()) {
            throw new CommandException(Syntax.INTERVISIE, "error.intervisie.method", c.method(), words(ctx));
        }
        ChannelRef channel = ctx.request().channel();
        if (channel == null) {
            List<ChannelRef> channels = db.withHandle(h -> guilds.channels(h, g));
            if (channels.isEmpty()) {
                throw new CommandException("error.no.guild.private");
            }
            channel = channels.get(0);
        }
        return CommandReply.privately(ChatMessage.text(intervisies
                .start(g, channel, ctx.request().user(), method.get())
                .text()));
    }

    CommandReply act(Context ctx, Command.IntervisieAct c) {
        Guild g = ctx.requireGuild(Syntax.INTERVISIE_ACT);
        IntervisieAction action = IntervisieAction.parse(c.action());
        return CommandReply.privately(ChatMessage.text(
                intervisies.act(g, c.id(), ctx.request().user(), action).text()));
    }

    /** A lead adds the guild's own method: stored when it passes every check, else the problem in their language. */
    CommandReply addMethod(Context ctx, Command.IntervisieMethodAdd c) {
        Guild g = ctx.requireLead(Syntax.INTERVISIE_METHOD);
        GuildMethods.Added added = intervisies.addMethods(g, ctx.request().user(), c.source());
        String text;
        if (added instanceof GuildMethods.Added.Done done) {
            text = done.methods().stream()
                    .map(m -> ctx.t(
                            "intervisie.method.added",
                            m.name(ctx.language()),
                            m.words().get(ctx.language()).get(0)))
                    .collect(java.util.stream.Collectors.joining("\n"));
        } else {
            text = ctx.t("intervisie.method.invalid", ((GuildMethods.Added.Refused) added).problem());
        }
        return CommandReply.privately(ChatMessage.text(text));
    }

    CommandReply removeMethod(Context ctx, Command.IntervisieMethodRemove c) {
        Guild g = ctx.requireLead(Syntax.INTERVISIE_METHOD);
        String text = intervisies.removeMethod(g, c.id()).orElseGet(() -> ctx.t("intervisie.method.removed", c.id()));
        return CommandReply.privately(ChatMessage.text(text));
    }

    private MethodLibrary library(Context ctx) {
        return ctx.guild() == null ? MethodLibrary.builtIn() : intervisies.methods(ctx.guild());
    }

    private String words(Context ctx) {
        return String.join(
                ", ",
                library(ctx).all().stream()
                        .map(m -> m.words().get(ctx.language()).get(0))
                        .toList());
    }
}

package org.shoptalk.core.command;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.TypedText;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.guild.Role;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.task.TaskPlanner;

/** guild create, guild, join, leave, lead add, channel add/remove. Thread-safe. */
public final class GuildCommands {
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Amsterdam");

    private final Database db;
    private final GuildStore guilds;
    private final TaskPlanner planner;
    private final Clock clock;

    public GuildCommands(Database db, GuildStore guilds, TaskPlanner planner, Clock clock) {
        this.db = db;
        this.guilds = guilds;
        this.planner = planner;
        this.clock = clock;
    }

    CommandReply create(Context ctx, Command.GuildCreate c) {
        UserRef user = ctx.request().user();
        ChannelRef channel = ctx.request().channel();
        Language lang = c.language() != null ? c.language() : ctx.language();
        ZoneId zone = c.zone() != null ? c.zone() : DEFAULT_ZONE;
        Instant now = clock.instant();
        Guild guild = db.inTransaction(h -> {
            if (guilds.findByName(h, user.tenant(), c.name()).isPresent()) {
                throw new CommandException(Syntax.GUILD_CREATE, "error.guild.exists", c.name());
            }
            if (channel != null) {
                guilds.findByChannel(h, channel).ifPresent(other -> {
                    throw new CommandException("error.channel.taken", other.name());
                });
            }
            long id = guilds.create(h, user.tenant(), c.name(), lang, zone, user, now);
            Guild created = guilds.find(h, user.tenant(), id).orElseThrow();
            guilds.setRole(h, created, user, Role.LEAD, now);
            if (channel != null) {
                guilds.addChannel(h, id, channel, now);
            }
            return created;
        });
        planner.replanDigest(guild);
        // The guild speaks its own language from its first message on.
        ChatMessage text = ChatMessage.text(org.shoptalk.core.i18n.Texts.get()
                .tFor(
                        lang,
                        ctx.invocation(),
                        channel == null ? "guild.created.private" : "guild.created",
                        guild.name(),
                        zone.getId(),
                        lang.code()));
        return channel == null ? CommandReply.privately(text) : CommandReply.inChannel(text);
    }

    CommandReply info(Context ctx) {
        Guild g = ctx.requireGuild(Syntax.GUILD_INFO);
        return db.withHandle(h -> {
            List<UserRef> leads = guilds.withRole(h, g, Role.LEAD);
            int members = guilds.members(h, g).size();
            String channels = guilds.channels(h, g).stream().map(ChannelRef::id).collect(Collectors.joining(", "));
            String leadNames =
                    leads.stream().map(UserRef::id).map(TypedText::mention).collect(Collectors.joining(", "));
            String info = ctx.t(
                    "guild.info",
                    g.name(),
                    g.language().code(),
                    g.zone().getId(),
                    leadNames,
                    members,
                    channels,
                    ctx.t("day." + g.digestDay().name().toLowerCase(java.util.Locale.ROOT)),
                    g.digestTime());
            // What the guild keeps, for every member to see (issue 15, section 4).
            String keeping = ctx.t(
                    "guild.info.keeping",
                    g.keeping().retentionMonths(),
                    g.keeping().anonymityThreshold());
            return CommandReply.privately(ChatMessage.text(info + "\n" + keeping));
        });
    }

    /** A lead sets how long answers and threads are kept; told in the channel, since it concerns every member. */
    CommandReply retention(Context ctx, Command.GuildRetention c) {
        Guild g = ctx.requireLead(Syntax.GUILD_RETENTION);
        db.useTransaction(h -> guilds.setRetention(h, g, c.months()));
        return toGuild(ctx, ctx.t("guild.retention.set", g.name(), c.months()));
    }

    /** A lead sets the anonymity threshold (the parser refused anything below the floor of three). */
    CommandReply anonymity(Context ctx, Command.GuildAnonymity c) {
        Guild g = ctx.requireLead(Syntax.GUILD_ANONYMITY);
        db.useTransaction(h -> guilds.setAnonymityThreshold(h, g, c.answers()));
        return toGuild(ctx, ctx.t("guild.anonymity.set", g.name(), c.answers()));
    }

    private static CommandReply toGuild(Context ctx, String text) {
        ChatMessage message = ChatMessage.text(text);
        return ctx.request().channel() == null ? CommandReply.privately(message) : CommandReply.inChannel(message);
    }

    CommandReply join(Context ctx) {
        Guild g = ctx.requireGuild(Syntax.GUILD_JOIN);
        boolean added = db.inTransaction(h -> guilds.join(h, g, ctx.request().user(), clock.instant()));
        return ctx.reply(added ? "guild.joined" : "guild.already.member", g.name());
    }

    CommandReply leave(Context ctx) {
        Guild g = ctx.requireMember(Syntax.GUILD_LEAVE);
        UserRef user = ctx.request().user();
        db.useTransaction(h -> {
            guilds.leave(h, g, user);
            keepALead(h, g);
        });
        return ctx.reply("guild.left", g.name());
    }

    CommandReply leadAdd(Context ctx, Command.GuildLeadAdd c) {
        Guild g = ctx.requireLead(Syntax.GUILD_LEAD_ADD);
        UserRef person = ctx.person(c.person(), Syntax.GUILD_LEAD_ADD);
        db.useTransaction(h -> guilds.setRole(h, g, person, Role.LEAD, clock.instant()));
        return CommandReply.inChannel(
                ChatMessage.text(ctx.t("guild.lead.added", TypedText.mention(person.id()), g.name())));
    }

    CommandReply channelAdd(Context ctx) {
        ChannelRef channel = ctx.request().channel();
        if (channel == null) {
            throw new CommandException(Syntax.GUILD_CHANNEL_ADD, "error.channel.needed");
        }
        Guild g = leadGuildForChannelCommand(ctx);
        db.useTransaction(h -> guilds.findByChannel(h, channel)
                .ifPresentOrElse(
                        other -> {
                            throw new CommandException("error.channel.taken", other.name());
                        },
                        () -> guilds.addChannel(h, g.id(), channel, clock.instant())));
        return CommandReply.inChannel(ChatMessage.text(ctx.t("guild.channel.added", g.name())));
    }

    CommandReply channelRemove(Context ctx) {
        Guild g = ctx.requireLead(Syntax.GUILD_CHANNEL_REMOVE);
        ChannelRef channel = ctx.request().channel();
        if (channel == null) {
            throw new CommandException(Syntax.GUILD_CHANNEL_REMOVE, "error.channel.needed");
        }
        db.useTransaction(h -> guilds.removeChannel(h, g.id(), channel));
        return ctx.reply("guild.channel.removed", g.name());
    }

    /**
     * "guild channel add" runs in a channel that has no guild yet, so the guild comes from the lead:
     * the one guild they lead in this tenant.
     */
    private Guild leadGuildForChannelCommand(Context ctx) {
        if (ctx.guild() != null) {
            throw new CommandException("error.channel.taken", ctx.guild().name());
        }
        List<Guild> led = db.withHandle(h -> guilds.forMember(h, ctx.request().user()).stream()
                .filter(g -> guilds.role(h, g, ctx.request().user()).orElse(null) == Role.LEAD)
                .toList());
        if (led.size() != 1) {
            throw new CommandException(led.isEmpty() ? "error.lead.none" : "error.lead.many");
        }
        return led.get(0);
    }

    /** A guild whose last lead left gets its longest-standing member as lead, so it never ends up unmanaged. */
    static void keepALead(org.shoptalk.core.db.Handle h, Guild g, GuildStore guilds, Instant now) {
        if (guilds.withRole(h, g, Role.LEAD).isEmpty()) {
            guilds.members(h, g).stream().findFirst().ifPresent(m -> guilds.setRole(h, g, m, Role.LEAD, now));
        }
    }

    private void keepALead(org.shoptalk.core.db.Handle h, Guild g) {
        keepALead(h, g, guilds, clock.instant());
    }
}

package org.shoptalk.core.command;

import java.util.List;
import java.util.Optional;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.Excerpt;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.guild.Role;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.i18n.Texts;

/**
 * Runs a command: parses it, finds the guild it is about, and hands it to the feature that owns it.
 * Every failure becomes a short private reply in the guild's language with the right form.
 * Each command's changes are applied in one transaction, so nothing is half-applied. Thread-safe.
 */
public final class CommandHandler {
    private static final int MAX_ECHO = 60;
    private final CommandParser parser = new CommandParser();
    private final Database db;
    private final GuildStore guilds;
    private final GuildCommands guild;
    private final ScheduleCommands schedule;
    private final ContentCommands content;
    private final PersonCommands person;
    private final DialogueCommands dialogue;
    private final SeriesCommands series;
    private final IntervisieCommands intervisie;
    private final Conversations conversations;

    public CommandHandler(Database db, GuildStore guilds, Features features) {
        this.db = db;
        this.guilds = guilds;
        this.guild = features.guild();
        this.schedule = features.schedule();
        this.content = features.content();
        this.person = features.person();
        this.dialogue = features.dialogue();
        this.series = features.series();
        this.intervisie = features.intervisie();
        this.conversations = features.conversations();
    }

    /** A conversation a person is having with the bot in private; it takes their messages while it lasts. */
    @FunctionalInterface
    public interface Conversations {
        Optional<ChatMessage> continueWith(UserRef user, String text);
    }

    /** The command features, built by core's assembly. */
    public record Features(
            GuildCommands guild,
            ScheduleCommands schedule,
            ContentCommands content,
            PersonCommands person,
            DialogueCommands dialogue,
            SeriesCommands series,
            Conversations conversations,
            IntervisieCommands intervisie) {}

    public CommandReply handle(CommandRequest request) {
        if (request.channel() == null) {
            Optional<ChatMessage> turn = conversations.continueWith(request.user(), request.text());
            if (turn.isPresent()) {
                return CommandReply.privately(turn.get());
            }
        }
        Context ctx = context(request);
        try {
            return dispatch(ctx, parser.parse(request.text()));
        } catch (CommandException e) {
            return CommandReply.privately(error(ctx, e));
        }
    }

    private CommandReply dispatch(Context ctx, Command c) {
        if (c instanceof Command.Help) {
            return help(ctx);
        } else if (c instanceof Command.GuildCreate x) {
            return guild.create(ctx, x);
        } else if (c instanceof Command.GuildInfo) {
            return guild.info(ctx);
        } else if (c instanceof Command.GuildJoin) {
            return guild.join(ctx);
        } else if (c instanceof Command.GuildLeave) {
            return guild.leave(ctx);
        } else if (c instanceof Command.GuildLeadAdd x) {
            return guild.leadAdd(ctx, x);
        } else if (c instanceof Command.GuildChannelAdd) {
            return guild.channelAdd(ctx);
        } else if (c instanceof Command.GuildChannelRemove) {
            return guild.channelRemove(ctx);
        } else if (c instanceof Command.ScheduleWeekly x) {
            return schedule.weekly(ctx, x);
        } else if (c instanceof Command.ScheduleOnce x) {
            return schedule.once(ctx, x);
        } else if (c instanceof Command.Schedules) {
            return schedule.list(ctx);
        } else if (c instanceof Command.Pause x) {
            return schedule.pause(ctx, x);
        } else if (c instanceof Command.Resume x) {
            return schedule.resume(ctx, x);
        } else if (c instanceof Command.Unschedule x) {
            return schedule.unschedule(ctx, x);
        } else if (c instanceof Command.Skip x) {
            return schedule.skip(ctx, x);
        } else if (c instanceof Command.DigestAt x) {
            return schedule.digestAt(ctx, x);
        } else if (c instanceof Command.MomentNow x) {
            return content.moment(ctx, x);
        } else if (c instanceof Command.DigestNow) {
            return content.digest(ctx);
        } else if (c instanceof Command.Prompts x) {
            return content.prompts(ctx, x);
        } else if (c instanceof Command.PromptAdd x) {
            return content.add(ctx, x);
        } else if (c instanceof Command.Reminders x) {
            return person.reminders(ctx, x);
        } else if (c instanceof Command.ForgetMe) {
            return person.forget(ctx);
        } else if (c instanceof Command.ConnectSetting x) {
            return dialogue.connect(ctx, x);
        } else if (c instanceof Command.GoalStart) {
            return dialogue.goal(ctx);
        } else if (c instanceof Command.Goals) {
            return dialogue.goals(ctx);
        } else if (c instanceof Command.AnonAnswer x) {
            return dialogue.anon(ctx, x);
        } else if (c instanceof Command.AnonDelete) {
            return dialogue.anonDelete(ctx);
        } else if (c instanceof Command.PairsOptIn x) {
            return dialogue.pairsOptIn(ctx, x);
        } else if (c instanceof Command.PairsEvery x) {
            return dialogue.pairsEvery(ctx, x);
        } else if (c instanceof Command.Occasion x) {
            return series.occasion(ctx, x);
        } else if (c instanceof Command.Series x) {
            return series.series(ctx, x);
        } else if (c instanceof Command.IntervisieMethods) {
            return intervisie.methods(ctx);
        } else if (c instanceof Command.IntervisieStart x) {
            return intervisie.start(ctx, x);
        } else if (c instanceof Command.IntervisieAct x) {
            return intervisie.act(ctx, x);
        }
        throw new IllegalStateException("unhandled command " + c.getClass().getSimpleName());
    }

    /**
     * In a channel, the guild is the channel's. In the private chat, it is the person's guild when they
     * belong to exactly one; otherwise commands that need a guild ask to be run in its channel.
     */
    private Context context(CommandRequest request) {
        UserRef user = request.user();
        return db.withHandle(h -> {
            Optional<Guild> g;
            if (request.channel() != null) {
                g = guilds.findByChannel(h, request.channel());
            } else {
                List<Guild> mine = guilds.forMember(h, user);
                g = mine.size() == 1 ? Optional.of(mine.get(0)) : Optional.empty();
            }
            Role role = g.flatMap(x -> guilds.role(h, x, user)).orElse(null);
            Language lang = g.map(Guild::language).orElse(Language.EN);
            return new Context(request, g.orElse(null), role, lang);
        });
    }

    private static ChatMessage error(Context ctx, CommandException e) {
        Texts t = Texts.get();
        ChatMessage.Builder b = ChatMessage.builder().text(t.t(ctx.language(), e.key(), echoes(e.args())));
        if (e.syntax() != null) {
            b.context(
                    t.t(ctx.language(), "error.form", "/shoptalk " + e.syntax().form()));
        } else if ("error.unknown".equals(e.key())) {
            b.context(t.t(ctx.language(), "error.try.help"));
        }
        return b.build();
    }

    /**
     * What was typed, as an error repeats it: one line of at most {@value #MAX_ECHO} characters, so a very long
     * word gets a short answer instead of its own text back.
     */
    private static Object[] echoes(Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof String s) {
                out[i] = Excerpt.line(s, MAX_ECHO);
            }
        }
        return out;
    }

    private static CommandReply help(Context ctx) {
        ChatMessage.Builder b =
                ChatMessage.builder().header(ctx.t("help.header")).text(ctx.t("help.intro"));
        StringBuilder everyone = new StringBuilder();
        StringBuilder leads = new StringBuilder();
        for (Syntax s : Syntax.values()) {
            StringBuilder target = s.leadsOnly() ? leads : everyone;
            target.append("/shoptalk ")
                    .append(s.form())
                    .append(" - ")
                    .append(ctx.t(s.helpKey()))
                    .append('\n');
        }
        b.text(ctx.t("help.everyone") + "\n" + everyone.toString().strip());
        b.text(ctx.t("help.leads") + "\n" + leads.toString().strip());
        b.context(ctx.t("help.themes", CommandParser.themeList()));
        return CommandReply.privately(b.build());
    }
}

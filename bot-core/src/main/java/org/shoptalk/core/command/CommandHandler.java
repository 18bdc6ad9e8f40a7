package org.shoptalk.core.command;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.Excerpt;
import org.shoptalk.core.chat.Form;
import org.shoptalk.core.chat.Platforms;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.guild.Role;
import org.shoptalk.core.i18n.Language;

/**
 * Runs a command: parses it, finds the guild it is about, and hands it to the feature that owns it
 * ({@link CommandRoutes}).
 * Every failure becomes a short private reply in the guild's language with the right form.
 * Each command's changes are applied in one transaction, so nothing is half-applied. Thread-safe.
 */
public final class CommandHandler {
    private static final int MAX_ECHO = 60;
    private final CommandParser parser = new CommandParser();
    private final Database db;
    private final Platforms platforms;
    private final GuildStore guilds;
    private final Features features;
    private final Conversations conversations;
    private final HomeView home;

    public CommandHandler(Database db, GuildStore guilds, Platforms platforms, Features features) {
        this.db = db;
        this.platforms = platforms;
        this.guilds = guilds;
        this.features = features;
        this.conversations = features.conversations();
        this.home = new HomeView(
                db, guilds, features.schedule(), platforms, features.person().rhythms());
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
            IntervisieCommands intervisie,
            RecordCommands record) {}

    /** The Home and greetings, built from the same parts as the commands. */
    public HomeView home() {
        return home;
    }

    public CommandReply handle(CommandRequest request) {
        if (request.channel() == null) {
            Optional<ChatMessage> turn = conversations.continueWith(request.user(), request.text());
            if (turn.isPresent()) {
                return CommandReply.privately(turn.get());
            }
        }
        Context ctx = context(request);
        try {
            Command command = parser.parse(ctx.request().text());
            if (ctx.guild() == null && request.channel() == null && command instanceof Command.Schedules) {
                // In the private chat of someone in none or several guilds: the overview of all, never an error.
                return CommandReply.privately(home.home(request.user(), null));
            }
            return dispatch(ctx, command);
        } catch (CommandException e) {
            return CommandReply.privately(error(ctx, e));
        }
    }

    /**
     * The language to answer {@code request} in, as every reply to it is: the guild's, else the person's guilds' when
     * they share one, else English. English, too, when it cannot be known because core is failing (the database is
     * gone): for the apology that follows a failure, which must not fail itself.
     */
    public Language languageOrEnglish(CommandRequest request) {
        try {
            return context(request).language();
        } catch (RuntimeException e) {
            return Language.EN;
        }
    }

    private CommandReply dispatch(Context ctx, Command c) {
        return c.accept(new CommandRoutes(features, ctx));
    }

    /**
     * In a channel, the guild is the channel's. In the private chat, it is the person's guild when they
     * belong to exactly one; otherwise commands that need a guild ask to be run in its channel.
     */
    private Context context(CommandRequest typed) {
        UserRef user = typed.user();
        Optional<java.util.regex.Matcher> target =
                typed.channel() == null ? HomeView.targeted(typed.text()) : Optional.empty();
        CommandRequest request =
                target.map(m -> new CommandRequest(user, null, m.group(2))).orElse(typed);
        return db.withHandle(h -> {
            Optional<Guild> g;
            List<Guild> mine = List.of();
            if (target.isPresent()) {
                // A Home button's command for one guild: only a guild of the person's own, in their own tenant.
                long id = Long.parseLong(target.get().group(1));
                g = guilds.forMember(h, user).stream().filter(x -> x.id() == id).findFirst();
            } else if (request.channel() != null) {
                g = guilds.findByChannel(h, request.channel());
            } else {
                mine = guilds.forMember(h, user);
                g = mine.size() == 1 ? Optional.of(mine.get(0)) : Optional.empty();
            }
            if (g.isEmpty() && mine.isEmpty()) {
                mine = guilds.forMember(h, user);
            }
            Role role = g.flatMap(x -> guilds.role(h, x, user)).orElse(null);
            Language lang = g.map(Guild::language).orElse(shared(mine));
            return new Context(request, g.orElse(null), role, lang, platforms.invocation(user.tenant()));
        });
    }

    /**
     * Where no guild is known (the private chat of someone in several guilds, a channel without a guild): the
     * language all the person's guilds share, so a Dutch person hears Dutch before a guild says; else English.
     */
    private static Language shared(List<Guild> guilds) {
        List<Language> languages =
                guilds.stream().map(Guild::language).distinct().toList();
        return languages.size() == 1 ? languages.get(0) : Language.EN;
    }

    private static ChatMessage error(Context ctx, CommandException e) {
        ChatMessage.Builder b = ChatMessage.builder()
                .text(ctx.t(e.key(), CommandException.inLanguage(echoes(e.args()), ctx.language())));
        if (e.syntax() != null) {
            b.context(ctx.t("error.form", ctx.invocation() + " " + e.syntax().usage(ctx.language())));
        } else if ("error.unknown".equals(e.key())) {
            b.context(ctx.t("error.try.help"));
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

    /**
     * A submitted form: checked field by field in the guild's language; when something is wrong, the form comes back
     * with the errors next to its fields and nothing is run; otherwise its command runs as if typed where the form
     * says (its channel field, when it has one; else where it was shown).
     */
    public CommandReply submit(CommandRequest where, String formId, Map<String, String> values) {
        Optional<java.util.regex.Matcher> target = HomeView.targeted(formId);
        if (!Form.SCHEDULE.equals(target.map(m -> m.group(2)).orElse(formId))) {
            throw new IllegalArgumentException("unknown form: " + formId);
        }
        // A form for one guild (from a Home): checked in that guild's language and run for it, as its buttons are.
        String prefix = target.map(m -> "in:" + m.group(1) + " ").orElse("");
        boolean withChannel = values.containsKey(ScheduleForm.CHANNEL);
        String picked = values.get(ScheduleForm.CHANNEL);
        ChannelRef channel = withChannel && picked != null && !picked.isBlank()
                ? new ChannelRef(where.user().tenant(), picked.strip())
                : where.channel();
        String aim = channel == null ? prefix : "";
        Context ctx = context(new CommandRequest(where.user(), channel, aim + Form.SCHEDULE));
        ScheduleForm.Checked checked = ScheduleForm.check(values, ctx.language(), withChannel);
        if (!checked.ok()) {
            return CommandReply.form(
                    ScheduleForm.form(ctx.language(), withChannel)
                            .withId(formId)
                            .withErrors(values, checked.errors()),
                    ChatMessage.text(String.join("\n", checked.errors().values())));
        }
        return handle(new CommandRequest(where.user(), channel, aim + checked.command()));
    }
}

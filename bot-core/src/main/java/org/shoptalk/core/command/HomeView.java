package org.shoptalk.core.command;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.Platforms;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.guild.Role;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.i18n.Texts;
import org.shoptalk.core.reminder.Rhythms;

/**
 * A person's Home and the first greeting, as neutral messages that adapters only render (issue 12). The Home is
 * never an error: every guild the person belongs to with its moments and next times, buttons for what they may do
 * (leads: pause, resume, add a moment; everyone: their reminders and quiet hours), and for someone in no guild yet,
 * how to start one or join one. Thread-safe.
 *
 * <p>Buttons on the Home run in no channel, so a command for one guild carries {@code in:GUILD-ID} in front
 * ({@link #TARGET}); the handler runs it for that guild when the person belongs to it.
 */
public final class HomeView {
    /** {@code in:7 pause 2}: a command for guild 7, as the Home's buttons send it. */
    static final Pattern TARGET = Pattern.compile("in:(\\d{1,18})\\s+(.*)", Pattern.DOTALL);

    private final Database db;
    private final GuildStore guilds;
    private final ScheduleCommands schedules;
    private final Platforms platforms;
    private final Rhythms rhythms;

    public HomeView(Database db, GuildStore guilds, ScheduleCommands schedules, Platforms platforms, Rhythms rhythms) {
        this.rhythms = rhythms;
        this.db = db;
        this.guilds = guilds;
        this.schedules = schedules;
        this.platforms = platforms;
    }

    /**
     * The Home of {@code user}. Its language is that of the person's first guild; for someone in no guild, the
     * {@code localeHint} the platform sent ("nl-NL", "en_US"; null when unknown), else English.
     */
    public ChatMessage home(UserRef user, String localeHint) {
        List<Guild> mine = db.withHandle(h -> guilds.forMember(h, user));
        Language lang = mine.isEmpty() ? fromLocale(localeHint) : mine.get(0).language();
        CommandRequest request = new CommandRequest(user, null, "");
        String invocation = platforms.invocation(user.tenant());
        Context ctx = new Context(request, null, null, lang, invocation);
        ChatMessage.Builder b = ChatMessage.builder().header(ctx.t("home.header"));
        if (mine.isEmpty()) {
            return b.text(ctx.t("home.none"))
                    .context(ctx.t("home.none.join"))
                    .button(ctx.t("home.button.help"), ctx.t("usage.button.help"))
                    .build();
        }
        b.text(ctx.t("home.intro"));
        for (Guild g : mine) {
            Role role = db.withHandle(h -> guilds.role(h, g, user)).orElse(Role.MEMBER);
            Context inGuild = new Context(request, g, role, g.language(), invocation);
            boolean lead = role == Role.LEAD;
            b.divider().header(inGuild.t(lead ? "home.guild.lead" : "home.guild.member", g.name()));
            String target = "in:" + g.id() + " ";
            schedules.section(inGuild, g, target, lead, b);
            if (lead) {
                b.button(inGuild.t("home.button.add"), target + inGuild.t("usage.button.schedule.form"));
            }
        }
        b.divider()
                .context(ctx.t("home.settings"))
                .text(RhythmText.summary(
                        ctx,
                        db.withHandle(h -> rhythms.of(h, user)),
                        rhythms.platformZone(user),
                        mine.get(0).zone()))
                .button(ctx.t("home.button.reminders.on"), ctx.t("usage.button.reminders.on"))
                .button(ctx.t("home.button.reminders.light"), ctx.t("usage.button.reminders.light"))
                .button(ctx.t("home.button.reminders.off"), ctx.t("usage.button.reminders.off"));
        return b.build();
    }

    /**
     * What the bot says when it first meets a person or a channel: one clear next step. In a guild's channel, in
     * the guild's language; elsewhere in the language of {@code localeHint}, else English.
     */
    public ChatMessage greeting(Tenant tenant, ChannelRef channel, String localeHint) {
        Optional<Guild> g = channel == null ? Optional.empty() : db.withHandle(h -> guilds.findByChannel(h, channel));
        Language lang = g.map(Guild::language).orElseGet(() -> fromLocale(localeHint));
        // The next step is typed in a channel, so it names the command as people type it there (Teams: @Shoptalk).
        String cmd = platforms.invocation(tenant);
        Texts t = Texts.get();
        if (g.isPresent()) {
            return ChatMessage.text(t.tFor(lang, cmd, "greeting.guild", g.get().name()));
        }
        return ChatMessage.builder()
                .text(t.tFor(lang, cmd, channel == null ? "greeting.private" : "greeting.channel"))
                .context(t.tFor(lang, cmd, "greeting.help"))
                .build();
    }

    /** "nl", "nl-NL", "nl_BE" are Dutch; anything else, or nothing, is English. */
    public static Language fromLocale(String locale) {
        if (locale == null || locale.isBlank()) {
            return Language.EN;
        }
        String code = locale.strip().split("[-_]", 2)[0];
        return Language.parse(code).orElse(Language.EN);
    }

    /**
     * Whether a button's command asks for the schedule form (the Home's "add a moment", {@code in:7 schedule form} or
     * a Dutch guild's {@code in:7 schedule formulier}): a platform that shows forms opens it at once instead of
     * running the command. The words are the catalog's ({@code usage.button.schedule.form}), in every language.
     */
    public static boolean asksForScheduleForm(String command) {
        if (command == null) {
            return false;
        }
        String rest = targeted(command).map(m -> m.group(2)).orElse(command).strip();
        for (Language language : Language.values()) {
            if (rest.equalsIgnoreCase(Texts.get().t(language, "usage.button.schedule.form"))) {
                return true;
            }
        }
        return false;
    }

    /** The guild id and the command of a targeted command ({@code in:7 pause 2}), if it is one. */
    static Optional<Matcher> targeted(String text) {
        Matcher m = TARGET.matcher(text);
        return m.matches() ? Optional.of(m) : Optional.empty();
    }
}

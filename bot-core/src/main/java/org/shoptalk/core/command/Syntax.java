package org.shoptalk.core.command;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.i18n.Texts;

/**
 * The forms of every command, next to the key of its one-line help text. Help, and every error
 * that shows "the right form", read from here, so usage is written once.
 */
public enum Syntax {
    HELP("help", "help.help", false),
    GUILD_CREATE("guild create NAME [lang nl|en] [tz ZONE]", "help.guild.create", false),
    GUILD_INFO("guild", "help.guild.info", false),
    GUILD_JOIN("guild join", "help.guild.join", false),
    GUILD_LEAVE("guild leave", "help.guild.leave", false),
    GUILD_LEAD_ADD("guild lead add @PERSON", "help.guild.lead.add", true),
    GUILD_CHANNEL_ADD("guild channel add", "help.guild.channel.add", true),
    GUILD_CHANNEL_REMOVE("guild channel remove", "help.guild.channel.remove", true),
    GUILD_RETENTION("guild retention N months", "help.guild.retention", true),
    GUILD_ANONYMITY("guild anonymity N", "help.guild.anonymity", true),
    SCHEDULE("schedule DAYS HH:MM [every N weeks] [tz ZONE] [theme THEME]", "help.schedule", true),
    SCHEDULE_FORM("schedule form", "help.schedule.form", true),
    SCHEDULE_AT("schedule at YYYY-MM-DD HH:MM [tz ZONE] [theme THEME]", "help.schedule.at", true),
    SCHEDULES("schedules", "help.schedules", false),
    PAUSE("pause ID [until YYYY-MM-DD]", "help.pause", true),
    RESUME("resume ID", "help.resume", true),
    UNSCHEDULE("unschedule ID", "help.unschedule", true),
    SKIP("skip YYYY-MM-DD..YYYY-MM-DD", "help.skip", true),
    MOMENT("moment [PROMPT-ID|THEME]", "help.moment", false),
    DIGEST("digest", "help.digest", false),
    DIGEST_AT("digest at DAY HH:MM", "help.digest.at", true),
    PROMPTS("prompts [THEME]", "help.prompts", false),
    PROMPT_ADD("prompt add \"TEXT\" [theme THEME]", "help.prompt.add", true),
    REMINDERS("reminders [off|light|normal]", "help.reminders", false),
    QUIET_HOURS("quiet hours [HH:MM-HH:MM] [DAYS|weekends] | quiet hours off|default", "help.quiet.hours", false),
    FORGET_ME("forget me [confirm]", "help.forget", false),
    GOAL("goal", "help.goal", false),
    GOALS("goals", "help.goals", false),
    ANON("anon \"TEXT\" | anon delete", "help.anon", false),
    PAIRS("pairs on|off", "help.pairs", false),
    PAIRS_CHECKIN("pairs met|not yet|skip ID", "help.pairs.checkin", false),
    OCCASION("occasion kickoff|close|review|recert|role [YYYY-MM-DD]", "help.occasion", false),
    CONNECT("connect on|off | connect after N hours", "help.connect", true),
    PAIRS_EVERY("pairs every N weeks | pairs never", "help.pairs.every", true),
    SERIES("series THEME N DAY HH:MM", "help.series", true),
    INTERVISIE("intervisie [METHOD]", "help.intervisie", false),
    INTERVISIE_ACT("intervisie join|leave|next|share|keep ID", "help.intervisie.act", false),
    INTERVISIE_METHOD(
            "intervisie method add METHOD-JSON | intervisie method remove ID | intervisie methods",
            "help.intervisie.method",
            true),
    RECORD("record [technical|normative|personal]", "help.record", false),
    RECORD_EXPORT("record export [YYYY-MM-DD..YYYY-MM-DD] [technical|normative|personal]", "help.record.export", false),
    RECORD_TIME("record time ID MINUTES", "help.record.time", false);

    private final String form;
    private final String helpKey;
    private final boolean leadsOnly;

    Syntax(String form, String helpKey, boolean leadsOnly) {
        this.form = form;
        this.helpKey = helpKey;
        this.leadsOnly = leadsOnly;
    }

    /** The form in English, as the parser reads it; {@link #usage(Language)} is what people are shown. */
    public String form() {
        return form;
    }

    /**
     * The form as shown in {@code language}: placeholders and keywords in that language (Dutch: {@code schedule DAGEN
     * UU:MM [elke N weken]}), every keyword one the parser accepts ({@link Keywords}).
     */
    public String usage(Language language) {
        return Texts.get()
                .t(language, "usage." + name().toLowerCase(Locale.ROOT).replace('_', '.'));
    }

    public String helpKey() {
        return helpKey;
    }

    public boolean leadsOnly() {
        return leadsOnly;
    }

    /** The forms that start with this word, to show when a command was not understood. */
    public static List<Syntax> startingWith(String word) {
        return Arrays.stream(values())
                .filter(s -> s.form.split(" ", -1)[0].equalsIgnoreCase(word))
                .toList();
    }
}

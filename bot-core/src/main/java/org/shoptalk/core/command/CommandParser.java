package org.shoptalk.core.command;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.prompt.Theme;
import org.shoptalk.core.schedule.DateRange;
import org.shoptalk.core.schedule.DaySpec;

/**
 * Parses the shared command language into {@link Command} records. Pure and thread-safe: it checks
 * form only (times, dates, zones, themes); permissions and existence are the handler's business.
 * Every failure is a {@link CommandException} naming what was wrong and the right form.
 */
public final class CommandParser {
    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3])[:.]([0-5]\\d)");
    private static final Pattern ID = Pattern.compile("#?(\\d{1,12})");
    // Four-digit years only: LocalDate.parse would take +999999999-12-31.
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DIGITS = Pattern.compile("[+-]?\\d+");
    /** Platform user ids are short (Slack U0123ABCD, Teams object ids of 36 characters); the store takes 200. */
    private static final int MAX_USER_ID = 100;

    private static final Pattern METHOD_ADD = Pattern.compile(
            "(?:intervisie|intervision)\\s+" + Keywords.anyForm("method") + "\\s+" + Keywords.anyForm("add")
                    + "(?:\\s+(.*))?",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern MENTION = Pattern.compile("<@([^>|]+)(\\|[^>]*)?>|@(\\S+)");
    private static final int MAX_NAME = 80;
    private static final int MAX_PROMPT = 500;

    public Command parse(String line) {
        // A pasted method is JSON, full of quotes the word splitter would take apart: it is read whole.
        Matcher methodAdd = METHOD_ADD.matcher(line == null ? "" : line.strip());
        if (methodAdd.matches()) {
            String source = methodAdd.group(1) == null ? "" : methodSource(methodAdd.group(1));
            if (source.isEmpty()) {
                throw new CommandException(Syntax.INTERVISIE_METHOD, "error.intervisie.method.add");
            }
            return new Command.IntervisieMethodAdd(source);
        }
        Tokens t = tokens(line == null ? "" : line.strip());
        String verb = t.peekVerb();
        if (verb == null) {
            return new Command.Help();
        }
        t.next();
        return switch (verb) {
            case "help", "?" -> end(t, Syntax.HELP, new Command.Help());
            case "guild" -> guild(t);
            case "schedule" ->
                t.accept("at")
                        ? scheduleAt(t)
                        : t.accept("form")
                                ? end(t, Syntax.SCHEDULE_FORM, new Command.ScheduleFormRequest())
                                : schedule(t);
            case "schedules" -> end(t, Syntax.SCHEDULES, new Command.Schedules());
            case "pause" -> pause(t);
            case "resume" -> end(t, Syntax.RESUME, new Command.Resume(id(t, Syntax.RESUME)));
            case "unschedule" -> end(t, Syntax.UNSCHEDULE, new Command.Unschedule(id(t, Syntax.UNSCHEDULE)));
            case "skip" -> skip(t);
            case "moment" -> moment(t);
            case "digest" -> digest(t);
            case "prompts" ->
                end(t, Syntax.PROMPTS, new Command.Prompts(t.hasMore() ? theme(t.next(), Syntax.PROMPTS) : null));
            case "prompt" -> promptAdd(t);
            case "reminders" -> RhythmParser.reminders(t);
            case "quiet" -> RhythmParser.quietHours(t);
            case "forget" -> {
                if (!t.accept("me")) {
                    throw new CommandException(Syntax.FORGET_ME, "error.forget");
                }
                yield end(t, Syntax.FORGET_ME, new Command.ForgetMe(t.accept("confirm")));
            }
            case "connect" -> DialogueParser.connect(t);
            case "goal" -> end(t, Syntax.GOAL, new Command.GoalStart());
            case "goals" -> end(t, Syntax.GOALS, new Command.Goals());
            case "anon" -> DialogueParser.anon(t);
            case "pairs" -> DialogueParser.pairs(t);
            case "occasion" -> DialogueParser.occasion(t);
            case "series" -> DialogueParser.series(t);
            case "intervisie", "intervision" -> intervisie(t);
            case "record" -> RecordParser.record(t);
            default -> throw new CommandException("error.unknown", verb);
        };
    }

    /**
     * The pasted method as JSON: without a code fence around it, and with the curly quotes a chat client may have
     * made of straight ones (JSON has no other use for them outside its strings).
     */
    static String methodSource(String pasted) {
        String s = pasted.strip();
        if (s.startsWith("```") && s.endsWith("```") && s.length() >= 6) {
            s = s.substring(3, s.length() - 3).strip();
        }
        return s.replace('\u201C', '"').replace('\u201D', '"').replace('\u201E', '"');
    }

    /**
     * intervisie | intervisie METHOD | intervisie join|meedoen|leave|verlaten|next|volgende|share|delen|keep|houden ID
     * | intervisie methods | intervisie method remove ID
     */
    private static Command intervisie(Tokens t) {
        String word = t.peekKeyword();
        if (word == null) {
            return new Command.IntervisieMethods();
        }
        t.next();
        if (word.equals("methods")) {
            return end(t, Syntax.INTERVISIE_METHOD, new Command.IntervisieMethods());
        }
        if (word.equals("method")) {
            String verb = t.peekKeyword();
            if (verb == null || !(verb.equals("remove") || verb.equals("delete")) || t.remaining() < 2) {
                throw new CommandException(Syntax.INTERVISIE_METHOD, "error.intervisie.method.add");
            }
            t.next();
            String id = t.next().toLowerCase(java.util.Locale.ROOT);
            return end(t, Syntax.INTERVISIE_METHOD, new Command.IntervisieMethodRemove(id));
        }
        if (org.shoptalk.core.intervisie.IntervisieAction.of(word).isPresent()) {
            String number = t.next();
            Matcher m = ID.matcher(number == null ? "" : number);
            if (!m.matches()) {
                throw new CommandException(Syntax.INTERVISIE_ACT, "error.intervisie.id", str(number));
            }
            return end(t, Syntax.INTERVISIE_ACT, new Command.IntervisieAct(word, Long.parseLong(m.group(1))));
        }
        return end(t, Syntax.INTERVISIE, new Command.IntervisieStart(word));
    }

    /** Splits the line; an unclosed quote is reported with the form of the command the line starts with. */
    private static Tokens tokens(String line) {
        try {
            return Tokens.of(line);
        } catch (CommandException e) {
            String first = line.split("\\s+", 2)[0];
            throw Syntax.startingWith(Keywords.english(first.toLowerCase(java.util.Locale.ROOT))).stream()
                    .findFirst()
                    .map(s -> new CommandException(s, e.key(), e.args()))
                    .orElse(e);
        }
    }

    private Command guild(Tokens t) {
        String sub = t.peekVerb();
        if (sub == null) {
            return new Command.GuildInfo();
        }
        t.next();
        return switch (sub) {
            case "create" -> guildCreate(t);
            case "join" -> end(t, Syntax.GUILD_JOIN, new Command.GuildJoin());
            case "leave" -> end(t, Syntax.GUILD_LEAVE, new Command.GuildLeave());
            case "lead" -> {
                if (!t.accept("add") || !t.hasMore()) {
                    throw new CommandException(Syntax.GUILD_LEAD_ADD, "error.lead.add");
                }
                yield new Command.GuildLeadAdd(person(t, Syntax.GUILD_LEAD_ADD));
            }
            case "channel" -> {
                if (t.accept("add")) {
                    yield end(t, Syntax.GUILD_CHANNEL_ADD, new Command.GuildChannelAdd());
                }
                if (t.accept("remove")) {
                    yield end(t, Syntax.GUILD_CHANNEL_REMOVE, new Command.GuildChannelRemove());
                }
                throw new CommandException(Syntax.GUILD_CHANNEL_ADD, "error.guild.channel");
            }
            case "retention" -> KeepingParser.retention(t);
            case "anonymity" -> KeepingParser.anonymity(t);
            default -> throw new CommandException(Syntax.GUILD_CREATE, "error.guild.sub", sub);
        };
    }

    /**
     * Options are read from the end of the line, so a name may hold a word that is also a keyword: in
     * {@code guild create Tz lang en tz America/Santiago} the guild is called Tz (issue 11). A quoted word is
     * always part of the name.
     */
    private Command guildCreate(Tokens t) {
        int nameWords = t.remaining();
        Language language = null;
        ZoneId zone = null;
        while (nameWords >= 2) {
            String keyword = t.keywordAt(nameWords - 2);
            String value = t.wordAt(nameWords - 1);
            if ("lang".equals(keyword)) {
                if (language != null) {
                    throw new CommandException(Syntax.GUILD_CREATE, "error.extra", t.wordAt(nameWords - 2));
                }
                language = Language.parse(value).orElse(null);
                if (language == null) {
                    throw keywordValue(t, nameWords, "error.lang.or.name", value);
                }
            } else if ("tz".equals(keyword)) {
                if (zone != null) {
                    throw new CommandException(Syntax.GUILD_CREATE, "error.extra", t.wordAt(nameWords - 2));
                }
                try {
                    zone = zone(value, Syntax.GUILD_CREATE);
                } catch (CommandException e) {
                    throw keywordValue(t, nameWords, "error.zone.or.name", value);
                }
            } else {
                break;
            }
            nameWords -= 2;
        }
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < nameWords; i++) {
            name.append(i == 0 ? "" : " ").append(t.wordAt(i));
        }
        t.rest();
        String n = name.toString().strip();
        if (n.isEmpty()) {
            throw new CommandException(Syntax.GUILD_CREATE, "error.guild.name.missing");
        }
        if (n.length() > MAX_NAME) {
            throw new CommandException(Syntax.GUILD_CREATE, "error.guild.name.long", MAX_NAME);
        }
        return new Command.GuildCreate(n, language, zone);
    }

    /**
     * A keyword whose value is wrong may really be part of the name ("guild create Lang Tz"): the error says so and
     * shows the line with the name quoted.
     */
    private static CommandException keywordValue(Tokens t, int upTo, String key, String value) {
        StringBuilder quoted = new StringBuilder();
        for (int i = 0; i < upTo; i++) {
            quoted.append(i == 0 ? "" : " ").append(t.wordAt(i));
        }
        // "guild create" as the reader types it: the first two words of the usage line in their language.
        CommandException.InLanguage line = language -> {
            String[] words = Syntax.GUILD_CREATE.usage(language).split(" ", 3);
            return words[0] + " " + words[1] + " \"" + quoted + "\"";
        };
        return new CommandException(Syntax.GUILD_CREATE, key, str(value), t.wordAt(upTo - 2), line);
    }

    private Command schedule(Tokens t) {
        if (!t.hasMore()) {
            throw new CommandException(Syntax.SCHEDULE, "error.schedule.missing");
        }
        String daysWord = t.next();
        Set<DayOfWeek> days;
        try {
            days = DaySpec.parse(daysWord);
        } catch (IllegalArgumentException e) {
            throw new CommandException(Syntax.SCHEDULE, "error.days", daysWord);
        }
        LocalTime time = time(t.next(), Syntax.SCHEDULE);
        int every = 1;
        ZoneId zone = null;
        Theme theme = null;
        boolean anyway = false;
        while (t.hasMore()) {
            if (acceptAnyway(t)) {
                anyway = true;
            } else if (t.accept("every")) {
                every = everyWeeks(t);
            } else if (t.accept("tz")) {
                zone = zone(t.next(), Syntax.SCHEDULE);
            } else if (t.accept("theme")) {
                theme = theme(t.next(), Syntax.SCHEDULE);
            } else {
                throw new CommandException(Syntax.SCHEDULE, "error.extra", t.next());
            }
        }
        return new Command.ScheduleWeekly(days, time, every, zone, theme, anyway);
    }

    private static int everyWeeks(Tokens t) {
        if (t.accept("week")) {
            return 1;
        }
        String n = t.next();
        String unit = t.next();
        if (n == null || !DIGITS.matcher(n).matches()) {
            throw new CommandException(Syntax.SCHEDULE, "error.every", str(n));
        }
        String english = unit == null ? null : Keywords.english(unit.toLowerCase(java.util.Locale.ROOT));
        if (english == null || !(english.equals("weeks") || english.equals("week"))) {
            throw new CommandException(Syntax.SCHEDULE, "error.every", str(n) + " " + str(unit));
        }
        // Compared as text of digits, so "every 99999999999 weeks" is out of range rather than not a number.
        String digits = n.startsWith("+") ? n.substring(1) : n;
        if (n.startsWith("-") || digits.length() > 2 || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > 52) {
            throw new CommandException(Syntax.SCHEDULE, "error.every.range", n);
        }
        return Integer.parseInt(digits);
    }

    private Command scheduleAt(Tokens t) {
        LocalDate date = date(t.next(), Syntax.SCHEDULE_AT);
        LocalTime time = time(t.next(), Syntax.SCHEDULE_AT);
        ZoneId zone = null;
        Theme theme = null;
        boolean anyway = false;
        while (t.hasMore()) {
            if (acceptAnyway(t)) {
                anyway = true;
            } else if (t.accept("tz")) {
                zone = zone(t.next(), Syntax.SCHEDULE_AT);
            } else if (t.accept("theme")) {
                theme = theme(t.next(), Syntax.SCHEDULE_AT);
            } else {
                throw new CommandException(Syntax.SCHEDULE_AT, "error.extra", t.next());
            }
        }
        return new Command.ScheduleOnce(LocalDateTime.of(date, time), zone, theme, anyway);
    }

    /** "anyway" / "toch": plan it even in the same minute as another moment of the guild (docs/scheduling.md). */
    static boolean acceptAnyway(Tokens t) {
        return t.accept("anyway") || t.accept("toch");
    }

    private Command pause(Tokens t) {
        long id = id(t, Syntax.PAUSE);
        LocalDate until = null;
        if (t.accept("until")) {
            until = date(t.next(), Syntax.PAUSE);
        }
        return end(t, Syntax.PAUSE, new Command.Pause(id, until));
    }

    private Command skip(Tokens t) {
        String spec = String.join("", t.rest());
        String[] parts = spec.split("\\.\\.", -1);
        if (spec.isEmpty() || parts.length > 2) {
            throw new CommandException(Syntax.SKIP, "error.skip", str(spec));
        }
        LocalDate from = date(parts[0], Syntax.SKIP);
        LocalDate to = parts.length == 2 ? date(parts[1], Syntax.SKIP) : from;
        if (to.isBefore(from)) {
            throw new CommandException(Syntax.SKIP, "error.skip.order", from, to);
        }
        return new Command.Skip(new DateRange(from, to));
    }

    private Command moment(Tokens t) {
        if (!t.hasMore()) {
            return new Command.MomentNow(null, null);
        }
        String what = t.next();
        Command c = Theme.parse(what)
                .<Command>map(theme -> new Command.MomentNow(null, theme))
                .orElseGet(() -> new Command.MomentNow(what.toLowerCase(java.util.Locale.ROOT), null));
        return end(t, Syntax.MOMENT, c);
    }

    private Command digest(Tokens t) {
        if (!t.accept("at")) {
            return end(t, Syntax.DIGEST, new Command.DigestNow());
        }
        String dayWord = t.next();
        Set<DayOfWeek> days;
        try {
            days = DaySpec.parse(dayWord == null ? "" : dayWord);
        } catch (IllegalArgumentException e) {
            throw new CommandException(Syntax.DIGEST_AT, "error.days", str(dayWord));
        }
        if (days.size() != 1) {
            throw new CommandException(Syntax.DIGEST_AT, "error.digest.day", dayWord);
        }
        LocalTime time = time(t.next(), Syntax.DIGEST_AT);
        return end(t, Syntax.DIGEST_AT, new Command.DigestAt(days.iterator().next(), time));
    }

    private Command promptAdd(Tokens t) {
        if (!t.accept("add") || !t.hasMore()) {
            throw new CommandException(Syntax.PROMPT_ADD, "error.prompt.add");
        }
        String text = t.next().strip();
        Theme theme = null;
        if (t.accept("theme")) {
            theme = theme(t.next(), Syntax.PROMPT_ADD);
        }
        if (t.hasMore()) {
            // most likely an unquoted multi-word text
            throw new CommandException(Syntax.PROMPT_ADD, "error.prompt.quotes");
        }
        if (text.isEmpty()) {
            throw new CommandException(Syntax.PROMPT_ADD, "error.prompt.add");
        }
        if (text.length() > MAX_PROMPT) {
            throw new CommandException(Syntax.PROMPT_ADD, "error.prompt.long", MAX_PROMPT);
        }
        return new Command.PromptAdd(text, theme);
    }

    static <T> T end(Tokens t, Syntax syntax, T command) {
        if (t.hasMore()) {
            throw new CommandException(syntax, "error.extra", t.next());
        }
        return command;
    }

    static LocalTime time(String word, Syntax syntax) {
        Matcher m = TIME.matcher(word == null ? "" : word);
        if (!m.matches()) {
            throw new CommandException(syntax, "error.time", str(word));
        }
        return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    static LocalDate date(String word, Syntax syntax) {
        try {
            if (word == null || !DATE.matcher(word).matches()) {
                throw new CommandException(syntax, "error.date", str(word));
            }
            return LocalDate.parse(word);
        } catch (DateTimeParseException e) {
            throw new CommandException(syntax, "error.date", str(word));
        }
    }

    static ZoneId zone(String word, Syntax syntax) {
        try {
            if (word == null || (!word.contains("/") && !word.equalsIgnoreCase("UTC"))) {
                throw new DateTimeException("not a region zone");
            }
            return ZoneId.of(word);
        } catch (DateTimeException e) {
            throw new CommandException(syntax, "error.zone", str(word));
        }
    }

    static Theme theme(String word, Syntax syntax) {
        return Theme.parse(word).orElseThrow(() -> new CommandException(syntax, "error.theme", str(word), themeList()));
    }

    /** The theme words, listed in the language the error is shown in. */
    static CommandException.InLanguage themeList() {
        return Theme::words;
    }

    private static long id(Tokens t, Syntax syntax) {
        String word = t.next();
        Matcher m = ID.matcher(word == null ? "" : word);
        if (!m.matches()) {
            throw new CommandException(syntax, "error.id", str(word));
        }
        return Long.parseLong(m.group(1));
    }

    /**
     * A person: {@code <@U123>} or {@code <@U123|name>} (identified), or {@code @name} and whatever follows it to the
     * end of the line (typed; Slack leaves a name it could not resolve like that, and it may hold spaces).
     */
    static Person person(Tokens t, Syntax syntax) {
        String word = t.next();
        Matcher m = MENTION.matcher(word);
        if (m.matches() && m.group(1) != null) {
            if (m.group(1).length() > MAX_USER_ID) {
                throw new CommandException(syntax, "error.mention", word);
            }
            return end(t, syntax, new Person.Id(m.group(1)));
        }
        if (m.matches() && m.group(3).length() <= MAX_USER_ID) {
            StringBuilder typed = new StringBuilder(word);
            t.rest().forEach(w -> typed.append(' ').append(w));
            return new Person.Typed(typed.toString());
        }
        throw new CommandException(syntax, "error.mention", word);
    }

    static String str(String word) {
        return word == null ? "" : word;
    }
}

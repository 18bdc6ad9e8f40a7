package org.shoptalk.core.command;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shoptalk.core.dialogue.CheckIn;
import org.shoptalk.core.prompt.Theme;
import org.shoptalk.core.schedule.DaySpec;

/**
 * The forms of the dialogue commands (connect, anon, pairs and a pair's check-in, occasion, series); see
 * {@link CommandParser}.
 */
final class DialogueParser {
    /** An anonymous answer is posted as one quote; Slack shows at most 3,000 characters in one block of text. */
    static final int MAX_ANON = 3000;

    private static final Pattern ID = Pattern.compile("#?(\\d{1,18})");

    private DialogueParser() {}

    static Command connect(Tokens t) {
        if (t.accept("on")) {
            return CommandParser.end(t, Syntax.CONNECT, new Command.ConnectSetting(true, null));
        }
        if (t.accept("off")) {
            return CommandParser.end(t, Syntax.CONNECT, new Command.ConnectSetting(false, null));
        }
        if (t.accept("after")) {
            int hours = number(t.next(), 1, 168, Syntax.CONNECT);
            if (!t.accept("hours") && !t.accept("hour") && !t.accept("h")) {
                throw new CommandException(Syntax.CONNECT, "error.connect");
            }
            return CommandParser.end(t, Syntax.CONNECT, new Command.ConnectSetting(null, hours));
        }
        throw new CommandException(Syntax.CONNECT, "error.connect");
    }

    static Command anon(Tokens t) {
        if (t.accept("delete")) {
            return CommandParser.end(t, Syntax.ANON, new Command.AnonDelete());
        }
        String text = t.next();
        if (text == null || text.isBlank() || t.hasMore()) {
            throw new CommandException(Syntax.ANON, "error.anon");
        }
        if (text.strip().length() > MAX_ANON) {
            throw new CommandException(Syntax.ANON, "error.anon.long", MAX_ANON);
        }
        return new Command.AnonAnswer(text.strip());
    }

    static Command pairs(Tokens t) {
        if (t.accept("on")) {
            return CommandParser.end(t, Syntax.PAIRS, new Command.PairsOptIn(true));
        }
        if (t.accept("off")) {
            return CommandParser.end(t, Syntax.PAIRS, new Command.PairsOptIn(false));
        }
        if (t.accept("never")) {
            return CommandParser.end(t, Syntax.PAIRS_EVERY, new Command.PairsEvery(0));
        }
        if (t.accept("every")) {
            int weeks = number(t.next(), 1, 12, Syntax.PAIRS_EVERY);
            if (!t.accept("weeks") && !t.accept("week")) {
                throw new CommandException(Syntax.PAIRS_EVERY, "error.pairs");
            }
            return CommandParser.end(t, Syntax.PAIRS_EVERY, new Command.PairsEvery(weeks));
        }
        CheckIn answer = checkIn(t);
        if (answer != null) {
            String word = t.next();
            Matcher m = ID.matcher(word == null ? "" : word);
            if (!m.matches()) {
                throw new CommandException(Syntax.PAIRS_CHECKIN, "error.pairs.id", CommandParser.str(word));
            }
            return CommandParser.end(
                    t, Syntax.PAIRS_CHECKIN, new Command.PairsCheckIn(Long.parseLong(m.group(1)), answer));
        }
        throw new CommandException(Syntax.PAIRS, "error.pairs");
    }

    /** met | not yet | notyet | skip, Dutch gesproken | nog niet | overslaan; null when none of these follows. */
    private static CheckIn checkIn(Tokens t) {
        if (t.accept("met")) {
            return CheckIn.MET;
        }
        if (t.accept("skip")) {
            return CheckIn.SKIP;
        }
        if (t.accept("notyet")) {
            return CheckIn.NOT_YET;
        }
        String first = t.keywordAt(0);
        String second = t.keywordAt(1);
        if (("not".equals(first) && "yet".equals(second)) || ("nog".equals(first) && "niet".equals(second))) {
            t.next();
            t.next();
            return CheckIn.NOT_YET;
        }
        return null;
    }

    static Command occasion(Tokens t) {
        String kind = t.next();
        if (kind == null) {
            throw new CommandException(Syntax.OCCASION, "error.occasion", "");
        }
        boolean anyway = CommandParser.acceptAnyway(t);
        LocalDate start = t.hasMore() && !anyway ? CommandParser.date(t.next(), Syntax.OCCASION) : null;
        anyway = anyway || CommandParser.acceptAnyway(t);
        return CommandParser.end(
                t,
                Syntax.OCCASION,
                // Dutch occasion words (projectstart, afronding...) are read as the English ones.
                new Command.Occasion(Keywords.english(kind.toLowerCase(java.util.Locale.ROOT)), start, anyway));
    }

    static Command series(Tokens t) {
        Theme theme = CommandParser.theme(t.next(), Syntax.SERIES);
        int moments = number(t.next(), 2, 12, Syntax.SERIES);
        String dayWord = t.next();
        Set<DayOfWeek> days;
        try {
            days = DaySpec.parse(dayWord == null ? "" : dayWord);
        } catch (IllegalArgumentException e) {
            throw new CommandException(Syntax.SERIES, "error.days", CommandParser.str(dayWord));
        }
        if (days.size() != 1) {
            throw new CommandException(Syntax.SERIES, "error.series.day", dayWord);
        }
        LocalTime time = CommandParser.time(t.next(), Syntax.SERIES);
        boolean anyway = CommandParser.acceptAnyway(t);
        return CommandParser.end(
                t,
                Syntax.SERIES,
                new Command.Series(theme, moments, days.iterator().next(), time, anyway));
    }

    private static int number(String word, int min, int max, Syntax syntax) {
        try {
            int n = Integer.parseInt(word == null ? "" : word);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw new CommandException(syntax, "error.number", CommandParser.str(word), min, max);
    }
}

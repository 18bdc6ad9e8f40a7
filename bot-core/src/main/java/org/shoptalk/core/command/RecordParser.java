package org.shoptalk.core.command;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shoptalk.core.prompt.Dimension;
import org.shoptalk.core.schedule.DateRange;

/** The record commands: {@code record [DIMENSION]}, {@code record export [FROM..TO] [DIMENSION]}, {@code record time ID MINUTES}. */
final class RecordParser {
    /** A day has 1440 minutes: more for one intervisie is a typing slip. */
    static final int MAX_MINUTES = 1440;

    private static final Pattern ID = Pattern.compile("#?(\\d{1,12})");
    private static final Pattern MINUTES = Pattern.compile("\\d{1,4}");

    private RecordParser() {}

    static Command record(Tokens t) {
        String word = t.peekKeyword();
        if (word == null) {
            return new Command.RecordShow(null);
        }
        if (t.accept("export")) {
            DateRange period = null;
            Dimension only = null;
            while (t.hasMore()) {
                String next = t.next();
                if (next.contains("..") && period == null) {
                    period = period(next);
                } else if (only == null && Dimension.parse(next).isPresent()) {
                    only = Dimension.parse(next).get();
                } else {
                    throw new CommandException(Syntax.RECORD_EXPORT, "error.extra", CommandParser.str(next));
                }
            }
            return new Command.RecordExport(period, only);
        }
        if (t.accept("time")) {
            String number = t.next();
            Matcher m = ID.matcher(number == null ? "" : number);
            if (!m.matches()) {
                throw new CommandException(Syntax.RECORD_TIME, "error.intervisie.id", CommandParser.str(number));
            }
            String minutes = t.next();
            if (minutes == null
                    || !MINUTES.matcher(minutes).matches()
                    || Integer.parseInt(minutes) < 1
                    || Integer.parseInt(minutes) > MAX_MINUTES) {
                throw new CommandException(
                        Syntax.RECORD_TIME, "error.record.minutes", CommandParser.str(minutes), MAX_MINUTES);
            }
            return CommandParser.end(
                    t,
                    Syntax.RECORD_TIME,
                    new Command.RecordTime(Long.parseLong(m.group(1)), Integer.parseInt(minutes)));
        }
        Optional<Dimension> only = Dimension.parse(t.next().toLowerCase(Locale.ROOT));
        if (only.isEmpty()) {
            throw new CommandException(Syntax.RECORD, "error.record.dimension", CommandParser.str(word));
        }
        return CommandParser.end(t, Syntax.RECORD, new Command.RecordShow(only.get()));
    }

    private static DateRange period(String spec) {
        String[] parts = spec.split("\\.\\.", -1);
        if (parts.length != 2) {
            throw new CommandException(Syntax.RECORD_EXPORT, "error.record.period", CommandParser.str(spec));
        }
        LocalDate from = CommandParser.date(parts[0], Syntax.RECORD_EXPORT);
        LocalDate to = CommandParser.date(parts[1], Syntax.RECORD_EXPORT);
        if (to.isBefore(from)) {
            throw new CommandException(Syntax.RECORD_EXPORT, "error.record.order", from, to);
        }
        return new DateRange(from, to);
    }
}

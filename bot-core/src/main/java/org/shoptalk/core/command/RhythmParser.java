package org.shoptalk.core.command;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shoptalk.core.reminder.Intensity;
import org.shoptalk.core.reminder.QuietHours;
import org.shoptalk.core.schedule.DaySpec;

/**
 * The forms of a person's rhythm (docs/rhythm.md): {@code reminders [off|light|normal]} and {@code quiet hours
 * [HH:MM-HH:MM] [DAYS|weekends] | quiet hours off|default}, Dutch {@code herinneringen uit|licht|normaal} and
 * {@code rusttijden ...}; see {@link CommandParser}.
 */
final class RhythmParser {
    private static final Pattern RANGE = Pattern.compile("([0-9:.]+)\\s*[-\u2013]\\s*([0-9:.]+)");
    private static final Set<String> RANGE_WORDS = Set.of("-", "\u2013", "to", "until");

    private RhythmParser() {}

    static Command reminders(Tokens t) {
        String keyword = t.peekKeyword();
        if (keyword == null) {
            return CommandParser.end(t, Syntax.REMINDERS, new Command.Reminders(null));
        }
        String typed = t.next();
        Intensity intensity = switch (keyword) {
            case "on", "normal" -> Intensity.NORMAL;
            case "light" -> Intensity.LIGHT;
            case "off" -> Intensity.OFF;
            default -> throw new CommandException(Syntax.REMINDERS, "error.reminders", typed);
        };
        return CommandParser.end(t, Syntax.REMINDERS, new Command.Reminders(intensity));
    }

    /** After "quiet" (Dutch "rusttijden", or "stille" of "stille uren"): "hours" is optional. */
    static Command quietHours(Tokens t) {
        t.accept("hours");
        if (!t.hasMore()) {
            return new Command.QuietHoursSetting(null);
        }
        if (t.accept("off")) {
            return CommandParser.end(t, Syntax.QUIET_HOURS, new Command.QuietHoursSetting(QuietHours.NONE));
        }
        if (t.accept("default")) {
            return CommandParser.end(t, Syntax.QUIET_HOURS, new Command.QuietHoursSetting(QuietHours.DEFAULT));
        }
        LocalTime from = null;
        LocalTime to = null;
        String first = t.peek();
        Matcher range = RANGE.matcher(first);
        if (range.matches()) {
            t.next();
            from = CommandParser.time(range.group(1), Syntax.QUIET_HOURS);
            to = CommandParser.time(range.group(2), Syntax.QUIET_HOURS);
        } else if (!first.isEmpty() && Character.isDigit(first.charAt(0))) {
            // "18:00 - 08:00" or "18:00 tot 08:00", typed with spaces
            from = CommandParser.time(t.next(), Syntax.QUIET_HOURS);
            String between = t.peekKeyword();
            if (between == null || !RANGE_WORDS.contains(between)) {
                throw new CommandException(Syntax.QUIET_HOURS, "error.quiet.range", first);
            }
            t.next();
            to = CommandParser.time(t.next(), Syntax.QUIET_HOURS);
        }
        Set<DayOfWeek> days = Set.of();
        List<String> rest = t.rest();
        if (!rest.isEmpty()) {
            String spec = String.join(" ", rest);
            try {
                days = DaySpec.parse(spec);
            } catch (IllegalArgumentException e) {
                throw new CommandException(Syntax.QUIET_HOURS, "error.days", spec);
            }
        }
        if (from != null && from.equals(to)) {
            throw new CommandException(Syntax.QUIET_HOURS, "error.quiet.same", from);
        }
        if (days.size() == DayOfWeek.values().length) {
            throw new CommandException(Syntax.QUIET_HOURS, "error.quiet.every.day");
        }
        return new Command.QuietHoursSetting(new QuietHours(from, to, days));
    }
}

package org.shoptalk.core.command;

import org.shoptalk.core.guild.Guild;

/**
 * {@code guild retention N months} ({@code guild bewaartermijn N maanden}) and {@code guild anonymity N}
 * ({@code guild anonimiteit N}): the guild's keeping settings, with their allowed ranges from {@link Guild.Keeping}.
 * Pure, stateless.
 */
final class KeepingParser {
    private KeepingParser() {}

    static Command retention(Tokens t) {
        String word = t.next();
        int months = whole(word, Syntax.GUILD_RETENTION);
        if (!t.accept("months") && !t.accept("month")) {
            throw new CommandException(Syntax.GUILD_RETENTION, "error.retention.unit");
        }
        if (months < Guild.Keeping.MIN_MONTHS || months > Guild.Keeping.MAX_MONTHS) {
            throw new CommandException(
                    Syntax.GUILD_RETENTION,
                    "error.retention.range",
                    months,
                    Guild.Keeping.MIN_MONTHS,
                    Guild.Keeping.MAX_MONTHS);
        }
        return CommandParser.end(t, Syntax.GUILD_RETENTION, new Command.GuildRetention(months));
    }

    static Command anonymity(Tokens t) {
        int answers = whole(t.next(), Syntax.GUILD_ANONYMITY);
        if (answers < Guild.Keeping.MIN_ANONYMITY) {
            throw new CommandException(
                    Syntax.GUILD_ANONYMITY, "error.anonymity.floor", answers, Guild.Keeping.MIN_ANONYMITY);
        }
        if (answers > Guild.Keeping.MAX_ANONYMITY) {
            throw new CommandException(
                    Syntax.GUILD_ANONYMITY, "error.anonymity.high", answers, Guild.Keeping.MAX_ANONYMITY);
        }
        return CommandParser.end(t, Syntax.GUILD_ANONYMITY, new Command.GuildAnonymity(answers));
    }

    /** A whole number as typed; anything else is reported with the command's form. */
    private static int whole(String word, Syntax syntax) {
        if (word != null && word.matches("[+-]?\\d{1,6}")) {
            return Integer.parseInt(word);
        }
        throw new CommandException(syntax, "error.keeping.number", CommandParser.str(word));
    }
}

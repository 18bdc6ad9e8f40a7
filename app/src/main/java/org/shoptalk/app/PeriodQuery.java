package org.shoptalk.app;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.shoptalk.core.digest.DigestExport;
import org.shoptalk.core.digest.DigestHistory;
import org.shoptalk.core.guild.Guild;

/**
 * The period an export covers, from the web query or the command line: a number of weeks back from the end,
 * or dates (inclusive, in the guild's time zone), or by default everything since the guild began. Never past
 * {@code end}: a digest link opens what came before its digest, not what came after.
 */
record PeriodQuery(Instant from, Instant to) {

    static Optional<Integer> weeks(String text, int max) {
        try {
            int weeks = Integer.parseInt(text.strip());
            return weeks >= 1 && weeks <= max ? Optional.of(weeks) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Empty when a value is malformed, weeks and dates are mixed, or the dates run backwards. */
    static Optional<PeriodQuery> parse(String weeks, String from, String to, Guild guild, Instant end, int maxWeeks) {
        if (weeks != null) {
            if (from != null || to != null) {
                return Optional.empty();
            }
            return weeks(weeks, maxWeeks)
                    .map(w -> new PeriodQuery(DigestHistory.periodStart(end, w, guild.zone()), end));
        }
        ZoneId zone = guild.zone();
        LocalDate first = guild.createdAt().atZone(zone).toLocalDate();
        Optional<LocalDate> fromDate = from == null ? Optional.of(first) : date(from);
        Optional<LocalDate> toDate = to == null ? Optional.of(end.atZone(zone).toLocalDate()) : date(to);
        if (fromDate.isEmpty() || toDate.isEmpty() || toDate.get().isBefore(fromDate.get())) {
            return Optional.empty();
        }
        Instant start = fromDate.get().atStartOfDay(zone).toInstant();
        Instant stop = toDate.get().plusDays(1).atStartOfDay(zone).toInstant();
        Instant capped = stop.isAfter(end) ? end : stop;
        return Optional.of(new PeriodQuery(start.isAfter(capped) ? capped : start, capped));
    }

    /** e.g. {@code shoptalk-craft-2026-09-01-2026-11-30.csv}: a name that is safe on every system. */
    static String fileName(DigestHistory.Period period, DigestExport format) {
        ZoneId zone = period.guild().zone();
        String slug = period.guild()
                .name()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return "shoptalk-" + (slug.isEmpty() ? "guild-" + period.guild().id() : slug) + "-"
                + period.from().atZone(zone).toLocalDate() + "-"
                + period.to().minusNanos(1).atZone(zone).toLocalDate() + "."
                + format.extension();
    }
}

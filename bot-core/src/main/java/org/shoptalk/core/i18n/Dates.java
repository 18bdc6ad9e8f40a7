package org.shoptalk.core.i18n;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Optional;

/**
 * The one date style of each language, for every text people read (chat messages, the digest page, Markdown exports,
 * the Home view, the local console): issue 11, "one date style per language". Each style is an ICU skeleton, so the
 * order, punctuation and names come from CLDR for the language rather than from a pattern written here:
 *
 * <table>
 *   <caption>The styles, for Monday 7 December 2026 at 09:30</caption>
 *   <tr><th>method</th><th>skeleton</th><th>nl</th><th>en</th></tr>
 *   <tr><td>{@link #day}</td><td>MMMEd</td><td>ma 7 dec</td><td>Mon, Dec 7</td></tr>
 *   <tr><td>{@link #date}</td><td>yMMMMd</td><td>7 december 2026</td><td>December 7, 2026</td></tr>
 *   <tr><td>{@link #dayTime}</td><td>MMMEdHm</td><td>ma 7 dec, 09:30</td><td>Mon, Dec 7, 09:30</td></tr>
 *   <tr><td>{@link #dateTime}</td><td>yMMMEdHm</td><td>ma 7 dec 2026, 09:30</td><td>Mon, Dec 7, 2026, 09:30</td></tr>
 *   <tr><td>{@link #time}</td><td>Hm</td><td>09:30</td><td>09:30</td></tr>
 *   <tr><td>{@link #month}</td><td>MMM</td><td>dec</td><td>Dec</td></tr>
 * </table>
 *
 * Times use a 24-hour clock in both languages, as the command language does ({@code schedule mon 09:30}). Machine
 * formats (CSV and JSON exports, stored values) keep ISO-8601 and do not use this class. A zoned value is shown in
 * its own zone: callers convert to the guild's zone first. Stateless and thread-safe (a formatter per call: ICU's
 * formatters are not thread-safe, and ICU caches the patterns behind them).
 */
public final class Dates {
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private Dates() {}

    /** A day in the near future or past, with its weekday and no year: "ma 7 dec", "Mon, Dec 7". */
    public static String day(Language language, LocalDate day) {
        return format(language, "MMMEd", day);
    }

    /** A day with its year: "7 december 2026", "December 7, 2026". */
    public static String date(Language language, LocalDate day) {
        return format(language, "yMMMMd", day);
    }

    /** A moment in the coming or past weeks: "ma 7 dec, 09:30", "Mon, Dec 7, 09:30". */
    public static String dayTime(Language language, ZonedDateTime at) {
        return format(language, "MMMEdHm", at);
    }

    /** A moment with its year: "ma 7 dec 2026, 09:30", "Mon, Dec 7, 2026, 09:30". */
    public static String dateTime(Language language, ZonedDateTime at) {
        return format(language, "yMMMEdHm", at);
    }

    /** A time of day on a 24-hour clock: "09:30". */
    public static String time(Language language, LocalTime time) {
        return format(language, "Hm", time.atDate(LocalDate.EPOCH).atZone(ZoneOffset.UTC));
    }

    /** A month's short name: "dec", "Dec" (a chart's week labels). */
    public static String month(Language language, LocalDate day) {
        return format(language, "MMM", day);
    }

    /**
     * A value of a java.time type in the language's style: a {@link LocalDate} as {@link #date}, a {@link LocalTime}
     * as {@link #time}, a {@link ZonedDateTime}, {@link OffsetDateTime} or {@link LocalDateTime} as
     * {@link #dateTime}; empty for anything else (an {@code Instant} has no zone to be read in). {@link Texts} uses
     * this so a date given to a text never reads as ISO.
     */
    public static Optional<String> of(Language language, Object value) {
        if (value instanceof LocalDate d) {
            return Optional.of(date(language, d));
        }
        if (value instanceof LocalTime t) {
            return Optional.of(time(language, t));
        }
        if (value instanceof ZonedDateTime z) {
            return Optional.of(dateTime(language, z));
        }
        if (value instanceof OffsetDateTime o) {
            return Optional.of(dateTime(language, o.toZonedDateTime()));
        }
        if (value instanceof LocalDateTime l) {
            return Optional.of(dateTime(language, l.atZone(ZoneOffset.UTC)));
        }
        return Optional.empty();
    }

    private static String format(Language language, String skeleton, LocalDate day) {
        return format(language, skeleton, day.atStartOfDay(ZoneOffset.UTC));
    }

    private static String format(Language language, String skeleton, ZonedDateTime at) {
        DateFormat format = DateFormat.getInstanceForSkeleton(skeleton, ULocale.forLocale(language.locale()));
        // The wall-clock time in the value's own zone, formatted as if in UTC: no zone name is ever shown, and this
        // reads any zone (offsets included) the same way java.time does.
        format.setTimeZone(UTC);
        return format.format(Date.from(at.toLocalDateTime().toInstant(ZoneOffset.UTC)));
    }
}

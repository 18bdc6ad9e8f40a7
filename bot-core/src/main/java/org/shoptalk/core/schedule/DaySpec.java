package org.shoptalk.core.schedule;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.shoptalk.core.i18n.Language;

/**
 * Days of the week as people type them in a command, in English or Dutch: {@code mon,wed,fri},
 * {@code mon-fri}, {@code ma t/m vr}, {@code werkdagen}, {@code every day}. Stateless, so thread-safe.
 */
public final class DaySpec {

    private static final String HINT = "use mon,tue,... or mon-fri";
    private static final Set<DayOfWeek> WEEKDAYS = Collections.unmodifiableSet(EnumSet.range(MONDAY, FRIDAY));
    private static final Set<DayOfWeek> ALL = Collections.unmodifiableSet(EnumSet.allOf(DayOfWeek.class));
    private static final Set<String> RANGE_WORDS = Set.of("-", "\u2013", "..", "to", "through", "thru", "t/m");
    private static final Set<String> AND_WORDS = Set.of("and", "en", "&");
    // Symbols get spaces around them so "mon-fri" and "mon - fri" split the same way.
    private static final Pattern RANGE_SYMBOL = Pattern.compile("(-|\u2013|\\.\\.)");
    private static final Pattern EVERY_DAY =
            Pattern.compile("\\b(?:every|each|elke|iedere)\\s+(?:day|dag)\\b", Pattern.CASE_INSENSITIVE);
    private static final Map<String, DayOfWeek> DAYS = dayNames();
    private static final Map<String, Set<DayOfWeek>> GROUPS = Map.of(
            "weekdays",
            WEEKDAYS,
            "workdays",
            WEEKDAYS,
            "werkdagen",
            WEEKDAYS,
            "weekdagen",
            WEEKDAYS,
            "daily",
            ALL,
            "everyday",
            ALL,
            "dagelijks",
            ALL,
            "weekend",
            Collections.unmodifiableSet(EnumSet.of(SATURDAY, SUNDAY)),
            "weekends",
            Collections.unmodifiableSet(EnumSet.of(SATURDAY, SUNDAY)));

    private DaySpec() {}

    /**
     * The days a spec names, ordered Monday first. Ranges wrap across the weekend, so {@code fri-mon}
     * is Friday to Monday.
     *
     * @throws IllegalArgumentException naming the word that is not a day and showing the right form
     */
    public static Set<DayOfWeek> parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("no days given: " + HINT);
        }
        String text = EVERY_DAY.matcher(spec.strip()).replaceAll("everyday");
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        // Commas end a part, so "mon,-fri" is a broken range rather than quietly "mon-fri".
        for (String part : text.split("[,;]", -1)) {
            parsePart(part, days);
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("no days given: " + HINT);
        }
        return Collections.unmodifiableSet(days);
    }

    /**
     * Whether {@link #format}'s label already says the days come back each week ("every day", "weekdays"), so a
     * description should not add "every week" to it.
     */
    public static boolean labelRecursWeekly(Set<DayOfWeek> days) {
        return days.equals(ALL) || days.equals(WEEKDAYS);
    }

    /** A short label for these days: "Mon, Wed" / "ma, wo", or "weekdays" / "every day" in words. */
    public static String format(Set<DayOfWeek> days, Language lang) {
        Objects.requireNonNull(days, "days");
        Objects.requireNonNull(lang, "lang");
        if (days.isEmpty()) {
            throw new IllegalArgumentException("at least one day is needed");
        }
        if (days.equals(ALL)) {
            return switch (lang) {
                case EN -> "every day";
                case NL -> "elke dag";
            };
        }
        if (days.equals(WEEKDAYS)) {
            return switch (lang) {
                case EN -> "weekdays";
                case NL -> "werkdagen";
            };
        }
        return EnumSet.copyOf(days).stream().map(day -> shortName(day, lang)).collect(Collectors.joining(", "));
    }

    private static void parsePart(String part, Set<DayOfWeek> into) {
        List<String> words = Arrays.stream(
                        RANGE_SYMBOL.matcher(part).replaceAll(" $1 ").strip().split("\\s+"))
                .filter(w -> !w.isEmpty() && !AND_WORDS.contains(lower(w)))
                .toList();
        int i = 0;
        while (i < words.size()) {
            String word = words.get(i);
            if (isRangeWord(word)) {
                throw notARange(part);
            }
            if (i + 1 < words.size() && isRangeWord(words.get(i + 1))) {
                if (i + 2 >= words.size() || isRangeWord(words.get(i + 2))) {
                    throw notARange(part);
                }
                into.addAll(range(day(word), day(words.get(i + 2))));
                i += 3;
            } else {
                into.addAll(dayOrGroup(word));
                i += 1;
            }
        }
    }

    private static Set<DayOfWeek> range(DayOfWeek from, DayOfWeek to) {
        EnumSet<DayOfWeek> days = EnumSet.of(from);
        for (DayOfWeek d = from; d != to; ) {
            d = d.plus(1);
            days.add(d);
        }
        return days;
    }

    private static Set<DayOfWeek> dayOrGroup(String word) {
        DayOfWeek day = DAYS.get(lower(word));
        if (day != null) {
            return EnumSet.of(day);
        }
        Set<DayOfWeek> group = GROUPS.get(lower(word));
        if (group != null) {
            return group;
        }
        throw notADay(word);
    }

    private static DayOfWeek day(String word) {
        DayOfWeek day = DAYS.get(lower(word));
        if (day == null) {
            throw notADay(word);
        }
        return day;
    }

    private static boolean isRangeWord(String word) {
        return RANGE_WORDS.contains(lower(word));
    }

    private static IllegalArgumentException notADay(String word) {
        return new IllegalArgumentException("'" + word + "' is not a day: " + HINT);
    }

    private static IllegalArgumentException notARange(String part) {
        return new IllegalArgumentException("'" + part.strip() + "' is not a day range: use mon-fri");
    }

    private static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }

    private static String shortName(DayOfWeek day, Language lang) {
        return switch (lang) {
            case EN ->
                switch (day) {
                    case MONDAY -> "Mon";
                    case TUESDAY -> "Tue";
                    case WEDNESDAY -> "Wed";
                    case THURSDAY -> "Thu";
                    case FRIDAY -> "Fri";
                    case SATURDAY -> "Sat";
                    case SUNDAY -> "Sun";
                };
            case NL ->
                switch (day) {
                    case MONDAY -> "ma";
                    case TUESDAY -> "di";
                    case WEDNESDAY -> "wo";
                    case THURSDAY -> "do";
                    case FRIDAY -> "vr";
                    case SATURDAY -> "za";
                    case SUNDAY -> "zo";
                };
        };
    }

    private static Map<String, DayOfWeek> dayNames() {
        Map<String, DayOfWeek> names = new HashMap<>();
        alias(names, MONDAY, "mon", "monday", "mondays", "ma", "maandag");
        alias(names, TUESDAY, "tue", "tues", "tuesday", "tuesdays", "di", "dinsdag");
        alias(names, WEDNESDAY, "wed", "weds", "wednesday", "wednesdays", "wo", "woensdag");
        alias(names, THURSDAY, "thu", "thur", "thurs", "thursday", "thursdays", "do", "donderdag");
        alias(names, FRIDAY, "fri", "friday", "fridays", "vr", "vrij", "vrijdag");
        alias(names, SATURDAY, "sat", "saturday", "saturdays", "za", "zaterdag");
        alias(names, SUNDAY, "sun", "sunday", "sundays", "zo", "zondag");
        return Map.copyOf(names);
    }

    private static void alias(Map<String, DayOfWeek> names, DayOfWeek day, String... words) {
        for (String word : words) {
            names.put(word, day);
        }
    }
}

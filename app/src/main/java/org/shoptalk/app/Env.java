package org.shoptalk.app;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed values from environment variables. A blank variable counts as unset; a bad one becomes a
 * {@link ConfigException} naming the variable, the expected form and what was found.
 */
final class Env {
    private static final Pattern SHORT_DURATION = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private final Map<String, String> variables;

    Env(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    Optional<String> get(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    boolean isSet(String name) {
        return get(name).isPresent();
    }

    int port(String name, int fallback) {
        return integer(name, fallback, 1, 65_535, "a port number 1-65535");
    }

    int integer(String name, int fallback, int min, int max, String expected) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.get());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the expected form
        }
        throw invalid(name, expected, value.get());
    }

    boolean bool(String name, boolean fallback) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return fallback;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(name, "true or false", value.get());
        };
    }

    /** ISO-8601 ("PT6H", "P1D") or short ("6h", "90m", "1h30m", "2d", "0"). */
    Duration duration(String name, Duration fallback) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return fallback;
        }
        String text = value.get().toLowerCase(Locale.ROOT);
        Duration parsed = text.startsWith("p") || text.startsWith("-p") ? iso(text) : shortForm(text);
        if (parsed == null || parsed.isNegative()) {
            throw invalid(name, "a duration such as 6h, 90m, 1h30m or PT6H", value.get());
        }
        return parsed;
    }

    static ConfigException invalid(String name, String expected, String got) {
        // One line, whatever was in the variable.
        String flat = got.replace("\n", "\\n").replace("\r", "\\r").replaceAll("\\p{Cntrl}", "?");
        String shown = flat.length() > 60 ? flat.substring(0, 60) + "..." : flat;
        return new ConfigException(name + " must be " + expected + ", got \"" + shown + "\"");
    }

    private static Duration iso(String text) {
        try {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Duration shortForm(String text) {
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = SHORT_DURATION.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            return null;
        }
        try {
            return Duration.ofDays(part(m, 1))
                    .plusHours(part(m, 2))
                    .plusMinutes(part(m, 3))
                    .plusSeconds(part(m, 4));
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static long part(Matcher m, int group) {
        String digits = m.group(group);
        return digits == null ? 0 : Long.parseLong(digits);
    }
}

package org.shoptalk.core.command;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.shoptalk.core.chat.Form;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.i18n.Texts;
import org.shoptalk.core.prompt.Theme;

/**
 * The form for planning a recurring moment, and its one validation: each field is checked by the same rules as the
 * typed {@code schedule} command ({@link CommandParser}), so a form accepts exactly what the command language accepts
 * (issue 12, "one validation, every form"). Field keys: {@value #CHANNEL}, {@value #DAYS}, {@value #TIME},
 * {@value #EVERY}, {@value #ZONE}, {@value #THEME}. Stateless and thread-safe.
 */
public final class ScheduleForm {
    public static final String CHANNEL = "channel";
    public static final String DAYS = "days";
    public static final String TIME = "time";
    public static final String EVERY = "every";
    public static final String ZONE = "tz";
    public static final String THEME = "theme";
    private static final List<String> DAY_KEYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private ScheduleForm() {}

    /** A submission checked: the command to run, or the errors per field (then {@code command} is null). */
    public record Checked(String command, Map<String, String> errors) {
        public Checked {
            errors = Map.copyOf(errors);
        }

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** The form in {@code language}; {@code withChannel} when the platform lets people pick the channel in it. */
    public static Form form(Language language, boolean withChannel) {
        Texts t = Texts.get();
        List<Form.Field> fields = new ArrayList<>();
        if (withChannel) {
            fields.add(field(CHANNEL, Form.Kind.CHANNEL, t.t(language, "form.channel"), null, true, null, List.of()));
        }
        List<Form.Choice> days = new ArrayList<>();
        for (int i = 0; i < DAY_KEYS.size(); i++) {
            String name = DayOfWeek.of(i + 1).getDisplayName(TextStyle.FULL, language.locale());
            days.add(new Form.Choice(DAY_KEYS.get(i), capitalised(name, language.locale())));
        }
        fields.add(field(DAYS, Form.Kind.DAYS, t.t(language, "form.days"), null, true, null, days));
        fields.add(field(TIME, Form.Kind.TIME, t.t(language, "form.time"), null, true, "09:30", List.of()));
        fields.add(new Form.Field(
                EVERY, Form.Kind.NUMBER, t.t(language, "form.every"), "1", false, "1", List.of(), 1, 52));
        fields.add(field(
                ZONE,
                Form.Kind.TEXT,
                t.t(language, "form.zone"),
                t.t(language, "form.zone.hint"),
                false,
                null,
                List.of()));
        List<Form.Choice> themes = Arrays.stream(Theme.values())
                .map(th -> new Form.Choice(th.word(language), th.label(language)))
                .toList();
        fields.add(field(
                THEME,
                Form.Kind.CHOICE,
                t.t(language, "form.theme"),
                t.t(language, "form.theme.hint"),
                false,
                null,
                themes));
        return new Form(
                Form.SCHEDULE,
                t.t(language, "form.title"),
                t.t(language, "form.intro"),
                t.t(language, "form.submit"),
                t.t(language, "form.cancel"),
                fields,
                Map.of(),
                Map.of());
    }

    /**
     * Checks a submission field by field. {@code values} maps field keys to what was entered (blank or absent:
     * nothing; days as {@code mon,thu}); errors are short texts in {@code language}, keyed by field.
     */
    public static Checked check(Map<String, String> values, Language language, boolean withChannel) {
        Texts t = Texts.get();
        Map<String, String> errors = new LinkedHashMap<>();
        if (withChannel && blank(values.get(CHANNEL))) {
            errors.put(CHANNEL, t.t(language, "form.error.channel"));
        }
        StringBuilder command = new StringBuilder("schedule");
        String days = clean(values.get(DAYS)).replaceAll("\\s+", "");
        if (days.isEmpty()) {
            errors.put(DAYS, t.t(language, "form.error.days"));
        } else {
            check(errors, DAYS, language, () -> org.shoptalk.core.schedule.DaySpec.parse(days), "error.days", days);
            command.append(' ').append(days);
        }
        String time = clean(values.get(TIME));
        if (time.isEmpty()) {
            errors.put(TIME, t.t(language, "form.error.time"));
        } else {
            check(errors, TIME, language, () -> CommandParser.time(time, Syntax.SCHEDULE), null, null);
            command.append(' ').append(time);
        }
        String every = clean(values.get(EVERY));
        if (!every.isEmpty() && !every.equals("1")) {
            String phrase = "every " + every + " weeks";
            check(errors, EVERY, language, () -> new CommandParser().parse("schedule mon 09:00 " + phrase), null, null);
            command.append(' ').append(phrase);
        }
        String zone = clean(values.get(ZONE));
        if (!zone.isEmpty()) {
            check(errors, ZONE, language, () -> CommandParser.zone(zone, Syntax.SCHEDULE), null, null);
            command.append(" tz ").append(zone);
        }
        String theme = clean(values.get(THEME));
        if (!theme.isEmpty()) {
            check(errors, THEME, language, () -> CommandParser.theme(theme, Syntax.SCHEDULE), null, null);
            command.append(" theme ").append(theme);
        }
        return errors.isEmpty() ? new Checked(command.toString(), Map.of()) : new Checked(null, errors);
    }

    private static void check(
            Map<String, String> errors, String field, Language language, Runnable rule, String key, String arg) {
        try {
            rule.run();
        } catch (CommandException e) {
            errors.put(field, Texts.get().t(language, e.key(), e.args(language)));
        } catch (IllegalArgumentException e) {
            errors.put(field, Texts.get().t(language, key, arg));
        }
    }

    private static Form.Field field(
            String key,
            Form.Kind kind,
            String label,
            String hint,
            boolean required,
            String initial,
            List<Form.Choice> c) {
        return new Form.Field(key, kind, label, hint, required, initial, c, 0, 0);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** One token per field: whitespace inside a value would change how the command reads. */
    private static String clean(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", "_");
    }

    private static String capitalised(String s, Locale locale) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(locale) + s.substring(1);
    }
}

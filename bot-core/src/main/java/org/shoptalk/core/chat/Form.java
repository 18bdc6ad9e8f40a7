package org.shoptalk.core.chat;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A platform-neutral form core asks a person to fill in (issue 14: core decides that a form is wanted, the adapter
 * renders it: a Slack modal, a Teams Adaptive Card). Every text is already in the guild's language. {@code values}
 * holds what the person entered when the form comes back with {@code errors}, both keyed by {@link Field#key()}.
 */
public record Form(
        String id,
        String title,
        String intro,
        String submit,
        String cancel,
        List<Field> fields,
        Map<String, String> values,
        Map<String, String> errors) {

    /** The form for planning a recurring reflection moment; its submission is checked by core. */
    public static final String SCHEDULE = "schedule";

    public Form {
        Objects.requireNonNull(id);
        fields = List.copyOf(fields);
        values = Map.copyOf(values);
        errors = Map.copyOf(errors);
    }

    /**
     * The same form under another id: core's form for one guild of a Home ({@code in:7 schedule}), so its submission
     * is checked and run for that guild, in its language (issue 12). Adapters hand the id back unchanged.
     */
    public Form withId(String newId) {
        return new Form(newId, title, intro, submit, cancel, fields, values, errors);
    }

    /** The same form, shown again with what was entered and an error next to each field that was wrong. */
    public Form withErrors(Map<String, String> entered, Map<String, String> fieldErrors) {
        return new Form(id, title, intro, submit, cancel, fields, entered, fieldErrors);
    }

    /**
     * One input. {@code initial} is the value shown at first (or null); {@code choices} lists the options of
     * {@link Kind#DAYS} and {@link Kind#CHOICE}; {@code min}/{@code max} bound a {@link Kind#NUMBER}.
     */
    public record Field(
            String key,
            Kind kind,
            String label,
            String hint,
            boolean required,
            String initial,
            List<Choice> choices,
            int min,
            int max) {
        public Field {
            Objects.requireNonNull(key);
            Objects.requireNonNull(kind);
            Objects.requireNonNull(label);
            choices = List.copyOf(choices);
        }
    }

    /** What a field asks for; adapters pick their own widget for each. */
    public enum Kind {
        /** A channel of the workspace (where a platform cannot pick one, the form's own channel is meant). */
        CHANNEL,
        /** Several days of the week. */
        DAYS,
        /** A time of day, HH:MM. */
        TIME,
        /** Free text on one line. */
        TEXT,
        /** A whole number between min and max. */
        NUMBER,
        /** One of the choices, or none. */
        CHOICE
    }

    /** An option: the value submitted, and the label people read. */
    public record Choice(String value, String label) {}
}

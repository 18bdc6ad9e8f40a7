package org.shoptalk.core.reminder;

import java.util.Locale;

/**
 * How many reminders a person wants (issue 15, section 3; docs/rhythm.md). The names follow Slack's and Teams'
 * notification settings, which speak of notifications being off or on; "light" is ours. Stored by name.
 */
public enum Intensity {
    /** No reminders at all. */
    OFF,
    /** At most one reminder a week (Monday to Sunday in the person's own time zone), whatever the number of moments. */
    LIGHT,
    /** At most one reminder per open moment: the default. */
    NORMAL;

    /** The catalog key naming this intensity: {@code rhythm.intensity.light}. */
    public String labelKey() {
        return "rhythm.intensity." + name().toLowerCase(Locale.ROOT);
    }

    /** The word a command uses for it: {@code light}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}

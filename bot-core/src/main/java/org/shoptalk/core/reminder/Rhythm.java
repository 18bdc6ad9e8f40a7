package org.shoptalk.core.reminder;

import java.util.Objects;

/**
 * One person's reminder settings, the same in every guild of their workspace (docs/rhythm.md): how many reminders
 * and when to keep quiet. A person who never chose has {@link #DEFAULT}.
 */
public record Rhythm(Intensity intensity, QuietHours quiet) {
    public static final Rhythm DEFAULT = new Rhythm(Intensity.NORMAL, QuietHours.DEFAULT);

    public Rhythm {
        Objects.requireNonNull(intensity);
        Objects.requireNonNull(quiet);
    }
}

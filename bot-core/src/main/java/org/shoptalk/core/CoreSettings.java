package org.shoptalk.core;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of core, read from the environment by the app.
 *
 * @param missedMomentGrace how late a moment missed while the bot was down may still be posted
 * @param roundOpen how long a round collects answers before it closes
 * @param reminderBeforeClose when, before a round closes, the one gentle reminder goes out
 * @param clustered whether Quartz coordinates with other instances through the database
 * @param instanceId this instance's name in the cluster ("AUTO" lets Quartz choose)
 * @param secret the installation's secret (SHOPTALK_SECRET), or null: anonymous answers' pseudonyms are keyed with a
 *               key derived from it, or without it with a key generated and kept in the database
 */
public record CoreSettings(
        Duration missedMomentGrace,
        Duration roundOpen,
        Duration reminderBeforeClose,
        boolean clustered,
        String instanceId,
        String secret) {

    public CoreSettings(
            Duration missedMomentGrace,
            Duration roundOpen,
            Duration reminderBeforeClose,
            boolean clustered,
            String instanceId) {
        this(missedMomentGrace, roundOpen, reminderBeforeClose, clustered, instanceId, null);
    }

    public CoreSettings withSecret(String newSecret) {
        return new CoreSettings(missedMomentGrace, roundOpen, reminderBeforeClose, clustered, instanceId, newSecret);
    }

    @Override
    public String toString() {
        return "CoreSettings[grace=" + missedMomentGrace + ", roundOpen=" + roundOpen + ", reminderBeforeClose="
                + reminderBeforeClose + ", clustered=" + clustered + ", instanceId=" + instanceId + "]";
    }

    public CoreSettings {
        secret = secret == null || secret.isBlank() ? null : secret;
        Objects.requireNonNull(missedMomentGrace);
        Objects.requireNonNull(roundOpen);
        Objects.requireNonNull(reminderBeforeClose);
        if (missedMomentGrace.isNegative()) {
            throw new IllegalArgumentException("missed-moment grace must not be negative");
        }
        if (!reminderBeforeClose.isNegative() && reminderBeforeClose.compareTo(roundOpen) >= 0) {
            throw new IllegalArgumentException("the reminder must come before the round closes");
        }
        instanceId = instanceId == null || instanceId.isBlank() ? "AUTO" : instanceId;
    }

    public static CoreSettings defaults() {
        return new CoreSettings(Duration.ofHours(6), Duration.ofHours(72), Duration.ofHours(24), false, "AUTO");
    }
}

package org.shoptalk.core.db.halting;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A migration that kills its JVM outright, as a power cut would: no shutdown hook, no H2 close. Numbered between
 * core's V85 and V87, so a first start dies with core's schema half made. Only {@code FirstStartChild} puts this
 * location on Flyway's path.
 */
public class V86__halt_the_process extends BaseJavaMigration {
    /** The exit code the test waits for, so that a JVM that died of anything else fails it. */
    public static final int EXIT_CODE = 86;

    @Override
    public void migrate(Context context) {
        Runtime.getRuntime().halt(EXIT_CODE);
    }
}

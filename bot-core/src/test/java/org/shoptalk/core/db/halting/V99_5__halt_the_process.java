package org.shoptalk.core.db.halting;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A migration that kills its JVM outright, as a power cut would: no shutdown hook, no H2 close. Numbered 99.5, after
 * core's baseline ({@code B99__core_schema}) and before the adapters' migrations, so a first start dies with the schema
 * half made (a migration below the baseline would not run on a new database). Only {@code FirstStartChild} puts this
 * location on Flyway's path.
 */
public class V99_5__halt_the_process extends BaseJavaMigration {
    /** The exit code the test waits for, so that a JVM that died of anything else fails it. */
    public static final int EXIT_CODE = 86;

    @Override
    public void migrate(Context context) {
        Runtime.getRuntime().halt(EXIT_CODE);
    }
}

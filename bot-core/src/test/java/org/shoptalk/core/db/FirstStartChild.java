package org.shoptalk.core.db;

import org.shoptalk.core.db.halting.V99_5__halt_the_process;

/**
 * A JVM of its own for {@link NewSchemaWritesTest}, on an H2 file that is new: {@code halt-while-migrating} dies in
 * the middle of its migrations; {@code commit-then-halt} starts, commits one row and dies at once. Both exit with
 * {@link V99_5__halt_the_process#EXIT_CODE} and leave the file as a killed process does.
 */
final class FirstStartChild {
    static final String HALT_WHILE_MIGRATING = "halt-while-migrating";
    static final String COMMIT_THEN_HALT = "commit-then-halt";

    private FirstStartChild() {}

    public static void main(String[] args) {
        DbSettings settings = new DbSettings(args[0], "sa", "", 4);
        if (args[1].equals(HALT_WHILE_MIGRATING)) {
            Database.start(settings, "classpath:org/shoptalk/core/db/halting");
            throw new IllegalStateException("the halting migration did not run");
        }
        Database db = Database.start(settings);
        db.useTransaction(h -> {
            h.update("CREATE TABLE after_start (x INT)");
            h.update("INSERT INTO after_start (x) VALUES (?)", 1);
        });
        Runtime.getRuntime().halt(V99_5__halt_the_process.EXIT_CODE);
    }
}

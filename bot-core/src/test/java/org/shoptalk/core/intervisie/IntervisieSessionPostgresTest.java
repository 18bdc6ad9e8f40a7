package org.shoptalk.core.intervisie;

import org.shoptalk.core.db.DbSettings;
import org.shoptalk.core.testing.TestDatabases;

/** The same sessions on a real PostgreSQL: row locks, savepoints and the V87 schema there. */
class IntervisieSessionPostgresTest extends IntervisieSessionTest {
    @Override
    DbSettings database() {
        return TestDatabases.postgres();
    }
}

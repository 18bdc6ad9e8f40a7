package org.shoptalk.core.record;

import org.shoptalk.core.db.DbSettings;
import org.shoptalk.core.testing.TestDatabases;

/** The personal record on PostgreSQL. */
class PersonalRecordPostgresTest extends PersonalRecordTest {
    @Override
    DbSettings database() {
        return TestDatabases.postgres();
    }
}

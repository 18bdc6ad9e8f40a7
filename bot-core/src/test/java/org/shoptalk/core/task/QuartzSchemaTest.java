package org.shoptalk.core.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.testing.TestDatabases;

/** The job store finds due triggers through an index on both databases, as Quartz's PostgreSQL script intends. */
class QuartzSchemaTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void the_job_store_has_quartz_s_trigger_indexes(TestDatabases.Kind kind) throws Exception {
        try (Database db = Database.start(TestDatabases.fresh(kind))) {
            Set<String> indexes = new TreeSet<>();
            try (Connection c = db.dataSource().getConnection()) {
                for (String table : new String[] {"QRTZ_TRIGGERS", "qrtz_triggers"}) {
                    try (ResultSet rs = c.getMetaData().getIndexInfo(null, null, table, false, false)) {
                        while (rs.next()) {
                            if (rs.getString("INDEX_NAME") != null) {
                                indexes.add(rs.getString("INDEX_NAME").toUpperCase(Locale.ROOT));
                            }
                        }
                    }
                }
            }
            assertThat(indexes).contains("IDX_QRTZ_T_NEXT_FIRE_TIME", "IDX_QRTZ_T_NFT_ST", "IDX_QRTZ_T_J");
        }
    }
}

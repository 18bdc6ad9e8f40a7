package org.shoptalk.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.DbSettings;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.TestDatabases;
import org.shoptalk.core.testing.VersionedMigrations;

/** Moment numbers are the guild's own: 1, 2, 3 ... per guild, whatever other guilds planned (issue 12). */
class GuildMomentNumbersTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_guilds_first_moment_is_number_one_and_commands_take_the_guilds_number(TestDatabases.Kind kind) {
        try (CoreFixture f = CoreFixture.on(TestDatabases.fresh(kind), CoreFixture.MONDAY_MORNING)) {
            f.run("lea", "craft", "guild create Craft lang en");
            f.run("lea", "craft", "schedule mon 09:30");
            f.run("lea", "craft", "schedule tue 09:30");
            f.run("bram", "zorg", "guild create Zorg lang nl");

            assertThat(f.run("bram", "zorg", "schedule wo 10:00")).contains("#1");
            assertThat(f.run("bram", "zorg", "series goals 4 thu 11:00")).contains("#2");
            assertThat(f.run("bram", "zorg", "pause 1")).contains("#1");

            assertThat(f.run("bram", "zorg", "schedules")).contains("#1 wo").contains("#2 do");
            assertThat(f.run("lea", "craft", "schedules"))
                    .as("pausing the other guild's #1 left this guild's #1 running")
                    .doesNotContain("paused")
                    .contains("#1 Mon")
                    .contains("#2 Tue");
            assertThat(f.run("lea", "craft", "unschedule 3")).contains("no moment #3");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void moments_added_at_once_in_one_guild_each_get_their_own_number(TestDatabases.Kind kind) throws Exception {
        DbSettings fresh = TestDatabases.fresh(kind);
        // Each add holds its transaction while it plans in Quartz on a second connection: room for all six at once.
        DbSettings roomy = new DbSettings(fresh.url(), fresh.user(), fresh.password(), 16);
        try (CoreFixture f = CoreFixture.on(roomy, CoreFixture.MONDAY_MORNING)) {
            f.run("lea", "craft", "guild create Craft lang en");
            int n = 6;
            ExecutorService pool = Executors.newFixedThreadPool(n);
            try {
                List<Future<String>> replies = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    String command = "schedule fri 1" + i + ":15";
                    replies.add(pool.submit(() -> f.run("lea", "craft", command)));
                }
                for (Future<String> reply : replies) {
                    assertThat(reply.get()).contains("planned");
                }
            } finally {
                pool.shutdown();
            }
            assertThat(f.count("SELECT COUNT(DISTINCT guild_number) FROM schedule"))
                    .isEqualTo(n);
            assertThat(f.count("SELECT MAX(guild_number) FROM schedule")).isEqualTo(n);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void moments_made_before_the_upgrade_are_numbered_per_guild_in_the_order_they_were_made(TestDatabases.Kind kind)
            throws SQLException {
        DbSettings settings = TestDatabases.fresh(kind);
        VersionedMigrations.configure(settings).target("76").load().migrate();
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
                Statement st = c.createStatement()) {
            for (String guild : List.of("Craft", "Zorg")) {
                st.execute("INSERT INTO guild (tenant, name, name_key, language, time_zone, digest_day, digest_time,"
                        + " created_by, created_at) VALUES ('local', '" + guild + "', '"
                        + guild.toLowerCase(java.util.Locale.ROOT)
                        + "', 'en', 'Europe/Amsterdam', 'FRIDAY', '16:00', 'lea', CURRENT_TIMESTAMP)");
            }
            // Interleaved, as global ids were handed out: Craft 1, Zorg 2, Craft 3, Zorg 4, Zorg 5.
            for (String guild : List.of("Craft", "Zorg", "Craft", "Zorg", "Zorg")) {
                st.execute("INSERT INTO schedule (guild_id, kind, at_local, paused, done, created_by, created_at)"
                        + " SELECT id, 'ONCE', '2027-01-04T09:30', FALSE, FALSE, 'lea', CURRENT_TIMESTAMP"
                        + " FROM guild WHERE name = '" + guild + "'");
            }
        }
        try (Database db = Database.start(settings)) {
            List<String> numbers = db.withHandle(h -> h.query(
                    "SELECT g.name, s.guild_number FROM schedule s JOIN guild g ON g.id = s.guild_id ORDER BY s.id",
                    rs -> rs.getString(1) + " #" + rs.getInt(2)));
            assertThat(numbers).containsExactly("Craft #1", "Zorg #1", "Craft #2", "Zorg #2", "Zorg #3");
        }
    }
}

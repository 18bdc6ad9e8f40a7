package org.shoptalk.core.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.shoptalk.core.CoreSettings;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.task.Task;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.TestDatabases;

/**
 * A guild's retention (issue 15, section 4), run as the daily housekeeping runs it, on H2 and on PostgreSQL: the
 * guild is told a week before anything goes, then everything older than its period goes, and only that.
 */
class RetentionTest {
    private static final Duration DAY = Duration.ofDays(1);

    /** Lea leads Craft (12 months); Bob answers a moment by name, Ann anonymously, and Bob starts a goal talk. */
    private static void aYearOldMoment(CoreFixture f) {
        f.run("lea", "craft", "guild create Craft lang en");
        f.run("ann", "craft", "guild join");
        f.run("bob", "craft", "guild join");
        assertThat(f.run("lea", "craft", "guild retention 12 months")).contains("12 months");
        f.run("lea", "craft", "moment");
        String thread = f.latestRoundThread("craft");
        f.reply("craft", thread, "bob", "Mine: the first hour with a new client.");
        assertThat(f.run("ann", null, "anon \"The hour after a mistake.\"")).contains("a colleague");
        f.run("bob", null, "goal");
        long guild = guild(f).id();
        // A finished intervisie and a pair formed the same week: what their own flows leave behind.
        f.db.useTransaction(h -> {
            h.update(
                    "INSERT INTO intervisie (guild_id, tenant, channel_id, thread_id, method, language, bringer, state,"
                            + " phase, announced_phase, started_at, finished_at, participants)"
                            + " VALUES (?, ?, 'craft', 'old-thread', 'incident', 'en', 'bob', 'FINISHED', 5, 5, ?, ?, 4)",
                    guild,
                    CoreFixture.TENANT.key(),
                    f.clock.instant(),
                    f.clock.instant().plus(DAY));
            h.update(
                    "INSERT INTO pairing (guild_id, members, prompt_id, formed_at) VALUES (?, 'ann,bob', 'p1', ?)",
                    guild,
                    f.clock.instant());
        });
    }

    private static Guild guild(CoreFixture f) {
        return f.db.withHandle(h -> new GuildStore().findByName(h, CoreFixture.TENANT, "Craft"))
                .orElseThrow();
    }

    private static void housekeeping(CoreFixture f) {
        f.core().runTask(Task.Housekeeping.DAILY, f.clock.instant());
    }

    private static long kept(CoreFixture f) {
        return f.count("SELECT COUNT(*) FROM answer")
                + f.count("SELECT COUNT(*) FROM round")
                + f.count("SELECT COUNT(*) FROM conversation")
                + f.count("SELECT COUNT(*) FROM intervisie")
                + f.count("SELECT COUNT(*) FROM pairing");
    }

    private static CoreFixture fixture(TestDatabases.Kind kind) {
        return CoreFixture.on(
                TestDatabases.fresh(kind),
                CoreFixture.MONDAY_MORNING,
                CoreSettings.defaults().withSecret(CoreFixture.SECRET));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void the_guild_is_told_a_week_ahead_then_everything_older_than_its_period_is_removed(TestDatabases.Kind kind) {
        try (CoreFixture f = fixture(kind)) {
            aYearOldMoment(f);
            assertThat(f.count("SELECT COUNT(*) FROM answer WHERE anonymous = TRUE"))
                    .isEqualTo(1);
            long before = kept(f);

            // Eleven months on, nothing is due yet: no notice, nothing removed.
            f.clock.advance(DAY.multipliedBy(335));
            f.chat.clear();
            housekeeping(f);
            assertThat(f.chat.topLevel("craft")).isEmpty();
            assertThat(kept(f)).isEqualTo(before);

            // A year minus a few days on: the moment would be removed within a week, so the channel is told.
            f.clock.advance(DAY.multipliedBy(26));
            housekeeping(f);
            assertThat(f.chat.topLevel("craft")).hasSize(1);
            assertThat(f.chat.topLevel("craft").get(0).text())
                    .contains("12 months")
                    .contains("anonymous ones too")
                    .contains("/shoptalk guild retention N months");
            assertThat(kept(f)).isEqualTo(before);

            // The notice is given once, and nothing goes during its week.
            f.clock.advance(DAY.multipliedBy(6));
            housekeeping(f);
            assertThat(f.chat.topLevel("craft")).hasSize(1);
            assertThat(kept(f)).isEqualTo(before);

            f.clock.advance(DAY);
            housekeeping(f);
            assertThat(f.count("SELECT COUNT(*) FROM answer")).isZero();
            assertThat(f.count("SELECT COUNT(*) FROM round")).isZero();
            assertThat(f.count("SELECT COUNT(*) FROM conversation")).isZero();
            assertThat(f.count("SELECT COUNT(*) FROM intervisie")).isZero();
            assertThat(f.count("SELECT COUNT(*) FROM pairing")).isZero();
            assertThat(guild(f).keeping().purgedBefore()).isNotNull();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void what_is_younger_than_the_period_stays(TestDatabases.Kind kind) {
        try (CoreFixture f = fixture(kind)) {
            aYearOldMoment(f);
            f.clock.advance(DAY.multipliedBy(200));
            f.run("lea", "craft", "moment");
            String recent = f.latestRoundThread("craft");
            f.reply("craft", recent, "ann", "This week: saying no to a rush job.");

            f.clock.advance(DAY.multipliedBy(161));
            housekeeping(f);
            f.clock.advance(Retention.NOTICE_LEAD);
            housekeeping(f);

            assertThat(f.count("SELECT COUNT(*) FROM round")).isEqualTo(1);
            List<String> left = f.db.withHandle(h -> h.query("SELECT text FROM answer", rs -> rs.getString(1)));
            assertThat(left).containsExactly("This week: saying no to a rush job.");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_shorter_period_is_announced_again_before_it_removes_anything(TestDatabases.Kind kind) {
        try (CoreFixture f = fixture(kind)) {
            aYearOldMoment(f);
            assertThat(f.run("lea", "craft", "guild retention 24 months")).contains("24 months");
            f.clock.advance(DAY.multipliedBy(300));
            housekeeping(f);
            f.chat.clear();

            assertThat(f.run("lea", "craft", "guild retention 6 months")).contains("6 months");
            housekeeping(f);
            assertThat(f.chat.topLevel("craft"))
                    .singleElement()
                    .satisfies(notice -> assertThat(notice.text()).contains("6 months"));
            assertThat(f.count("SELECT COUNT(*) FROM answer")).isEqualTo(2);

            f.clock.advance(Retention.NOTICE_LEAD);
            housekeeping(f);
            assertThat(f.count("SELECT COUNT(*) FROM answer")).isZero();
        }
    }

    @Test
    void a_notice_nobody_received_is_tried_again_the_next_day() {
        try (CoreFixture f = fixture(TestDatabases.Kind.H2)) {
            aYearOldMoment(f);
            f.clock.advance(DAY.multipliedBy(362));
            f.chat.makeUnreachable("craft");
            housekeeping(f);
            f.clock.advance(Retention.NOTICE_LEAD);
            housekeeping(f);
            assertThat(f.count("SELECT COUNT(*) FROM answer")).isEqualTo(2);
        }
    }
}

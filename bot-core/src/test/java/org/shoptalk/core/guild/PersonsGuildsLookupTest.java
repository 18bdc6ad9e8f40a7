package org.shoptalk.core.guild;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.TestDatabases;

/**
 * Every command and direct message looks up the guilds of the person who sent it; that lookup finds the person's
 * memberships by an index, not by reading every membership of the instance (issue 13: with 10,000 guilds in the bench,
 * each command scanned the whole table; {@code V82__guild_member_by_person}).
 */
class PersonsGuildsLookupTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void finding_a_persons_guilds_reads_their_memberships_by_an_index_not_every_guilds(TestDatabases.Kind kind) {
        try (CoreFixture f = CoreFixture.on(TestDatabases.fresh(kind), Instant.parse("2026-11-23T08:00:00Z"))) {
            for (int i = 0; i < 300; i++) {
                f.run("lead-" + i, "channel-" + i, "guild create Guild " + i + " lang en");
            }
            f.run("lead-7", "channel-7b", "guild create Second guild lang en");
            // Thirty members each: a table that is read page by page costs what its size is.
            Instant joined = f.clock.instant();
            f.db.useTransaction(h -> {
                for (int i = 0; i < 9_000; i++) {
                    h.update(
                            "INSERT INTO guild_member (guild_id, user_id, role, joined_at) VALUES (?, ?, 'MEMBER', ?)",
                            (long) (i % 300) + 1,
                            "member-" + i,
                            joined);
                }
            });
            if (kind == TestDatabases.Kind.POSTGRES) {
                f.db.useTransaction(h -> h.update("ANALYZE guild, guild_member"));
            }

            List<Guild> guilds = f.db.withHandle(h -> new GuildStore().forMember(h, CoreFixture.user("lead-7")));
            List<String> lines = f.db.withHandle(h -> h.query(
                    "EXPLAIN " + GuildStore.forMemberSql(),
                    rs -> rs.getString(1),
                    CoreFixture.user("lead-7").tenant().key(),
                    "lead-7"));
            String plan = String.join("\n", lines);

            assertThat(guilds).extracting(Guild::name).containsExactlyInAnyOrder("Guild 7", "Second guild");
            assertThat(plan).containsIgnoringCase("guild_member_by_person");
        }
    }
}

package org.shoptalk.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.digest.DigestHistory;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.testing.CoreFixture;

/** A guild's keeping settings (issue 15, section 4): retention and the anonymity threshold, in both languages. */
class KeepingCommandsTest {

    @Test
    void every_member_sees_the_default_retention_and_anonymity_threshold_in_guild() {
        try (CoreFixture f = CoreFixture.onH2()) {
            f.run("lea", "craft", "guild create Craft lang en");
            f.run("bob", "craft", "guild join");

            assertThat(f.run("bob", "craft", "guild"))
                    .contains("kept 24 months")
                    .contains("from 3 answers");
        }
    }

    @Test
    void a_lead_sets_both_and_the_channel_and_guild_show_them() {
        try (CoreFixture f = CoreFixture.onH2()) {
            f.run("lea", "craft", "guild create Craft lang en");
            f.run("bob", "craft", "guild join");

            CommandReply retention = f.command("lea", "craft", "guild retention 12 months");
            assertThat(retention.visibility()).isEqualTo(CommandReply.Visibility.CHANNEL);
            assertThat(retention.message().plainText("/shoptalk")).contains("12 months");
            assertThat(f.run("lea", "craft", "guild anonymity 5")).contains("from 5 answers");

            assertThat(f.run("bob", "craft", "guild"))
                    .contains("kept 12 months")
                    .contains("from 5 answers");
        }
    }

    @Test
    void a_threshold_below_three_is_refused_with_the_floor_in_english_and_dutch_and_nothing_changes() {
        try (CoreFixture f = CoreFixture.onH2()) {
            f.run("lea", "craft", "guild create Craft lang en");
            f.run("tom", "taal", "guild create Taal lang nl");
            String before = f.stored();

            assertThat(f.run("lea", "craft", "guild anonymity 2"))
                    .contains("2 is too low")
                    .contains("never below 3 answers")
                    .contains("guild anonymity N");
            assertThat(f.run("tom", "taal", "guild anonimiteit 1"))
                    .contains("1 is te laag")
                    .contains("nooit lager dan 3 antwoorden")
                    .contains("gilde anonimiteit N");
            assertThat(f.stored()).isEqualTo(before);
        }
    }

    @Test
    void retention_outside_six_to_120_months_or_without_months_is_refused_and_dutch_words_work() {
        try (CoreFixture f = CoreFixture.onH2()) {
            f.run("lea", "craft", "guild create Craft lang en");
            f.run("tom", "taal", "guild create Taal lang nl");
            String before = f.stored();

            assertThat(f.run("lea", "craft", "guild retention 3 months")).contains("from 6 to 120 months");
            assertThat(f.run("lea", "craft", "guild retention 12")).contains("in months");
            assertThat(f.run("lea", "craft", "guild retention twelve months")).contains("\"twelve\" is not a whole");
            assertThat(f.run("tom", "taal", "guild bewaartermijn 200 maanden")).contains("van 6 tot 120 maanden");
            assertThat(f.stored()).isEqualTo(before);

            assertThat(f.run("tom", "taal", "guild bewaartermijn 18 maanden")).contains("18 maanden");
            assertThat(f.run("tom", "taal", "guild")).contains("18 maanden bewaard");
        }
    }

    @Test
    void only_a_lead_changes_them() {
        try (CoreFixture f = CoreFixture.onH2()) {
            f.run("lea", "craft", "guild create Craft lang en");
            f.run("bob", "craft", "guild join");
            String before = f.stored();

            f.run("bob", "craft", "guild retention 6 months");
            f.run("bob", "craft", "guild anonymity 9");

            assertThat(f.stored()).isEqualTo(before);
        }
    }

    @Test
    void a_higher_threshold_hides_that_an_anonymous_answer_was_edited_on_the_digest_page() {
        try (CoreFixture f = CoreFixture.onH2WithSecret()) {
            f.run("lea", "craft", "guild create Craft lang en");
            f.run("ann", "craft", "guild join");
            Instant start = f.clock.instant().minusSeconds(1);
            f.run("lea", "craft", "moment");
            String thread = f.latestRoundThread("craft");
            f.reply("craft", thread, "bob", "Deadlines.");
            f.run("ann", null, "anon \"Being watched.\"");
            f.clock.advance(Duration.ofMinutes(5));
            f.run("ann", null, "anon \"Being watched, mostly.\"");
            f.reply("craft", thread, "cas", "Same.");

            assertThat(anonymousAnswerShownEdited(f, start)).isTrue();
            f.run("lea", "craft", "guild anonymity 4");
            assertThat(anonymousAnswerShownEdited(f, start)).isFalse();
        }
    }

    private static boolean anonymousAnswerShownEdited(CoreFixture f, Instant start) {
        Guild guild = f.db.withHandle(h -> new GuildStore().findByName(h, CoreFixture.TENANT, "Craft"))
                .orElseThrow();
        DigestHistory.Period period = f.core().digestHistory().read(guild, start, f.clock.instant());
        return period.rounds().get(0).answers().stream()
                .filter(a -> a.by().anonymous())
                .findFirst()
                .orElseThrow()
                .by()
                .edited();
    }
}

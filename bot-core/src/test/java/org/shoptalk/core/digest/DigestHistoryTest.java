package org.shoptalk.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.round.Attribution;
import org.shoptalk.core.testing.CoreFixture;

/** What the web page and the exports read back from a guild's history. */
class DigestHistoryTest {
    private final CoreFixture f = CoreFixture.onH2();

    @AfterEach
    void close() {
        f.close();
    }

    private Guild craft() {
        f.run("lea", "craft", "guild create Craft lang en tz Europe/Amsterdam");
        long id = f.db.withHandle(h -> new GuildStore().findByName(h, CoreFixture.TENANT, "Craft"))
                .orElseThrow()
                .id();
        return f.core().digestHistory().guild(id).orElseThrow();
    }

    @Test
    void a_period_has_each_prompt_with_its_why_its_thread_and_the_answers_in_thread_order() {
        Guild guild = craft();
        Instant start = f.clock.instant().minusSeconds(1);
        f.run("lea", "craft", "moment explore");
        String thread = f.latestRoundThread("craft");
        f.reply("craft", thread, "ann", "I stand for reviews that teach.");
        String bob = f.reply("craft", thread, "bob", "Mine is gone soon.");
        f.reply("craft", thread, "cas", "Ann, which review taught you most?", "ann");
        f.reply("craft", thread, "ann", "The one that asked me why.");
        f.delete("craft", bob);

        DigestHistory.Period period = f.core().digestHistory().read(guild, start, f.clock.instant());

        assertThat(period.rounds()).hasSize(1);
        DigestHistory.RoundEntry round = period.rounds().get(0);
        assertThat(round.prompt()).endsWith("?");
        assertThat(round.why()).isNotBlank();
        assertThat(round.threads())
                .extracting(DigestHistory.ThreadLink::url)
                .containsExactly("https://chat.example/craft/" + thread);
        assertThat(round.answers())
                .extracting(DigestHistory.AnswerEntry::text)
                .containsExactly(
                        "I stand for reviews that teach.",
                        "Ann, which review taught you most?",
                        "The one that asked me why.");
        assertThat(round.answers())
                .extracting(a -> a.by().authorName() + " -> " + a.by().respondsToName())
                .containsExactly("Ann -> null", "Cas -> Ann", "Ann -> Cas");
        assertThat(round.answers())
                .allSatisfy(a -> assertThat(a.threadUrl()).isEqualTo("https://chat.example/craft/" + thread));
        assertThat(period.answerCount()).isEqualTo(3);
    }

    @Test
    void an_edited_answer_reads_as_edited_and_a_deleted_one_is_gone() {
        Guild guild = craft();
        Instant start = f.clock.instant().minusSeconds(1);
        f.run("lea", "craft", "moment");
        String thread = f.latestRoundThread("craft");
        String ann = f.reply("craft", thread, "ann", "First thought.");
        String bob = f.reply("craft", thread, "bob", "Something I regret writing.");
        f.edit("craft", ann, "Second, better thought.");
        f.delete("craft", bob);

        List<DigestHistory.AnswerEntry> answers = f.core()
                .digestHistory()
                .read(guild, start, f.clock.instant())
                .rounds()
                .get(0)
                .answers();

        assertThat(answers).extracting(DigestHistory.AnswerEntry::text).containsExactly("Second, better thought.");
        assertThat(answers.get(0).by().edited()).isTrue();
    }

    @Test
    void a_period_holds_only_the_rounds_opened_in_it() {
        Guild guild = craft();
        f.run("lea", "craft", "moment");
        f.clock.advance(Duration.ofDays(8));
        Instant second = f.clock.instant();
        f.run("lea", "craft", "moment");

        assertThat(f.core()
                        .digestHistory()
                        .read(guild, second.minusSeconds(1), second.plusSeconds(60))
                        .rounds())
                .hasSize(1);
        assertThat(f.core()
                        .digestHistory()
                        .read(guild, second, second.plusSeconds(60))
                        .rounds())
                .isEmpty();
        assertThat(f.core()
                        .digestHistory()
                        .read(guild, second.minus(Duration.ofDays(9)), second.plusSeconds(60))
                        .rounds())
                .hasSize(2);
    }

    @Test
    void an_anonymous_answer_is_from_a_colleague_without_an_id_or_a_time_of_day() {
        f.close();
        try (CoreFixture g = CoreFixture.onH2WithSecret()) {
            g.run("lea", "craft", "guild create Craft lang en");
            g.run("ann", "craft", "guild join");
            Instant start = g.clock.instant().minusSeconds(1);
            g.run("lea", "craft", "moment");
            String thread = g.latestRoundThread("craft");
            g.reply("craft", thread, "bob", "I slow down when watched.");
            g.clock.advance(Duration.ofHours(3));
            g.run("ann", null, "anon \"I rush when I feel watched.\"");
            g.reply("craft", thread, "bob", "Thank you for saying it.");
            Guild guild = g.db.withHandle(h -> new GuildStore().findByName(h, CoreFixture.TENANT, "Craft"))
                    .orElseThrow();

            List<DigestHistory.AnswerEntry> answers = g.core()
                    .digestHistory()
                    .read(guild, start, g.clock.instant())
                    .rounds()
                    .get(0)
                    .answers();

            DigestHistory.AnswerEntry anonymous = answers.get(1);
            assertThat(anonymous.by().anonymous()).isTrue();
            assertThat(anonymous.by().authorName()).isEqualTo("a colleague");
            assertThat(anonymous.by().authorId()).isNull();
            assertThat(anonymous.by().posted()).isEqualTo(new Attribution.When.OnDay(LocalDate.of(2026, 11, 23)));
            assertThat(answers).extracting(a -> a.by().authorName()).doesNotContain("Ann");
            // Bob's reply responds to the anonymous answer just before it: to "a colleague", with no id.
            assertThat(answers.get(2).by().respondsToName()).isEqualTo("a colleague");
            assertThat(answers.get(2).by().respondsToId()).isNull();
        }
    }

    @Test
    void weekly_counts_people_and_replies_between_them_for_twelve_weeks() {
        Guild guild = craft();
        // Monday 23 Nov: two people, one responds to the other.
        f.run("lea", "craft", "moment");
        String first = f.latestRoundThread("craft");
        f.reply("craft", first, "ann", "A.");
        f.reply("craft", first, "bob", "Ann, yes.", "ann");
        // Two weeks later: three people, two responses, and one answer deleted again.
        f.clock.advance(Duration.ofDays(14));
        f.run("lea", "craft", "moment");
        String third = f.latestRoundThread("craft");
        f.reply("craft", third, "ann", "B.");
        f.reply("craft", third, "bob", "Ann, right.", "ann");
        f.reply("craft", third, "cas", "Bob, and?", "bob");
        String gone = f.reply("craft", third, "dan", "Never mind.");
        f.delete("craft", gone);

        List<DigestHistory.Week> weeks = f.core().digestHistory().weekly(guild, f.clock.instant(), 12);

        assertThat(weeks).hasSize(12);
        assertThat(weeks.get(11).monday()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(weeks.get(0).monday()).isEqualTo(LocalDate.of(2026, 9, 21));
        assertThat(weeks.get(11)).isEqualTo(new DigestHistory.Week(LocalDate.of(2026, 12, 7), 3, 2));
        assertThat(weeks.get(10)).isEqualTo(new DigestHistory.Week(LocalDate.of(2026, 11, 30), 0, 0));
        assertThat(weeks.get(9)).isEqualTo(new DigestHistory.Week(LocalDate.of(2026, 11, 23), 2, 1));
        // A page for the earlier digest shows what was known then.
        List<DigestHistory.Week> earlier =
                f.core().digestHistory().weekly(guild, Instant.parse("2026-11-24T00:00:00Z"), 12);
        assertThat(earlier.get(11)).isEqualTo(new DigestHistory.Week(LocalDate.of(2026, 11, 23), 2, 1));
    }

    @Test
    void a_posted_digest_links_to_its_web_page_when_core_has_links() {
        Guild guild = craft();
        Instant[] asked = new Instant[1];
        f.core().useDigestLinks((g, end) -> {
            asked[0] = end;
            return Optional.of("https://shoptalk.example/digest/t-" + g.id());
        });

        f.run("lea", "craft", "digest");

        assertThat(f.chat.last().text())
                .contains("Read all answers on the web (")
                .contains("https://shoptalk.example/digest/t-" + guild.id());
        assertThat(asked[0]).isEqualTo(f.clock.instant());
    }

    @Test
    void without_links_or_with_failing_links_the_digest_is_still_posted_without_one() {
        craft();
        f.run("lea", "craft", "digest");
        assertThat(f.chat.last().text()).contains("This week in Craft").doesNotContain("on the web");

        f.core().useDigestLinks((g, end) -> {
            throw new IllegalStateException("no key");
        });
        f.run("lea", "craft", "digest");
        assertThat(f.chat.last().text()).contains("This week in Craft").doesNotContain("on the web");
    }
}

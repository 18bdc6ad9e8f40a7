package org.shoptalk.core.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.task.Task;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.FakeChatPlatform;
import org.shoptalk.core.testing.PlannedRuns;

/**
 * Issue 15, section 3, "group-safe wording": what a reminder says where everyone reads it (the round's thread) counts
 * colleagues, and names, addresses or singles out nobody; once per round, in the guild's language.
 */
class GroupSafeNoteTest {
    private final CoreFixture f = CoreFixture.onH2WithSecret();

    @AfterEach
    void close() {
        f.close();
    }

    /** Everything posted in channels (not privately) while the round's reminder task ran. */
    private List<String> inThreads(long round) {
        return PlannedRuns.fireUntil(f, new Task.Reminder(round), Instant.parse("2026-11-30T00:00:00Z")).stream()
                .flatMap(r -> r.sent().stream())
                .filter(s -> s.privateTo() == null)
                .map(FakeChatPlatform.Sent::text)
                .toList();
    }

    private long aMomentWithAnswersFrom(String channel, String... people) {
        f.run("lea", channel, "moment craft-01");
        long round = f.latestRoundId();
        String thread = f.latestRoundThread(channel);
        for (String p : people) {
            f.reply(channel, thread, p, "What good work means to " + p + ".");
        }
        return round;
    }

    @Test
    void the_thread_reads_how_many_colleagues_answered_and_nothing_aimed_at_anyone() {
        f.run("lea", "craft", "guild create Craft lang en tz Europe/Amsterdam");
        for (String p : List.of("ann", "bob", "cas", "dee", "eve")) {
            f.run(p, "craft", "guild join");
        }
        long round = aMomentWithAnswersFrom("craft", "ann", "bob", "cas");
        assertThat(f.run("dee", null, "anon \"Mine, unsigned.\"")).contains("a colleague");

        List<String> notes = inThreads(round);

        assertThat(notes)
                .containsExactly("4 colleagues have answered this question so far. The thread stays open until"
                        + " Thu, Nov 26, 09:00; there is room for more thoughts.");
        assertThat(notes.get(0))
                .doesNotContainPattern("(?i)\\b(you|your|ann|bob|cas|dee|eve|lea)\\b")
                .doesNotContain("<@");
        f.core().runTask(new Task.Reminder(round), Instant.parse("2026-11-25T12:00:00Z"));
        assertThat(f.chat.all().stream().filter(s -> s.text().contains("colleagues have answered")))
                .as("once per round")
                .hasSize(1);
    }

    @Test
    void a_dutch_guild_reads_the_count_in_dutch_with_dutch_plurals() {
        f.run("lea", "zorg", "guild create Zorg lang nl tz Europe/Amsterdam");
        f.run("ann", "zorg", "guild join");
        f.run("bob", "zorg", "guild join");
        long round = aMomentWithAnswersFrom("zorg", "ann");

        assertThat(inThreads(round))
                .containsExactly("1 collega heeft deze vraag tot nu toe beantwoord. De draad staat open tot"
                        + " do 26 nov, 09:00; er is ruimte voor meer gedachten.");
    }

    @Test
    void no_note_before_anyone_answered_nor_once_everyone_did() {
        f.run("lea", "craft", "guild create Craft lang en tz Europe/Amsterdam");
        f.run("ann", "craft", "guild join");
        long silent = aMomentWithAnswersFrom("craft");
        assertThat(inThreads(silent)).as("nobody answered yet").isEmpty();

        f.clock.set(Instant.parse("2026-11-26T08:00:00Z"));
        long everyone = aMomentWithAnswersFrom("craft", "ann", "lea");
        assertThat(inThreads(everyone)).as("everyone answered").isEmpty();
    }
}

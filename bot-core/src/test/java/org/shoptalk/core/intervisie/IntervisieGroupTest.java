package org.shoptalk.core.intervisie;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.testing.CoreFixture;
import org.shoptalk.core.testing.FakeChatPlatform;
import org.shoptalk.core.testing.TestDatabases;

/** Group size, leaving, pausing, timeouts and reminders of an intervisie. */
class IntervisieGroupTest {
    private final CoreFixture f = CoreFixture.on(TestDatabases.h2(), CoreFixture.MONDAY_MORNING);

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void a_group_of_two_does_not_start_the_questions() {
        IntervisieThread.guild(f, "en", "ann");
        IntervisieThread s = IntervisieThread.bring(f, "lea", "incident");
        s.say("ann", "join");

        assertThat(f.run("lea", "craft", "intervisie next " + s.id))
                .contains("Intervisie #" + s.id + ": we are 2; the questions start when at least 3 have joined");
        assertThat(s.phase()).isZero();

        s.deadline();
        assertThat(s.state()).isEqualTo("PAUSED");
        assertThat(s.lastLine()).contains("we are 2: the next phase starts once 3 people have joined");
        assertThat(s.botLines()).noneMatch(l -> l.contains("Clarifying questions"));
        assertThat(s.planned()).isFalse();

        s.say("bob", "join");
        assertThat(s.state()).isEqualTo("RUNNING");
        assertThat(s.lastLine()).contains("Phase 2 of 5: Clarifying questions");
        assertThat(s.planned()).isTrue();
    }

    @Test
    void the_eleventh_joiner_is_told_the_group_is_full() {
        IntervisieThread.guild(f, "en");
        IntervisieThread s = IntervisieThread.bring(f, "lea", "free");
        for (int i = 1; i <= 9; i++) {
            s.say("p" + i, "join");
        }
        assertThat(s.lastLine()).contains("We are 10 now");

        s.say("late", "join");
        assertThat(f.chat.privateTo("late").get(0).text()).contains("is full: 10 people is the most");
        assertThat(f.count("SELECT COUNT(*) FROM intervisie_member WHERE intervisie_id = ?", s.id))
                .isEqualTo(10);
        assertThat(f.run("late", "craft", "intervisie join " + s.id)).contains("is full");
    }

    @Test
    void leaving_below_three_pauses_with_the_reason_and_a_new_joiner_resumes_it() {
        IntervisieThread.guild(f, "en", "ann", "bob");
        IntervisieThread s = IntervisieThread.bring(f, "lea", "incident");
        s.say("ann", "join");
        assertThat(f.run("bob", "craft", "intervisie join " + s.id)).contains("You take part in intervisie #" + s.id);
        s.say("lea", "next");

        s.say("bob", "leave");
        assertThat(s.state()).isEqualTo("PAUSED");
        assertThat(s.botLines())
                .anyMatch(l -> l.contains("Bob has left. We are 2 now."))
                .anyMatch(l -> l.contains("fewer than 3, so the intervisie pauses"));
        assertThat(s.planned()).isFalse();
        assertThat(f.run("lea", "craft", "intervisie next " + s.id)).contains("paused");

        s.say("cas", "join");
        assertThat(s.state()).isEqualTo("RUNNING");
        assertThat(s.botLines()).anyMatch(l -> l.contains("We are 3 again"));
        assertThat(s.lastLine()).contains("Phase 2 of 5: Clarifying questions");
        assertThat(s.closes()).isAfter(f.clock.instant());
    }

    @Test
    void when_the_case_bringer_leaves_the_session_ends() {
        IntervisieThread.guild(f, "en", "ann", "bob");
        IntervisieThread s = IntervisieThread.bring(f, "lea", "free");
        s.say("ann", "join");
        assertThat(f.run("lea", "craft", "intervisie verlaten " + s.id)).contains("You left");
        assertThat(s.state()).isEqualTo("STOPPED");
        assertThat(s.lastLine()).contains("The case-bringer has left");
        s.say("bob", "join");
        assertThat(f.chat.privateTo("bob").get(0).text()).contains("has ended");

        f.run("lea", "craft", "digest");
        List<FakeChatPlatform.Sent> top = f.chat.topLevel("craft");
        assertThat(top.get(top.size() - 1).text()).doesNotContain("intervisie took place");
    }

    @Test
    void the_reminder_reaches_only_participants_silent_in_the_phase_once() {
        IntervisieThread.guild(f, "en", "ann", "bob", "cas");
        IntervisieThread s = IntervisieThread.bring(f, "lea", "incident");
        s.say("ann", "join");
        s.say("bob", "join");
        s.say("cas", "join");
        f.run("cas", null, "reminders off");
        s.say("lea", "next");
        s.say("ann", "What happened first?");

        s.reminderTime();
        s.reminderTime();

        assertThat(reminders("bob")).hasSize(1);
        assertThat(reminders("bob").get(0))
                .contains("Intervisie #" + s.id)
                .contains("Clarifying questions")
                .contains("closes");
        assertThat(reminders("lea")).as("everyone speaks in the question round").hasSize(1);
        assertThat(reminders("ann")).as("she asked already").isEmpty();
        assertThat(reminders("cas")).as("reminders off").isEmpty();

        s.deadline();
        assertThat(s.lastLine()).contains("Phase 3 of 5: What I would have done");
        s.reminderTime();
        assertThat(reminders("lea"))
                .as("the case-bringer only listens in this round")
                .hasSize(1);
        assertThat(reminders("ann")).hasSize(1);
    }

    @Test
    void a_deadline_the_case_bringer_already_passed_does_nothing() {
        IntervisieThread.guild(f, "en", "ann", "bob");
        IntervisieThread s = IntervisieThread.bring(f, "lea", "incident");
        s.say("ann", "join");
        s.say("bob", "join");
        java.time.Instant firstDeadline = s.closes();
        s.say("lea", "next");
        f.clock.set(firstDeadline);
        f.core().runTask(new org.shoptalk.core.task.Task.Intervisie(s.id), firstDeadline);
        assertThat(s.phase()).isEqualTo(1);
        assertThat(s.botLines().stream().filter(l -> l.contains("Phase 2 of 5")))
                .hasSize(1);
    }

    /**
     * Issue 15, section 3: a phase's reminder falls at 03:00 in Amsterdam: it waits for the night to end there, and for
     * a participant in New York, whose night ends only after the phase closes, it comes in his last free hour before.
     */
    @Test
    void the_phase_reminder_comes_outside_each_participants_quiet_hours() {
        f.chat.zoneOf("bob", java.time.ZoneId.of("America/New_York"));
        IntervisieThread.guild(f, "en", "ann", "bob");
        IntervisieThread s = IntervisieThread.bring(f, "lea", "incident");
        s.say("ann", "join");
        s.say("bob", "join");
        s.say("lea", "next");
        org.shoptalk.core.task.Task task = new org.shoptalk.core.task.Task.Intervisie(s.id);

        List<org.shoptalk.core.testing.PlannedRuns.Fired> fired = org.shoptalk.core.testing.PlannedRuns.fireUntil(
                f, task, s.closes().minusMillis(1));

        java.util.Map<String, java.time.Instant> at = new java.util.TreeMap<>();
        fired.forEach(r -> r.sent().stream()
                .filter(x -> x.privateTo() != null && x.text().contains("your voice is welcome"))
                .forEach(x -> at.put(x.privateTo().id(), r.at())));
        assertThat(at.get("ann").atZone(java.time.ZoneId.of("Europe/Amsterdam")).toLocalTime())
                .isEqualTo(java.time.LocalTime.of(8, 0));
        assertThat(at.get("bob").atZone(java.time.ZoneId.of("America/New_York")).toLocalTime())
                .isEqualTo(java.time.LocalTime.of(17, 0));
        assertThat(reminders("ann")).hasSize(1);
        assertThat(reminders("bob")).hasSize(1);
        assertThat(reminders("lea")).hasSize(1);
    }

    @Test
    void a_deleted_message_no_longer_counts_for_the_reminder() {
        IntervisieThread.guild(f, "en", "ann", "bob");
        IntervisieThread s = IntervisieThread.bring(f, "lea", "incident");
        s.say("ann", "join");
        s.say("bob", "join");
        s.say("lea", "next");
        String asked = s.say("bob", "Why then?");
        f.delete("craft", asked);
        s.reminderTime();
        assertThat(reminders("bob")).hasSize(1);
    }

    @Test
    void forget_me_removes_a_person_from_the_session() {
        IntervisieThread.guild(f, "en", "ann", "bob");
        IntervisieThread s = IntervisieThread.bring(f, "lea", "incident");
        s.say("ann", "join");
        s.say("ann", "A thought.");
        assertThat(f.run("ann", null, "forget me")).contains("your place in 1 intervisie");
        f.run("ann", null, "forget me confirm");
        assertThat(f.count("SELECT COUNT(*) FROM intervisie_member WHERE user_id = 'ann'"))
                .isZero();
        assertThat(f.count("SELECT COUNT(*) FROM intervisie_post WHERE user_id = 'ann'"))
                .isZero();
    }

    private List<String> reminders(String user) {
        return f.chat.privateTo(user).stream()
                .map(FakeChatPlatform.Sent::text)
                .filter(t -> t.contains("your voice is welcome"))
                .toList();
    }
}

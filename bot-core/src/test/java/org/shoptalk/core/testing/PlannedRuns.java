package org.shoptalk.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.shoptalk.core.task.Task;

/**
 * Fires a task's planned occurrences in time order on the fixture's hand-moved clock, as Quartz would fire them at
 * their times: the plans are read from Quartz's own table, so a plan a run makes (a reminder moved out of someone's
 * quiet hours) is fired in its turn. Quartz itself does not run, so no test depends on today's date.
 */
public final class PlannedRuns {
    private PlannedRuns() {}

    /** One firing: when, and what people saw because of it. */
    public record Fired(Instant at, List<FakeChatPlatform.Sent> sent) {}

    /** The task's planned times, earliest first. */
    public static List<Instant> planned(CoreFixture f, Task task) {
        return f.db.withHandle(h -> h.query(
                "SELECT NEXT_FIRE_TIME FROM QRTZ_TRIGGERS WHERE JOB_NAME = ? ORDER BY NEXT_FIRE_TIME",
                rs -> Instant.ofEpochMilli(rs.getLong(1)),
                task.key()));
    }

    /**
     * Fires every planned time of the task later than the clock's present and not after {@code until}, earliest
     * first, the clock set to each in turn; returns each firing with what it sent. The follow-up relay's planned runs
     * in that span are fired in their turn too (before the task's at the same instant), as Quartz would: a round's
     * reminder and connect check are planned by the relay a little after the round opened.
     */
    public static List<Fired> fireUntil(CoreFixture f, Task task, Instant until) {
        List<Fired> fired = new ArrayList<>();
        Set<String> done = new HashSet<>();
        // Relay runs already due (the clock moved past them by hand) fire now, as Quartz fires a trigger it is late
        // for.
        Instant now = f.clock.instant();
        for (Instant overdue : planned(f, Task.FollowUps.RELAY)) {
            if (!task.equals(Task.FollowUps.RELAY) && overdue.isBefore(now)) {
                f.core().runTask(Task.FollowUps.RELAY, overdue);
            }
        }
        Instant last = now.minusMillis(1);
        while (true) {
            Instant from = last;
            Optional<Map.Entry<Task, Instant>> next = Stream.of(Task.FollowUps.RELAY, task)
                    .distinct()
                    .flatMap(t -> planned(f, t).stream()
                            .filter(at -> !at.isBefore(from) && !at.isAfter(until) && !done.contains(t.key() + at))
                            .map(at -> Map.entry(t, at)))
                    .min(Map.Entry.comparingByValue());
            if (next.isEmpty()) {
                return fired;
            }
            Task t = next.get().getKey();
            Instant at = next.get().getValue();
            done.add(t.key() + at);
            last = at;
            int before = f.chat.all().size();
            f.clock.set(at);
            f.core().runTask(t, at);
            if (t.equals(task)) {
                List<FakeChatPlatform.Sent> all = f.chat.all();
                fired.add(new Fired(at, all.subList(before, all.size())));
            }
        }
    }

    /** Fires the follow-up relay's runs planned up to {@code until}: what Quartz does a little after a round opens. */
    public static void relayFollowUps(CoreFixture f, Instant until) {
        fireUntil(f, Task.FollowUps.RELAY, until);
    }
}

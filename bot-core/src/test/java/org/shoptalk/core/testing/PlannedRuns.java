package org.shoptalk.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
     * first, the clock set to each in turn; returns each firing with what it sent.
     */
    public static List<Fired> fireUntil(CoreFixture f, Task task, Instant until) {
        List<Fired> fired = new ArrayList<>();
        Instant last = f.clock.instant().minusMillis(1);
        while (true) {
            Instant after = last;
            Optional<Instant> next = planned(f, task).stream()
                    .filter(t -> t.isAfter(after) && !t.isAfter(until))
                    .findFirst();
            if (next.isEmpty()) {
                return fired;
            }
            int before = f.chat.all().size();
            f.clock.set(next.get());
            f.core().runTask(task, next.get());
            List<FakeChatPlatform.Sent> all = f.chat.all();
            fired.add(new Fired(next.get(), all.subList(before, all.size())));
            last = next.get();
        }
    }
}

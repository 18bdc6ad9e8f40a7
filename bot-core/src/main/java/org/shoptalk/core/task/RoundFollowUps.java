package org.shoptalk.core.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.reminder.ReminderTiming;
import org.shoptalk.core.round.Round;

/**
 * Plans what follows a round's opening: the first look at its reminders, and the first "connect the answers" check. Split from
 * {@link TaskPlanner} so the round service, which the planner drives, can call it without a cycle. A record: it
 * only holds the services it calls. Thread-safe.
 *
 * @param reminderBeforeClose how long before a round closes its reminder comes; negative for none
 */
public record RoundFollowUps(TaskScheduler scheduler, Duration reminderBeforeClose, Clock clock) {

    /**
     * {@code guild}: the round's, as the round service just read it (no second read per moment, issue 13). Both
     * follow-ups go into Quartz in one transaction.
     */
    public void roundOpened(Guild guild, Round round) {
        Map<Task, Instant> followUps = new LinkedHashMap<>();
        firstReminderLook(round).ifPresent(at -> followUps.put(new Task.Reminder(round.id()), at));
        if (guild.dialogue().connectEnabled()) {
            followUps.put(
                    new Task.Connect(round.id()),
                    round.openedAt().plus(guild.dialogue().connectAfter()));
        }
        scheduler.planNew(followUps);
    }

    /**
     * The first look at the round's reminders, unless that moment has already passed: halfway to their due time,
     * the earliest a reminder moved out of someone's quiet hours may come; each look plans the next
     * (docs/rhythm.md).
     */
    private Optional<Instant> firstReminderLook(Round round) {
        if (reminderBeforeClose.isNegative()) {
            return Optional.empty();
        }
        Instant at = ReminderTiming.firstLook(round.openedAt(), round.closesAt().minus(reminderBeforeClose));
        return at.isAfter(clock.instant()) ? Optional.of(at) : Optional.empty();
    }
}

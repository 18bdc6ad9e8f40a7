package org.shoptalk.core.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.Handle;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.reminder.ReminderTiming;
import org.shoptalk.core.round.Round;
import org.shoptalk.core.round.RoundListener;

/**
 * What follows a round's opening: the first look at its reminders, and the first "connect the answers" check. They
 * are written to an outbox ({@code round_follow_up}) in the transaction that opens the round and planned on Quartz by
 * a relay ({@link Task.FollowUps}) {@link #RELAY_AFTER} later, many rounds in one transaction (issue 13: planning
 * them on Quartz as each moment fired was a fifth of a moment's work in a burst of a thousand; the first of them is
 * due hours later). Nothing is lost between the two: a round's row and its outbox row commit together, the relay
 * removes a row only once its follow-ups are planned, and a relay run is planned at each start and each day's
 * housekeeping whenever rows are waiting. Split from {@link TaskPlanner} so the round service, which the planner
 * drives, can call it without a cycle. Thread-safe.
 */
public final class RoundFollowUps implements RoundListener {
    /**
     * How long after a round opens its follow-ups are planned: after the burst of moments due at the same minute it
     * is part of (a thousand take a few seconds), and long before the first follow-up can be due.
     */
    public static final Duration RELAY_AFTER = Duration.ofSeconds(30);

    /** Rounds planned per transaction: each is two Quartz jobs with a trigger each. */
    static final int BATCH = 250;

    private final Database db;
    private final TaskScheduler scheduler;
    private final Duration reminderBeforeClose;
    private final Clock clock;
    private final FollowUpStore store = new FollowUpStore();
    /** When this instance's next relay run is planned; null when none is to come. */
    private final AtomicReference<Instant> nextRelay = new AtomicReference<>();

    /** @param reminderBeforeClose how long before a round closes its reminder comes; negative for none */
    public RoundFollowUps(Database db, TaskScheduler scheduler, Duration reminderBeforeClose, Clock clock) {
        this.db = db;
        this.scheduler = scheduler;
        this.reminderBeforeClose = reminderBeforeClose;
        this.clock = clock;
    }

    /** Writes the round's follow-ups to the outbox, in the transaction that opens it. */
    @Override
    public void opening(Handle h, Guild guild, Round round) {
        Instant reminderAt = firstReminderLook(round);
        Instant connectAt = guild.dialogue().connectEnabled()
                ? round.openedAt().plus(guild.dialogue().connectAfter())
                : null;
        if (reminderAt != null || connectAt != null) {
            store.add(h, round.id(), reminderAt, connectAt);
        }
    }

    /** Makes sure a relay run comes: a burst of openings plans one, not one each. */
    @Override
    public void opened(Guild guild, Round round) {
        requestRelay();
    }

    /**
     * Plans a relay run {@link #RELAY_AFTER} from now, unless one this instance planned is still to come: that run
     * reads the outbox after every opening committed before now. Two instances may each plan one; a second run finds
     * less or nothing to do, and planning the same follow-up twice is harmless.
     */
    void requestRelay() {
        Instant now = clock.instant();
        Instant planned = nextRelay.get();
        if (planned != null && planned.isAfter(now)) {
            return;
        }
        Instant at = now.plus(RELAY_AFTER);
        if (!nextRelay.compareAndSet(planned, at)) {
            return; // another thread planned one just now
        }
        try {
            scheduler.plan(Task.FollowUps.RELAY, at);
        } catch (RuntimeException e) {
            nextRelay.compareAndSet(at, null);
            throw e;
        }
    }

    /** At a start and each day: plans a relay run when follow-ups are waiting (a relay lost with its instance). */
    public void repair() {
        if (!db.withHandle(h -> store.pending(h, 1)).isEmpty()) {
            nextRelay.set(null);
            requestRelay();
        }
    }

    /**
     * The relay: plans every waiting round's follow-ups on Quartz, {@link #BATCH} rounds per transaction, and only then
     * removes them from the outbox. A run that stops half-way leaves the rest for the next, and plans nothing twice
     * that matters: a follow-up planned again is the same Quartz trigger.
     */
    public void relay() {
        while (true) {
            List<FollowUpStore.Pending> batch = db.withHandle(h -> store.pending(h, BATCH));
            if (batch.isEmpty()) {
                return;
            }
            Map<Task, Instant> plans = new LinkedHashMap<>();
            for (FollowUpStore.Pending p : batch) {
                if (p.reminderAt() != null) {
                    plans.put(new Task.Reminder(p.roundId()), p.reminderAt());
                }
                if (p.connectAt() != null) {
                    plans.put(new Task.Connect(p.roundId()), p.connectAt());
                }
            }
            scheduler.planNew(plans);
            db.useTransaction(h -> store.remove(
                    h, batch.stream().map(FollowUpStore.Pending::roundId).toList()));
            if (batch.size() < BATCH) {
                return;
            }
        }
    }

    /**
     * The first look at the round's reminders, unless that moment has already passed: halfway to their due time,
     * the earliest a reminder moved out of someone's quiet hours may come; each look plans the next
     * (docs/rhythm.md). Null: none.
     */
    private Instant firstReminderLook(Round round) {
        if (reminderBeforeClose.isNegative()) {
            return null;
        }
        Instant at = ReminderTiming.firstLook(round.openedAt(), round.closesAt().minus(reminderBeforeClose));
        return at.isAfter(clock.instant()) ? at : null;
    }
}

package org.shoptalk.core;

import java.time.Instant;
import org.shoptalk.core.dialogue.DialogueTasks;
import org.shoptalk.core.dialogue.GoalReviews;
import org.shoptalk.core.dialogue.PairCheckIns;
import org.shoptalk.core.dialogue.Pairing;
import org.shoptalk.core.intervisie.Intervisies;
import org.shoptalk.core.reminder.ReminderService;
import org.shoptalk.core.task.Housekeeping;
import org.shoptalk.core.task.Outcome;
import org.shoptalk.core.task.RoundFollowUps;
import org.shoptalk.core.task.Run;
import org.shoptalk.core.task.Task;
import org.shoptalk.core.task.TaskPlanner;
import org.shoptalk.core.task.TaskRunner;

/**
 * The one dispatch from a planned task to the feature that does its work. Both switches are switch expressions
 * over {@link Task.Kind}, so a new kind of task that is not handled here does not compile. Thread-safe.
 */
final class ScheduledWork implements TaskRunner {
    private final TaskPlanner planner;
    private final ReminderService reminders;
    private final DialogueTasks connect;
    private final Pairing pairing;
    private final GoalReviews reviews;
    private final Housekeeping housekeeping;
    private final Intervisies intervisies;
    private final PairCheckIns checkIns;
    private final RoundFollowUps followUps;

    ScheduledWork(
            TaskPlanner planner,
            ReminderService reminders,
            DialogueTasks connect,
            Pairing pairing,
            GoalReviews reviews,
            Housekeeping housekeeping,
            Intervisies intervisies,
            PairCheckIns checkIns,
            RoundFollowUps followUps) {
        this.checkIns = checkIns;
        this.followUps = followUps;
        this.planner = planner;
        this.reminders = reminders;
        this.connect = connect;
        this.pairing = pairing;
        this.reviews = reviews;
        this.housekeeping = housekeeping;
        this.intervisies = intervisies;
    }

    @Override
    public Outcome run(Task task, Run run) {
        long id = task.id();
        return switch (task.kind()) {
            case MOMENT -> planner.runMoment(id, run);
            case DIGEST -> planner.runDigest(id, run);
            case REVIEW -> reviews.review(id, run.takeOver());
            case REMINDER -> done(() -> reminders.remind(id));
            case CONNECT -> done(() -> connect.connect(id));
            case PAIRS -> done(() -> pairing.pair(id, run.occurrence()));
            case HOUSEKEEPING -> done(() -> housekeeping.run(run.occurrence()));
            case INTERVISIE -> intervisies.run(id, run);
            case CHECKIN -> done(() -> checkIns.run(id));
            case POSTS -> planner.runPosts(id);
            case FOLLOW_UPS -> done(followUps::relay);
        };
    }

    @Override
    public void giveUp(Task task, Instant occurrence, String reason) {
        long id = task.id();
        Runnable record = switch (task.kind()) {
            case MOMENT -> () -> planner.momentFailed(id, occurrence, reason);
            case DIGEST -> () -> planner.digestFailed(id, occurrence, reason);
            case REVIEW -> () -> reviews.failed(id, reason);
            case POSTS -> () -> planner.postsFailed(id, reason);
            // The outbox keeps what was not planned; the next relay run (the next opening, a start, housekeeping) plans
            // it.
            case FOLLOW_UPS -> () -> {};
            // Nothing to mark for these: they record their work before doing it, and the log has the failure.
            case REMINDER, CONNECT, PAIRS, HOUSEKEEPING, CHECKIN -> () -> {};
            // A phase line that never landed: the next deadline or a "next" posts the phase it has reached.
            case INTERVISIE -> () -> {};
        };
        record.run();
    }

    private static Outcome done(Runnable work) {
        work.run();
        return Outcome.DONE;
    }
}

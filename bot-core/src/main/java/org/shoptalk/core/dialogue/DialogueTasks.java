package org.shoptalk.core.dialogue;

import java.time.Clock;
import java.time.Instant;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.round.RoundStore;
import org.shoptalk.core.task.Task;
import org.shoptalk.core.task.TaskPlanner;
import org.shoptalk.core.task.TaskRunner;

/** Runs the dialogue features' planned tasks: connect checks, pairings and accountability moments. Thread-safe. */
public final class DialogueTasks implements TaskRunner {
    private final Database db;
    private final GuildStore guilds;
    private final RoundStore rounds;
    private final ConnectNudge connect;
    private final TaskPlanner planner;
    private final Clock clock;
    private TaskRunner goalReviews = (task, at) -> { };
    private TaskRunner pairings = (task, at) -> { };

    public DialogueTasks(Database db, GuildStore guilds, RoundStore rounds, ConnectNudge connect, TaskPlanner planner,
                         Clock clock) {
        this.db = db;
        this.guilds = guilds;
        this.rounds = rounds;
        this.connect = connect;
        this.planner = planner;
        this.clock = clock;
    }

    /** Wires the features whose tasks this runs; they are built after this object. */
    public void wire(TaskRunner goalReviews, TaskRunner pairings) {
        this.goalReviews = goalReviews;
        this.pairings = pairings;
    }

    public static boolean handles(Task task) {
        return task instanceof Task.Connect || task instanceof Task.Pairs || task instanceof Task.Review;
    }

    @Override
    public void run(Task task, Instant occurrence) {
        if (task instanceof Task.Connect c) {
            if (connect.check(c.id()) == ConnectNudge.Outcome.LATER) {
                lookAgainLater(c.id());
            }
        } else if (task instanceof Task.Pairs) {
            pairings.run(task, occurrence);
        } else if (task instanceof Task.Review) {
            goalReviews.run(task, occurrence);
        }
    }

    /** An accountability moment is a round: its recovery takes over the posts the dead run had claimed. */
    @Override
    public void recover(Task task, Instant occurrence) {
        if (task instanceof Task.Review) {
            goalReviews.recover(task, occurrence);
        } else {
            run(task, occurrence);
        }
    }

    /** Not enough answers yet: check again after the same delay, while the round is open. */
    private void lookAgainLater(long roundId) {
        Instant now = clock.instant();
        db.withHandle(h -> rounds.find(h, roundId).flatMap(r -> guilds.findForTask(h, r.guildId())
                .map(g -> now.plus(g.dialogue().connectAfter()))
                .filter(next -> next.isBefore(r.closesAt()))))
                .ifPresent(next -> planner.plan(new Task.Connect(roundId), next));
    }
}

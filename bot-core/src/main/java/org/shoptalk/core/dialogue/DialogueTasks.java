package org.shoptalk.core.dialogue;

import java.time.Clock;
import java.time.Instant;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.round.RoundStore;
import org.shoptalk.core.task.Task;
import org.shoptalk.core.task.TaskPlanner;

/** Runs the planned "connect the answers" checks of rounds. Thread-safe. */
public final class DialogueTasks {
    private final Database db;
    private final GuildStore guilds;
    private final RoundStore rounds;
    private final ConnectNudge connect;
    private final TaskPlanner planner;
    private final Clock clock;

    public DialogueTasks(
            Database db, GuildStore guilds, RoundStore rounds, ConnectNudge connect, TaskPlanner planner, Clock clock) {
        this.db = db;
        this.guilds = guilds;
        this.rounds = rounds;
        this.connect = connect;
        this.planner = planner;
        this.clock = clock;
    }

    /** Runs a round's "connect the answers" check; when it is too early to tell, it is planned again. */
    public void connect(long roundId) {
        if (connect.check(roundId) == ConnectNudge.Outcome.LATER) {
            lookAgainLater(roundId);
        }
    }

    /** Not enough answers yet: check again after the same delay, while the round is open. */
    private void lookAgainLater(long roundId) {
        Instant now = clock.instant();
        db.withHandle(h -> rounds.find(h, roundId)
                        .flatMap(r -> guilds.findForTask(h, r.guildId())
                                .map(g -> now.plus(g.dialogue().connectAfter()))
                                .filter(next -> next.isBefore(r.closesAt()))))
                .ifPresent(next -> planner.plan(new Task.Connect(roundId), next));
    }
}

package org.shoptalk.core.dialogue;

import java.util.Optional;
import org.shoptalk.core.chat.Excerpt;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.i18n.Texts;
import org.shoptalk.core.prompt.Prompt;
import org.shoptalk.core.prompt.Theme;
import org.shoptalk.core.round.RoundService;
import org.shoptalk.core.task.Outcome;

/**
 * The accountability moment of a goal: on the day the team chose, a round in the guild's channel that
 * quotes the goal, its indicators and limits, and asks the questions of professional accountability.
 * It is a round like any other, so its thread shows up in the digest. Thread-safe.
 */
public final class GoalReviews {
    private static final int PIECE = 220;

    private final Database db;
    private final GuildStore guilds;
    private final GoalStore goals;
    private final RoundService rounds;

    public GoalReviews(Database db, GuildStore guilds, GoalStore goals, RoundService rounds) {
        this.db = db;
        this.guilds = guilds;
        this.goals = goals;
        this.rounds = rounds;
    }

    /** Opens the goal's accountability round and posts it; {@code takeOver} as in {@link RoundService}. */
    public Outcome review(long goalId, boolean takeOver) {
        Optional<Goal> goal = db.withHandle(h -> goals.findForTask(h, goalId));
        Optional<Guild> guild = goal.flatMap(g -> db.withHandle(h -> guilds.findForTask(h, g.guildId())));
        if (goal.isEmpty() || guild.isEmpty()) {
            return Outcome.DONE;
        }
        return rounds.openAndPost(
                        guild.get(),
                        null,
                        key(goalId),
                        new RoundService.Ask(prompt(goal.get()), Theme.ACCOUNTABILITY),
                        takeOver)
                .outcome();
    }

    /** The last attempt failed too: its unposted channels are marked failed and the leads told. */
    public void failed(long goalId, String reason) {
        db.withHandle(h -> goals.findForTask(h, goalId))
                .flatMap(g -> db.withHandle(h -> guilds.findForTask(h, g.guildId())))
                .ifPresent(g -> rounds.giveUp(g, key(goalId), reason));
    }

    private static String key(long goalId) {
        return "review-" + goalId;
    }

    /** The review as a one-off prompt in both languages, so the round reads in the guild's language. */
    static Prompt prompt(Goal g) {
        return new Prompt(
                "goal-" + g.id(),
                Theme.ACCOUNTABILITY,
                text(Language.EN, g),
                text(Language.NL, g),
                Texts.get().t(Language.EN, "review.why"),
                Texts.get().t(Language.NL, "review.why"));
    }

    private static String text(Language lang, Goal g) {
        return Texts.get()
                .t(
                        lang,
                        "review.text",
                        g.id(),
                        Excerpt.line(g.statement(), PIECE),
                        Excerpt.line(g.forWhom(), PIECE),
                        Excerpt.line(g.indicators(), PIECE),
                        Excerpt.line(g.limits(), PIECE));
    }
}

package org.shoptalk.core.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.Handle;
import org.shoptalk.core.digest.DigestService;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.prompt.Prompt;
import org.shoptalk.core.prompt.PromptLibrary;
import org.shoptalk.core.round.Round;
import org.shoptalk.core.round.RoundService;
import org.shoptalk.core.schedule.DateRange;
import org.shoptalk.core.schedule.MomentCalendar;
import org.shoptalk.core.schedule.Recurrence;
import org.shoptalk.core.schedule.Schedule;
import org.shoptalk.core.schedule.ScheduleStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when tasks happen and what happens when they come due: it plans each schedule's next
 * moment, each guild's digest and each round's reminder on the {@link TaskScheduler}, and runs them.
 * A moment missed while the bot was down is posted once if it is at most {@code grace} late, and
 * otherwise skipped with a log line. Thread-safe.
 */
public final class TaskPlanner {
    private static final Logger LOG = LoggerFactory.getLogger(TaskPlanner.class);

    private final Database db;
    private final GuildStore guilds;
    private final ScheduleStore schedules;
    private final RoundService rounds;
    private final DigestService digests;
    private final Duration grace;
    private final Clock clock;
    private final PromptLibrary library;
    private final TaskScheduler scheduler;
    private final org.shoptalk.core.round.RoundStore roundStore = new org.shoptalk.core.round.RoundStore();

    public TaskPlanner(
            Database db,
            GuildStore guilds,
            ScheduleStore schedules,
            RoundService rounds,
            DigestService digests,
            Duration grace,
            Clock clock,
            PromptLibrary library,
            TaskScheduler scheduler) {
        this.scheduler = scheduler;
        this.library = library;
        this.db = db;
        this.guilds = guilds;
        this.schedules = schedules;
        this.rounds = rounds;
        this.digests = digests;
        this.grace = grace;
        this.clock = clock;
    }

    /**
     * Runs one occurrence of a schedule's moment. The next occurrence is planned whatever happens to this one, so
     * a failed post never stops the schedule. A moment more than the grace late is skipped, except on a retry or a
     * wait: that occurrence was on time, the platform was not. When the schedule starts no occurrence after this one
     * and this run finished it (posted, skipped, or no longer due), the schedule is done; a retry or a wait that
     * follows finds it not done yet and posts what is left.
     */
    public Outcome runMoment(long scheduleId, Run run) {
        // The schedule, its guild and the guild's holidays in one connection: every moment of a burst pays for each
        // round trip here (issue 13).
        Optional<MomentContext> context = db.withHandle(h -> schedules
                .findForTask(h, scheduleId)
                .filter(s -> !s.done())
                .flatMap(s -> guilds.findForTask(h, s.guildId()).map(g -> new MomentContext(s, g, skips(h, g)))));
        if (context.isEmpty()) {
            return Outcome.DONE;
        }
        Schedule s = context.get().schedule();
        Guild guild = context.get().guild();
        List<DateRange> skips = context.get().skips();
        Instant occurrence = run.occurrence();
        Instant now = clock.instant();
        Outcome outcome;
        try {
            outcome = postMoment(s, guild, skips, run, now);
        } finally {
            if (!run.isRetry()) {
                planNextMoment(s, guild, skips, later(occurrence, now.minus(grace)));
            }
        }
        // Only a one-off moment or a series' last can be a schedule's last: a weekly moment pays no extra round trip.
        boolean mayBeLast =
                s.startsNoneAfter(occurrence, guild.zone()) || (s.seriesLeft() != null && s.seriesLeft() <= 1);
        if (outcome.kind() == Outcome.Kind.DONE && mayBeLast) {
            finishIfLast(scheduleId, guild, occurrence);
        }
        return outcome;
    }

    private Outcome postMoment(Schedule s, Guild guild, List<DateRange> skips, Run run, Instant now) {
        Instant occurrence = run.occurrence();
        if (!s.occursAt(occurrence, guild.zone(), skips)) {
            LOG.info(
                    "moment of schedule {} planned for {} no longer applies (paused or on a holiday)",
                    s.id(),
                    occurrence);
            return Outcome.DONE;
        }
        Duration late = Duration.between(occurrence, now);
        if (!run.isRetry() && late.compareTo(grace) > 0) {
            LOG.warn(
                    "skipped moment of schedule {} planned for {}: {} minutes late, more than the grace of {} minutes",
                    s.id(),
                    occurrence,
                    late.toMinutes(),
                    grace.toMinutes());
            return Outcome.DONE;
        }
        RoundService.Posting posting =
                rounds.openAndPost(guild, s.id(), momentKey(s.id(), occurrence), ask(s), run.takeOver());
        if (posting.opened().isPresent() && s.seriesLeft() != null) {
            db.useTransaction(h -> schedules.countDownSeries(h, s.id()));
        }
        return posting.outcome();
    }

    /**
     * Marks the schedule done when the occurrence whose runs just ended was its last: read again, since the run may
     * have counted a series down.
     */
    private void finishIfLast(long scheduleId, Guild guild, Instant occurrence) {
        db.useTransaction(h -> schedules
                .findForTask(h, scheduleId)
                .filter(s -> s.startsNoneAfter(occurrence, guild.zone()))
                .ifPresent(s -> schedules.markDone(h, scheduleId)));
    }

    /**
     * Plans the posts of a round asked for now that a platform refused for a while or delayed: when the platform
     * allows (a rate limit) or after the first back-off (a hiccup). Returns whether anything was planned.
     *
     * @param outcome how posting the round ended when it was asked for
     */
    public boolean postLater(Round round, Outcome outcome) {
        Instant at = switch (outcome.kind()) {
            case DONE -> null;
            case WAIT -> outcome.notBefore();
            case RETRY -> clock.instant().plus(TaskRuns.BACKOFF.get(0));
        };
        if (at != null) {
            scheduler.plan(new Task.Posts(round.id()), at);
        }
        return at != null;
    }

    /** Runs the planned posts of a round asked for now ({@link #postLater}); a round that closed meanwhile gives up. */
    public Outcome runPosts(long roundId) {
        record Context(Round round, Guild guild) {}
        Optional<Context> context = db.withHandle(h -> roundStore
                .find(h, roundId)
                .flatMap(r -> guilds.findForTask(h, r.guildId()).map(g -> new Context(r, g))));
        if (context.isEmpty()) {
            return Outcome.DONE;
        }
        Round round = context.get().round();
        Guild guild = context.get().guild();
        if (!clock.instant().isBefore(round.closesAt())) {
            rounds.giveUp(guild, round, "the question closed before the platform took it");
            return Outcome.DONE;
        }
        return rounds.finish(guild, round, true).outcome();
    }

    /** The last attempt at a round's planned posts failed: its unposted channels are marked failed, the leads told. */
    public void postsFailed(long roundId, String reason) {
        db.withHandle(h -> roundStore
                        .find(h, roundId)
                        .flatMap(r -> guilds.findForTask(h, r.guildId()).map(g -> Map.entry(r, g))))
                .ifPresent(e -> rounds.giveUp(e.getValue(), e.getKey(), reason));
    }

    /** What a moment reads before it runs. */
    private record MomentContext(Schedule schedule, Guild guild, List<DateRange> skips) {}

    /**
     * The last attempt at a moment failed: its unposted channels are marked failed and the leads told; when it was the
     * schedule's last occurrence, the schedule is done.
     */
    public void momentFailed(long scheduleId, Instant occurrence, String reason) {
        db.withHandle(h -> schedules.findForTask(h, scheduleId))
                .flatMap(s -> db.withHandle(h -> guilds.findForTask(h, s.guildId())))
                .ifPresent(g -> {
                    rounds.giveUp(g, momentKey(scheduleId, occurrence), reason);
                    finishIfLast(scheduleId, g, occurrence);
                });
    }

    private static String momentKey(long scheduleId, Instant occurrence) {
        return "moment-" + scheduleId + "@" + occurrence;
    }

    /**
     * Plans the occurrence after {@code after}. Only a series is read again (this run may have counted down its
     * last moment); any other change to a schedule while its moment ran plans anew itself, and a plan made from the schedule
     * as it was is checked against the schedule as it is when it fires ({@link Schedule#occursAt}).
     */
    private void planNextMoment(Schedule read, Guild guild, List<DateRange> skips, Instant after) {
        Optional<Schedule> current =
                read.seriesLeft() == null ? Optional.of(read) : db.withHandle(h -> schedules.findForTask(h, read.id()));
        current.flatMap(s -> s.nextAfter(after, guild.zone(), skips))
                .ifPresent(next -> scheduler.plan(new Task.Moment(read.id()), next.toInstant()));
    }

    /** A pinned question, the next question of a series in library order, or the rotation's pick. */
    private RoundService.Ask ask(Schedule s) {
        if (s.promptId() != null) {
            Optional<Prompt> pinned = library.byId(s.promptId());
            if (pinned.isPresent()) {
                return new RoundService.Ask(pinned.get(), pinned.get().theme());
            }
        }
        if (s.seriesLeft() != null && s.theme() != null) {
            List<Prompt> arc = library.byTheme(s.theme());
            long done = db.withHandle(h -> roundStore.roundsOf(h, s.id()));
            Prompt p = arc.get((int) (done % arc.size()));
            return new RoundService.Ask(p, p.theme());
        }
        return RoundService.Ask.rotate(s.theme());
    }

    /**
     * Posts a guild's weekly digest and plans the next one, whatever happens to this one, from the guild as it is once
     * posted. A first run at a time that is no longer the guild's digest time does neither: a run that read the guild
     * just before a lead moved the digest can still plan next week at the old time, and the move planned the new one.
     */
    public Outcome runDigest(long guildId, Run run) {
        Optional<Guild> guild = db.withHandle(h -> guilds.findForTask(h, guildId));
        if (guild.isEmpty()) {
            return Outcome.DONE;
        }
        Instant occurrence = run.occurrence();
        if (!run.isRetry() && !isDigestTime(guild.get(), occurrence)) {
            LOG.info("digest of guild {} planned for {} no longer applies: the digest moved", guildId, occurrence);
            return Outcome.DONE;
        }
        Instant now = clock.instant();
        try {
            if (!run.isRetry() && Duration.between(occurrence, now).compareTo(grace) > 0) {
                LOG.warn("skipped digest of guild {} planned for {}: more than the grace late", guildId, occurrence);
                return Outcome.DONE;
            }
            return digests.post(guild.get(), digestKey(occurrence), run.takeOver());
        } finally {
            if (!run.isRetry()) {
                // Read again: a lead may have moved the digest while this one posted, and planned the new time.
                Guild current =
                        db.withHandle(h -> guilds.findForTask(h, guildId)).orElse(guild.get());
                planDigest(current, later(occurrence, now.minus(grace)));
            }
        }
    }

    /** The last attempt at a digest failed: its unposted channels are marked failed and the leads told. */
    public void digestFailed(long guildId, Instant occurrence, String reason) {
        db.withHandle(h -> guilds.findForTask(h, guildId))
                .ifPresent(g -> digests.giveUp(g, digestKey(occurrence), reason));
    }

    private static String digestKey(Instant occurrence) {
        return "digest@" + occurrence;
    }

    /**
     * Plans a schedule's next moment (or nothing, when paused or finished). A schedule that starts no occurrence any
     * more keeps what is planned: only its last occurrence's retries and waits can be, and they check the schedule
     * (pauses, holidays) when they fire; cancelling them would leave it never done.
     */
    public void planSchedule(Schedule s, Guild guild) {
        Instant now = clock.instant();
        if (s.startsNoneAfter(now, guild.zone())) {
            return;
        }
        Optional<ZonedDateTime> next = s.nextAfter(now, guild.zone(), skips(guild));
        scheduler.replan(
                new Task.Moment(s.id()), next.map(ZonedDateTime::toInstant).orElse(null));
    }

    public void cancelSchedule(long scheduleId) {
        scheduler.cancel(new Task.Moment(scheduleId));
    }

    public void replanDigest(Guild guild) {
        scheduler.cancel(new Task.Digest(guild.id()));
        planDigest(guild, clock.instant());
    }

    private boolean isDigestTime(Guild guild, Instant occurrence) {
        return nextDigest(guild, occurrence.minusNanos(1))
                .map(t -> t.toInstant().equals(occurrence))
                .orElse(false);
    }

    /** The guild's next digest time, in its zone. */
    public Optional<ZonedDateTime> nextDigest(Guild guild, Instant after) {
        Recurrence weekly = new Recurrence(
                Set.of(guild.digestDay()),
                guild.digestTime(),
                1,
                guild.createdAt().atZone(guild.zone()).toLocalDate(),
                guild.zone());
        return MomentCalendar.next(weekly, after, List.of(), null);
    }

    /** When the task is next planned to run, as Quartz holds it: what {@code schedules} shows. */
    public Optional<Instant> nextPlanned(Task task) {
        return scheduler.nextPlanned(task);
    }

    private void planDigest(Guild guild, Instant after) {
        nextDigest(guild, after).ifPresent(t -> scheduler.plan(new Task.Digest(guild.id()), t.toInstant()));
    }

    /** Plans any task at a given instant; for features that decide their own timing. */
    public void plan(Task task, Instant at) {
        scheduler.plan(task, at);
    }

    public void cancel(Task task) {
        scheduler.cancel(task);
    }

    /**
     * Makes sure every active schedule and every guild's digest has a planned occurrence. Run at start:
     * it repairs a plan lost between a committed change and its scheduling, marks done a schedule with nothing left
     * to start or finish, and leaves existing plans (including missed ones Quartz will fire late) alone.
     */
    public void reconcile() {
        Instant now = clock.instant();
        for (Guild guild : db.withHandle(guilds::all)) {
            if (!scheduler.isPlanned(new Task.Digest(guild.id()))) {
                planDigest(guild, now);
            }
            for (Schedule s : db.withHandle(h -> schedules.forGuild(h, guild))) {
                if (scheduler.isPlanned(new Task.Moment(s.id()))) {
                    continue;
                }
                Optional<ZonedDateTime> next = s.nextAfter(now, guild.zone(), skips(guild));
                if (next.isPresent()) {
                    scheduler.plan(new Task.Moment(s.id()), next.get().toInstant());
                } else if (s.startsNoneAfter(now, guild.zone())) {
                    // Nothing of its last occurrence is planned any more (its runs ended while its finish was lost,
                    // or before this version kept the two apart): it is finished.
                    db.useTransaction(h -> schedules.markDone(h, s.id()));
                }
            }
        }
    }

    private List<DateRange> skips(Guild guild) {
        return db.withHandle(h -> skips(h, guild));
    }

    private List<DateRange> skips(Handle h, Guild guild) {
        LocalDate today = clock.instant().atZone(guild.zone()).toLocalDate().minusDays(1);
        return schedules.skips(h, guild.id(), today);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}

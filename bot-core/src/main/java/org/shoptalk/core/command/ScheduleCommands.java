package org.shoptalk.core.command;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.Handle;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.i18n.Dates;
import org.shoptalk.core.schedule.DateRange;
import org.shoptalk.core.schedule.DaySpec;
import org.shoptalk.core.schedule.MomentClash;
import org.shoptalk.core.schedule.Schedule;
import org.shoptalk.core.schedule.ScheduleStore;
import org.shoptalk.core.schedule.Timing;
import org.shoptalk.core.task.Task;
import org.shoptalk.core.task.TaskPlanner;

/** schedule, schedule at, schedules, pause, resume, unschedule, skip, digest at. Leads only, except listing. */
public final class ScheduleCommands {
    static final int YEARS_AHEAD = 5;
    private final Database db;
    private final GuildStore guilds;
    private final ScheduleStore schedules;
    private final TaskPlanner planner;
    private final Clock clock;

    public ScheduleCommands(Database db, GuildStore guilds, ScheduleStore schedules, TaskPlanner planner, Clock clock) {
        this.db = db;
        this.guilds = guilds;
        this.schedules = schedules;
        this.planner = planner;
        this.clock = clock;
    }

    CommandReply weekly(Context ctx, Command.ScheduleWeekly c) {
        Guild g = ctx.requireLead(Syntax.SCHEDULE);
        LocalDate anchor =
                clock.instant().atZone(c.zone() != null ? c.zone() : g.zone()).toLocalDate();
        return add(
                ctx, g, new Timing.Weekly(c.days(), c.time(), c.everyWeeks(), anchor, c.zone()), c.theme(), c.anyway());
    }

    CommandReply once(Context ctx, Command.ScheduleOnce c) {
        Guild g = ctx.requireLead(Syntax.SCHEDULE_AT);
        withinReach(
                c.at().toLocalDate(),
                clock.instant().atZone(c.zone() != null ? c.zone() : g.zone()).toLocalDate(),
                Syntax.SCHEDULE_AT);
        Timing.Once timing = new Timing.Once(c.at(), c.zone());
        Instant at = org.shoptalk.core.schedule.MomentCalendar.resolve(
                        c.at().toLocalDate(), c.at().toLocalTime(), c.zone() != null ? c.zone() : g.zone())
                .toInstant();
        if (!at.isAfter(clock.instant())) {
            throw new CommandException(Syntax.SCHEDULE_AT, "error.past", c.at());
        }
        return add(ctx, g, timing, c.theme(), c.anyway());
    }

    private CommandReply add(
            Context ctx, Guild g, Timing timing, org.shoptalk.core.prompt.Theme theme, boolean anyway) {
        Schedule s = db.inTransaction(h -> {
            // Checked under the guild's row lock, so two leads typing the same moment at once cannot both add it.
            guilds.lock(h, g.id());
            refuseRepeats(
                    ctx, g, h, schedules, MomentClash.candidate(g.id(), timing, theme, clock.instant()), anyway, clock);
            long id = schedules.add(h, g, timing, theme, ctx.request().user(), clock.instant());
            Schedule added = schedules.find(h, g, id).orElseThrow();
            // Planned before the commit, so the two are one unit: when planning fails the schedule is not stored
            // either, and when the commit fails the orphan plan finds no schedule and does nothing.
            planner.planSchedule(added, g);
            return added;
        });
        List<ZonedDateTime> next = s.upcoming(clock.instant(), g.zone(), skips(g), 3);
        return ctx.reply("schedule.added", s.number(), describe(ctx, s, g), times(ctx, next, g));
    }

    /**
     * An exact duplicate is always refused; a moment in the same minute as another is refused unless the lead said
     * {@code anyway} (docs/scheduling.md, issue 12). Schedules, series and occasion templates all pass here; the
     * caller holds the guild's row lock.
     *
     * @throws CommandException naming the moment in the way and, for a clash, the first time both would post
     */
    static void refuseRepeats(
            Context ctx,
            Guild g,
            Handle h,
            ScheduleStore schedules,
            Schedule candidate,
            boolean anyway,
            java.time.Clock clock) {
        LocalDate today = clock.instant().atZone(g.zone()).toLocalDate();
        List<DateRange> skips = schedules.skips(h, g.id(), today.minusDays(1));
        MomentClash.Finding finding =
                MomentClash.check(candidate, schedules.forGuild(h, g), g.zone(), skips, clock.instant());
        finding.accept(new MomentClash.Finding.Visitor<Void>() {
            @Override
            public Void clear(MomentClash.Clear x) {
                return null;
            }

            @Override
            public Void duplicate(MomentClash.Duplicate d) {
                throw new CommandException(
                        "error.schedule.duplicate", d.existing().number(), describe(ctx, d.existing(), g));
            }

            @Override
            public Void clash(MomentClash.Clash c) {
                if (anyway) {
                    return null;
                }
                throw new CommandException(
                        "error.schedule.clash",
                        c.existing().number(),
                        describe(ctx, c.existing(), g),
                        times(ctx, List.of(c.at()), g),
                        ctx.request().text());
            }
        });
    }

    CommandReply list(Context ctx) {
        Guild g = ctx.requireGuild(Syntax.SCHEDULES);
        ChatMessage.Builder b = ChatMessage.builder().header(ctx.t("schedules.header", g.name()));
        section(ctx, g, "", true, b);
        return CommandReply.privately(b.build());
    }

    /**
     * A guild's moments with their next times, breaks and next digest, into {@code b}. {@code target} prefixes the
     * buttons' commands ("in:7 " on the Home, where no channel names the guild); {@code buttons} false leaves out
     * pause/resume for people who may not use them.
     */
    void section(Context ctx, Guild g, String target, boolean buttons, ChatMessage.Builder b) {
        List<Schedule> all = db.withHandle(h -> schedules.forGuild(h, g));
        List<DateRange> skips = skips(g);
        if (all.isEmpty()) {
            b.text(ctx.t("schedules.none"));
        }
        LocalDate today = clock.instant().atZone(g.zone()).toLocalDate();
        for (Schedule s : all) {
            // A pause until a date that has come is over, though the row still says paused.
            boolean paused =
                    s.paused() && (s.pausedUntil() == null || s.pausedUntil().isAfter(today));
            String state = paused
                    ? " "
                            + (s.pausedUntil() == null
                                    ? ctx.t("schedules.paused")
                                    : ctx.t("schedules.paused.until", s.pausedUntil()))
                    : "";
            List<ZonedDateTime> next = planned(s, g, skips);
            String nextText = next.isEmpty() ? ctx.t("schedules.next.none") : times(ctx, next, g);
            b.text(ctx.t("schedules.line", s.number(), describe(ctx, s, g), state, nextText));
            if (buttons) {
                b.button(
                        ctx.t(paused ? "button.resume" : "button.pause"),
                        target
                                + ctx.t(
                                        paused ? "usage.button.resume" : "usage.button.pause",
                                        String.valueOf(s.number())));
            }
        }
        if (!skips.isEmpty()) {
            b.context(ctx.t(
                    "schedules.skips",
                    skips.stream()
                            .map(r -> Dates.date(ctx.language(), r.from()) + " – " + Dates.date(ctx.language(), r.to()))
                            .collect(Collectors.joining(", "))));
        }
        planner.nextDigest(g, clock.instant())
                .ifPresent(d -> b.context(ctx.t("schedules.digest", times(ctx, List.of(d), g))));
    }

    /**
     * The next time as the scheduler really holds it (a retry included), not as the schedule says it should be. A
     * schedule that should have a next moment but has no plan (one lost between a committed change and its scheduling) is planned again
     * here, so what people read is also what will happen.
     */
    private List<ZonedDateTime> planned(Schedule s, Guild g, List<DateRange> skips) {
        Task.Moment task = new Task.Moment(s.id());
        Instant now = clock.instant();
        List<ZonedDateTime> computed = s.upcoming(now, g.zone(), skips, 1);
        Optional<Instant> planned = planner.nextPlanned(task);
        if (planned.isEmpty() && !computed.isEmpty()) {
            planner.planSchedule(s, g);
            planned = planner.nextPlanned(task);
        }
        if (planned.isPresent() && planned.get().isBefore(now)) {
            // Overdue: it runs at once (or is skipped past the grace), and then the schedule's next time follows.
            return computed;
        }
        return planned.map(t -> List.of(t.atZone(g.zone()))).orElse(List.of());
    }

    CommandReply pause(Context ctx, Command.Pause c) {
        Guild g = ctx.requireLead(Syntax.PAUSE);
        Schedule s = find(g, c.number(), Syntax.PAUSE);
        if (c.until() != null
                && !c.until().isAfter(clock.instant().atZone(g.zone()).toLocalDate())) {
            throw new CommandException(Syntax.PAUSE, "error.until.past", c.until());
        }
        if (c.until() != null) {
            withinReach(c.until(), clock.instant().atZone(g.zone()).toLocalDate(), Syntax.PAUSE);
        }
        Schedule paused = db.inTransaction(h -> {
            schedules.pause(h, s, c.until());
            return schedules.find(h, g, s.id()).orElseThrow();
        });
        planner.planSchedule(paused, g);
        return c.until() == null
                ? ctx.reply("schedule.paused", s.number())
                : ctx.reply("schedule.paused.until", s.number(), c.until());
    }

    CommandReply resume(Context ctx, Command.Resume c) {
        Guild g = ctx.requireLead(Syntax.RESUME);
        Schedule s = find(g, c.number(), Syntax.RESUME);
        Schedule resumed = db.inTransaction(h -> {
            schedules.resume(h, s);
            return schedules.find(h, g, s.id()).orElseThrow();
        });
        planner.planSchedule(resumed, g);
        List<ZonedDateTime> next = resumed.upcoming(clock.instant(), g.zone(), skips(g), 1);
        return ctx.reply(
                "schedule.resumed", s.number(), next.isEmpty() ? ctx.t("schedules.next.none") : times(ctx, next, g));
    }

    CommandReply unschedule(Context ctx, Command.Unschedule c) {
        Guild g = ctx.requireLead(Syntax.UNSCHEDULE);
        Schedule s = find(g, c.number(), Syntax.UNSCHEDULE);
        db.useTransaction(h -> schedules.remove(h, s));
        planner.cancelSchedule(s.id());
        return ctx.reply("schedule.removed", s.number());
    }

    CommandReply skip(Context ctx, Command.Skip c) {
        Guild g = ctx.requireLead(Syntax.SKIP);
        LocalDate today = clock.instant().atZone(g.zone()).toLocalDate();
        if (c.range().to().isBefore(today)) {
            throw new CommandException(Syntax.SKIP, "error.skip.past", c.range().to());
        }
        withinReach(c.range().to(), today, Syntax.SKIP);
        List<Schedule> all = db.inTransaction(h -> {
            schedules.addSkip(h, g, c.range(), ctx.request().user(), clock.instant());
            return schedules.forGuild(h, g);
        });
        all.forEach(s -> planner.planSchedule(s, g));
        return ctx.reply("schedule.skipped", c.range().from(), c.range().to());
    }

    CommandReply digestAt(Context ctx, Command.DigestAt c) {
        Guild g = ctx.requireLead(Syntax.DIGEST_AT);
        Guild updated = db.inTransaction(h -> {
            guilds.setDigestTime(h, g, c.day(), c.time());
            return guilds.find(h, g.tenant(), g.id()).orElseThrow();
        });
        planner.replanDigest(updated);
        return ctx.reply(
                "digest.at",
                ctx.t("day." + c.day().name().toLowerCase(Locale.ROOT)),
                c.time(),
                updated.zone().getId());
    }

    /**
     * Dates people type are planned at most {@value #YEARS_AHEAD} years ahead: further is a typo far more often
     * than a plan, and it keeps every date well inside what the scheduler and the databases can hold.
     */
    static void withinReach(LocalDate date, LocalDate today, Syntax syntax) {
        LocalDate last = today.plusYears(YEARS_AHEAD);
        if (date.isAfter(last)) {
            throw new CommandException(syntax, "error.date.far", date, YEARS_AHEAD, last);
        }
    }

    private Schedule find(Guild g, long number, Syntax syntax) {
        return db.withHandle(h -> schedules.findByNumber(h, g, number))
                .orElseThrow(() -> new CommandException(syntax, "error.schedule.unknown", number));
    }

    private List<DateRange> skips(Guild g) {
        return db.withHandle(h -> schedules.skips(
                h, g.id(), clock.instant().atZone(g.zone()).toLocalDate().minusDays(1)));
    }

    static String describe(Context ctx, Schedule s, Guild g) {
        String theme =
                s.theme() == null ? "" : ctx.t("schedule.theme", s.theme().label(ctx.language()));
        String zone = s.zoneOr(g.zone()).getId();
        return s.timing().accept(new Timing.Visitor<>() {
            @Override
            public String weekly(Timing.Weekly w) {
                String days = DaySpec.format(w.days(), ctx.language());
                if (w.everyWeeks() == 1 && DaySpec.labelRecursWeekly(w.days())) {
                    // "every day at 02:30" says it all; "every day at 02:30, every week" reads as a mistake
                    return ctx.t("schedule.daily", days, w.time(), zone) + theme;
                }
                String every = w.everyWeeks() == 1
                        ? ctx.t("schedule.every.week")
                        : ctx.t("schedule.every.weeks", w.everyWeeks());
                return ctx.t("schedule.weekly", days, w.time(), every, zone) + theme;
            }

            @Override
            public String once(Timing.Once o) {
                return ctx.t("schedule.once", o.at().toLocalDate(), o.at().toLocalTime(), zone) + theme;
            }
        });
    }

    /** Times as the guild reads them: in the guild's zone. */
    static String times(Context ctx, List<ZonedDateTime> times, Guild g) {
        return times.stream()
                        .map(t -> Dates.dateTime(ctx.language(), t.withZoneSameInstant(g.zone())))
                        .collect(Collectors.joining("; "))
                + " (" + g.zone().getId() + ")";
    }
}

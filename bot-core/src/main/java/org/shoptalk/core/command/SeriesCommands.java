package org.shoptalk.core.command;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.dialogue.Occasion;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.schedule.DateRange;
import org.shoptalk.core.schedule.MomentClash;
import org.shoptalk.core.schedule.Schedule;
import org.shoptalk.core.schedule.ScheduleStore;
import org.shoptalk.core.schedule.Timing;
import org.shoptalk.core.task.TaskPlanner;

/** occasion and series: moments that matter, and a theme walked in order over several weeks. Thread-safe. */
public final class SeriesCommands {
    static final LocalTime OCCASION_TIME = LocalTime.of(9, 30);

    private final Database db;
    private final GuildStore guilds;
    private final ScheduleStore schedules;
    private final TaskPlanner planner;
    private final Clock clock;

    public SeriesCommands(Database db, GuildStore guilds, ScheduleStore schedules, TaskPlanner planner, Clock clock) {
        this.db = db;
        this.guilds = guilds;
        this.schedules = schedules;
        this.planner = planner;
        this.clock = clock;
    }

    /** Anyone in the guild may start an occasion: reflection at natural moments belongs to the professionals. */
    CommandReply occasion(Context ctx, Command.Occasion c) {
        Guild g = ctx.requireMember(Syntax.OCCASION);
        Occasion occasion = Occasion.parse(c.kind())
                .orElseThrow(() -> new CommandException(Syntax.OCCASION, "error.occasion", c.kind()));
        LocalDate today = clock.instant().atZone(g.zone()).toLocalDate();
        LocalDate start = c.start() != null ? c.start() : today.plusDays(1);
        ScheduleCommands.withinReach(start, today, Syntax.OCCASION);
        List<DateRange> breaks = db.withHandle(h -> schedules.skips(h, g.id(), today));
        List<LocalDate> dates = occasion.dates(start, breaks)
                .orElseThrow(() -> new CommandException(Syntax.OCCASION, "error.occasion.nodays", start));
        LocalDate first = dates.get(0);
        if (first.isBefore(today)
                || (first.equals(today)
                        && !clock.instant().atZone(g.zone()).toLocalTime().isBefore(OCCASION_TIME))) {
            throw new CommandException(Syntax.OCCASION, "error.past", start + " " + OCCASION_TIME);
        }
        List<Schedule> created = db.inTransaction(h -> {
            // Each step is checked against the guild's moments and the steps stored before it, under the guild's
            // lock, as single moments are (issue 12); one refused step leaves none stored.
            guilds.lock(h, g.id());
            List<Schedule> out = new ArrayList<>();
            for (int i = 0; i < dates.size(); i++) {
                Timing.Once timing = new Timing.Once(LocalDateTime.of(dates.get(i), OCCASION_TIME), null);
                String promptId = occasion.steps().get(i).promptId();
                ScheduleCommands.refuseRepeats(
                        ctx,
                        g,
                        h,
                        schedules,
                        MomentClash.candidate(g.id(), timing, null, promptId, null, clock.instant()),
                        c.anyway(),
                        clock);
                long id = schedules.add(h, g, timing, null, ctx.request().user(), clock.instant());
                schedules.shape(h, id, promptId, null);
                out.add(schedules.find(h, g, id).orElseThrow());
            }
            return out;
        });
        List<ZonedDateTime> times = new ArrayList<>();
        for (Schedule s : created) {
            planner.planSchedule(s, g);
            times.addAll(s.upcoming(clock.instant(), g.zone(), List.of(), 1));
        }
        return ctx.reply(
                "occasion.planned", ctx.t("occasion." + occasion.key()), ScheduleCommands.times(ctx, times, g));
    }

    CommandReply series(Context ctx, Command.Series c) {
        Guild g = ctx.requireLead(Syntax.SERIES);
        LocalDate anchor = clock.instant().atZone(g.zone()).toLocalDate();
        Timing.Weekly timing = new Timing.Weekly(Set.of(c.day()), c.time(), 1, anchor, null);
        Schedule s = db.inTransaction(h -> {
            guilds.lock(h, g.id());
            ScheduleCommands.refuseRepeats(
                    ctx,
                    g,
                    h,
                    schedules,
                    MomentClash.candidate(g.id(), timing, c.theme(), null, c.moments(), clock.instant()),
                    c.anyway(),
                    clock);
            long id = schedules.add(h, g, timing, c.theme(), ctx.request().user(), clock.instant());
            schedules.shape(h, id, null, c.moments());
            return schedules.find(h, g, id).orElseThrow();
        });
        planner.planSchedule(s, g);
        List<ZonedDateTime> next = s.upcoming(clock.instant(), g.zone(), List.of(), 1);
        return ctx.reply(
                "series.planned",
                s.number(),
                c.moments(),
                c.theme().label(ctx.language()),
                ScheduleCommands.times(ctx, next, g));
    }
}

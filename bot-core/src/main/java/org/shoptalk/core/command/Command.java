package org.shoptalk.core.command;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.shoptalk.core.dialogue.CheckIn;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.prompt.Dimension;
import org.shoptalk.core.prompt.Theme;
import org.shoptalk.core.reminder.Intensity;
import org.shoptalk.core.reminder.QuietHours;
import org.shoptalk.core.schedule.DateRange;

/** A parsed command of the shared command language. Optional parts are null when not given. */
public sealed interface Command {

    /** Hands this command to the visitor's method for its record: the one exhaustive dispatch over commands. */
    <R> R accept(Visitor<R> v);

    /**
     * One method per command record. Java 17 has no pattern matching in {@code switch}, so this is how a dispatch
     * over commands is checked by the compiler: a new record adds its method here and its {@code accept}, and every
     * visitor (the routes in {@link CommandRoutes}) fails to compile until it says what the command does.
     */
    interface Visitor<R> {
        R help(Help c);

        R guildCreate(GuildCreate c);

        R guildInfo(GuildInfo c);

        R guildJoin(GuildJoin c);

        R guildLeave(GuildLeave c);

        R guildLeadAdd(GuildLeadAdd c);

        R guildChannelAdd(GuildChannelAdd c);

        R guildChannelRemove(GuildChannelRemove c);

        R scheduleWeekly(ScheduleWeekly c);

        R scheduleFormRequest(ScheduleFormRequest c);

        R scheduleOnce(ScheduleOnce c);

        R schedules(Schedules c);

        R pause(Pause c);

        R resume(Resume c);

        R unschedule(Unschedule c);

        R skip(Skip c);

        R momentNow(MomentNow c);

        R digestNow(DigestNow c);

        R digestAt(DigestAt c);

        R prompts(Prompts c);

        R promptAdd(PromptAdd c);

        R reminders(Reminders c);

        R quietHours(QuietHoursSetting c);

        R forgetMe(ForgetMe c);

        R connectSetting(ConnectSetting c);

        R goalStart(GoalStart c);

        R goals(Goals c);

        R anonAnswer(AnonAnswer c);

        R anonDelete(AnonDelete c);

        R pairsOptIn(PairsOptIn c);

        R pairsEvery(PairsEvery c);

        R pairsCheckIn(PairsCheckIn c);

        R occasion(Occasion c);

        R series(Series c);

        R intervisieMethods(IntervisieMethods c);

        R intervisieStart(IntervisieStart c);

        R intervisieAct(IntervisieAct c);

        R intervisieMethodAdd(IntervisieMethodAdd c);

        R intervisieMethodRemove(IntervisieMethodRemove c);

        R guildRetention(GuildRetention c);

        R guildAnonymity(GuildAnonymity c);

        R recordShow(RecordShow c);

        R recordExport(RecordExport c);

        R recordTime(RecordTime c);
    }

    record Help() implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.help(this);
        }
    }

    record GuildCreate(String name, Language language, ZoneId zone) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.guildCreate(this);
        }
    }

    record GuildInfo() implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.guildInfo(this);
        }
    }

    record GuildJoin() implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.guildJoin(this);
        }
    }

    record GuildLeave() implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.guildLeave(this);
        }
    }

    record GuildLeadAdd(Person person) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.guildLeadAdd(this);
        }
    }

    record GuildChannelAdd() implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.guildChannelAdd(this);
        }
    }

    record GuildChannelRemove() implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.guildChannelRemove(this);
        }
    }

    /** How many months the guild keeps answers and threads (issue 15, section 4). */
    record GuildRetention(int months) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.guildRetention(this);
        }
    }

    /** How many answers a round needs before details around an anonymous answer show (issue 15, section 4). */
    record GuildAnonymity(int answers) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.guildAnonymity(this);
        }
    }

    /** {@code anyway}: the lead accepts that it posts in the same minute as another moment (issue 12). */
    record ScheduleWeekly(Set<DayOfWeek> days, LocalTime time, int everyWeeks, ZoneId zone, Theme theme, boolean anyway)
            implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.scheduleWeekly(this);
        }
    }

    /** "schedule form": the person wants to plan a moment with a form rather than by typing. */
    record ScheduleFormRequest() implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.scheduleFormRequest(this);
        }
    }

    record ScheduleOnce(LocalDateTime at, ZoneId zone, Theme theme, boolean anyway) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.scheduleOnce(this);
        }
    }

    record Schedules() implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.schedules(this);
        }
    }

    record Pause(long number, LocalDate until) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.pause(this);
        }
    }

    record Resume(long number) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.resume(this);
        }
    }

    record Unschedule(long number) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.unschedule(this);
        }
    }

    record Skip(DateRange range) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.skip(this);
        }
    }

    record MomentNow(String promptId, Theme theme) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.momentNow(this);
        }
    }

    record DigestNow() implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.digestNow(this);
        }
    }

    record DigestAt(DayOfWeek day, LocalTime time) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.digestAt(this);
        }
    }

    record Prompts(Theme theme) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.prompts(this);
        }
    }

    record PromptAdd(String text, Theme theme) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.promptAdd(this);
        }
    }

    /** {@code reminders off|light|normal} ({@code on} is normal); {@code intensity} null: show the settings. */
    record Reminders(Intensity intensity) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.reminders(this);
        }
    }

    /** {@code quiet hours ...} (docs/rhythm.md); {@code quiet} null: show the settings. */
    record QuietHoursSetting(QuietHours quiet) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.quietHours(this);
        }
    }

    /** "forget me" shows what would go and what would stay; "forget me confirm" does it (issue 12). */
    record ForgetMe(boolean confirmed) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.forgetMe(this);
        }
    }

    /** {@code on} or {@code afterHours} is set, not both. */
    record ConnectSetting(Boolean on, Integer afterHours) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.connectSetting(this);
        }
    }

    record GoalStart() implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.goalStart(this);
        }
    }

    record Goals() implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.goals(this);
        }
    }

    record AnonAnswer(String text) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.anonAnswer(this);
        }
    }

    record AnonDelete() implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.anonDelete(this);
        }
    }

    record PairsOptIn(boolean on) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.pairsOptIn(this);
        }
    }

    /** 0 weeks: no more pairing. */
    /** A member's answer to their pair's check-in: {@code pairs met 12} (docs/rhythm.md). */
    record PairsCheckIn(long pairingId, CheckIn answer) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.pairsCheckIn(this);
        }
    }

    record PairsEvery(int weeks) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.pairsEvery(this);
        }
    }

    /** {@code anyway}: plan even where a step falls in the same minute as another moment (issue 12). */
    record Occasion(String kind, LocalDate start, boolean anyway) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.occasion(this);
        }
    }

    /** {@code anyway}: plan even in the same minute as another moment (issue 12). */
    record Series(Theme theme, int moments, DayOfWeek day, LocalTime time, boolean anyway) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.series(this);
        }
    }

    /** {@code intervisie} alone: the methods, one line each. */
    record IntervisieMethods() implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.intervisieMethods(this);
        }
    }

    /** A case brought with a method, named by one of its words. */
    record IntervisieStart(String method) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.intervisieStart(this);
        }
    }

    /** A lead adds the guild's own method: {@code source} is the pasted method file, as typed. */
    record IntervisieMethodAdd(String source) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.intervisieMethodAdd(this);
        }
    }

    /** A lead removes the guild's own method {@code id}. */
    record IntervisieMethodRemove(String id) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.intervisieMethodRemove(this);
        }
    }

    /** join, leave or next for session {@code id}; {@code action} is the word typed (any language). */
    record IntervisieAct(String action, long id) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.intervisieAct(this);
        }
    }

    /** The personal record (docs/record.md): shown, exported as files, or time noted for an intervisie. */
    sealed interface RecordCommand extends Command {}

    /** {@code record [DIMENSION]}: the record in private chat, all of it or one dimension. */
    record RecordShow(Dimension only) implements RecordCommand {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.recordShow(this);
        }
    }

    /** {@code record export [FROM..TO] [DIMENSION]}: private links to the PDF and Markdown; null period: the last year. */
    record RecordExport(DateRange period, Dimension only) implements RecordCommand {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.recordExport(this);
        }
    }

    /** {@code record time ID MINUTES}: the time the person spent on intervisie {@code id}. */
    record RecordTime(long id, int minutes) implements RecordCommand {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.recordTime(this);
        }
    }
}

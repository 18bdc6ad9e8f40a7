package org.shoptalk.core.command;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.prompt.Dimension;
import org.shoptalk.core.prompt.Theme;
import org.shoptalk.core.schedule.DateRange;

/** A parsed command of the shared command language. Optional parts are null when not given. */
public sealed interface Command {

    record Help() implements Command {}

    record GuildCreate(String name, Language language, ZoneId zone) implements Command {}

    record GuildInfo() implements Command {}

    record GuildJoin() implements Command {}

    record GuildLeave() implements Command {}

    record GuildLeadAdd(Person person) implements Command {}

    record GuildChannelAdd() implements Command {}

    record GuildChannelRemove() implements Command {}

    /** {@code anyway}: the lead accepts that it posts in the same minute as another moment (issue 12). */
    record ScheduleWeekly(Set<DayOfWeek> days, LocalTime time, int everyWeeks, ZoneId zone, Theme theme, boolean anyway)
            implements Command {}

    /** "schedule form": the person wants to plan a moment with a form rather than by typing. */
    record ScheduleFormRequest() implements Command {}

    record ScheduleOnce(LocalDateTime at, ZoneId zone, Theme theme, boolean anyway) implements Command {}

    record Schedules() implements Command {}

    record Pause(long number, LocalDate until) implements Command {}

    record Resume(long number) implements Command {}

    record Unschedule(long number) implements Command {}

    record Skip(DateRange range) implements Command {}

    record MomentNow(String promptId, Theme theme) implements Command {}

    record DigestNow() implements Command {}

    record DigestAt(DayOfWeek day, LocalTime time) implements Command {}

    record Prompts(Theme theme) implements Command {}

    record PromptAdd(String text, Theme theme) implements Command {}

    record Reminders(boolean on) implements Command {}

    record ForgetMe() implements Command {}

    /** {@code on} or {@code afterHours} is set, not both. */
    record ConnectSetting(Boolean on, Integer afterHours) implements Command {}

    record GoalStart() implements Command {}

    record Goals() implements Command {}

    record AnonAnswer(String text) implements Command {}

    record AnonDelete() implements Command {}

    record PairsOptIn(boolean on) implements Command {}

    /** 0 weeks: no more pairing. */
    record PairsEvery(int weeks) implements Command {}

    record Occasion(String kind, LocalDate start) implements Command {}

    record Series(Theme theme, int moments, DayOfWeek day, LocalTime time) implements Command {}

    /** {@code intervisie} alone: the methods, one line each. */
    record IntervisieMethods() implements Command {}

    /** A case brought with a method, named by one of its words. */
    record IntervisieStart(String method) implements Command {}

    /** join, leave or next for session {@code id}; {@code action} is the word typed (any language). */
    record IntervisieAct(String action, long id) implements Command {}

    /** The personal record (docs/record.md): shown, exported as files, or time noted for an intervisie. */
    sealed interface RecordCommand extends Command {}

    /** {@code record [DIMENSION]}: the record in private chat, all of it or one dimension. */
    record RecordShow(Dimension only) implements RecordCommand {}

    /** {@code record export [FROM..TO] [DIMENSION]}: private links to the PDF and Markdown; null period: the last year. */
    record RecordExport(DateRange period, Dimension only) implements RecordCommand {}

    /** {@code record time ID MINUTES}: the time the person spent on intervisie {@code id}. */
    record RecordTime(long id, int minutes) implements RecordCommand {}
}

package org.shoptalk.core.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Handle;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.prompt.Theme;

/** Schedules and holiday ranges of guilds. Lookups go through the guild, so they are tenant-scoped. Thread-safe. */
public final class ScheduleStore {
    private final GuildStore guilds;
    private static final String COLUMNS =
            "id, guild_number, guild_id, kind, days, local_time, every_weeks, anchor_date, at_local,"
                    + " time_zone, theme, paused, paused_until, done, created_at, prompt_id, series_left";

    public ScheduleStore(GuildStore guilds) {
        this.guilds = guilds;
    }

    /**
     * Stores a moment under the guild's next number (1, 2, 3 ... per guild; issue 12). The guild's row lock is held
     * until the transaction ends, so two moments added at once in one guild never draw the same number; the unique
     * (guild_id, guild_number) key stands behind it. Returns the global id, which tasks and rounds use.
     */
    public long add(Handle h, Guild guild, Timing timing, Theme theme, UserRef by, Instant now) {
        guilds.lock(h, guild.id());
        long number = h.count("SELECT COALESCE(MAX(guild_number), 0) + 1 FROM schedule WHERE guild_id = ?", guild.id());
        String zone = timing.zone() == null ? null : timing.zone().getId();
        String themeKey = theme == null ? null : theme.key();
        return timing.accept(new Timing.Visitor<>() {
            @Override
            public Long weekly(Timing.Weekly w) {
                return h.insert(
                        "INSERT INTO schedule (guild_id, guild_number, kind, days, local_time, every_weeks,"
                                + " anchor_date, time_zone, theme, paused, done, created_by, created_at)"
                                + " VALUES (?, ?, 'WEEKLY', ?, ?, ?, ?, ?, ?, FALSE, FALSE, ?, ?)",
                        guild.id(),
                        number,
                        days(w.days()),
                        w.time().toString(),
                        w.everyWeeks(),
                        w.anchor(),
                        zone,
                        themeKey,
                        by.id(),
                        now);
            }

            @Override
            public Long once(Timing.Once o) {
                return h.insert(
                        "INSERT INTO schedule (guild_id, guild_number, kind, at_local, time_zone, theme, paused, done,"
                                + " created_by, created_at) VALUES (?, ?, 'ONCE', ?, ?, ?, FALSE, FALSE, ?, ?)",
                        guild.id(),
                        number,
                        o.at().toString(),
                        zone,
                        themeKey,
                        by.id(),
                        now);
            }
        });
    }

    /** Pins a question to a schedule (occasions) or makes it a series of {@code seriesLeft} moments. */
    public void shape(Handle h, long scheduleId, String promptId, Integer seriesLeft) {
        h.update("UPDATE schedule SET prompt_id = ?, series_left = ? WHERE id = ?", promptId, seriesLeft, scheduleId);
    }

    /**
     * One moment of a series started; when none are left the series starts no more, and is done once the last one's
     * posts are finished ({@link #markDone}).
     */
    public void countDownSeries(Handle h, long scheduleId) {
        h.update(
                "UPDATE schedule SET series_left = series_left - 1 WHERE id = ? AND series_left IS NOT NULL",
                scheduleId);
    }

    public Optional<Schedule> find(Handle h, Guild guild, long id) {
        return h.queryOne(
                "SELECT " + COLUMNS + " FROM schedule WHERE guild_id = ? AND id = ?",
                ScheduleStore::map,
                guild.id(),
                id);
    }

    /** A moment by the number people see and type ({@code pause 2}), within this guild only. */
    public Optional<Schedule> findByNumber(Handle h, Guild guild, long number) {
        return h.queryOne(
                "SELECT " + COLUMNS + " FROM schedule WHERE guild_id = ? AND guild_number = ?",
                ScheduleStore::map,
                guild.id(),
                number);
    }

    /** A schedule by id for the scheduler, which acts for no person and holds only ids. */
    public Optional<Schedule> findForTask(Handle h, long id) {
        return h.queryOne("SELECT " + COLUMNS + " FROM schedule WHERE id = ?", ScheduleStore::map, id);
    }

    public List<Schedule> forGuild(Handle h, Guild guild) {
        return h.query(
                "SELECT " + COLUMNS + " FROM schedule WHERE guild_id = ? AND done = FALSE ORDER BY guild_number",
                ScheduleStore::map,
                guild.id());
    }

    public void pause(Handle h, Schedule s, LocalDate until) {
        h.update("UPDATE schedule SET paused = TRUE, paused_until = ? WHERE id = ?", until, s.id());
    }

    public void resume(Handle h, Schedule s) {
        h.update("UPDATE schedule SET paused = FALSE, paused_until = NULL WHERE id = ?", s.id());
    }

    /** The schedule is finished: it starts no occurrence any more and its last one's posts are finished. */
    public void markDone(Handle h, long scheduleId) {
        h.update("UPDATE schedule SET done = TRUE WHERE id = ?", scheduleId);
    }

    public void remove(Handle h, Schedule s) {
        h.update("DELETE FROM schedule WHERE id = ?", s.id());
    }

    public long addSkip(Handle h, Guild guild, DateRange range, UserRef by, Instant now) {
        return h.insert(
                "INSERT INTO skip_range (guild_id, from_date, to_date, created_by, created_at) VALUES (?, ?, ?, ?, ?)",
                guild.id(),
                range.from(),
                range.to(),
                by.id(),
                now);
    }

    /** Holiday ranges that have not ended before {@code today}. */
    public List<DateRange> skips(Handle h, long guildId, LocalDate today) {
        return h.query(
                "SELECT from_date, to_date FROM skip_range WHERE guild_id = ? AND to_date >= ? ORDER BY from_date",
                rs -> new DateRange(Handle.date(rs, "from_date"), Handle.date(rs, "to_date")),
                guildId,
                today);
    }

    private static String days(java.util.Set<DayOfWeek> days) {
        return days.stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
    }

    private static Schedule map(ResultSet rs) throws SQLException {
        String zoneId = rs.getString("time_zone");
        ZoneId zone = zoneId == null ? null : ZoneId.of(zoneId);
        Timing timing = switch (rs.getString("kind")) {
            case "WEEKLY" ->
                new Timing.Weekly(
                        Arrays.stream(rs.getString("days").split(","))
                                .map(DayOfWeek::valueOf)
                                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class))),
                        LocalTime.parse(rs.getString("local_time")),
                        rs.getInt("every_weeks"),
                        Handle.date(rs, "anchor_date"),
                        zone);
            case "ONCE" -> new Timing.Once(LocalDateTime.parse(rs.getString("at_local")), zone);
            default -> throw new IllegalStateException("unknown schedule kind " + rs.getString("kind"));
        };
        String theme = rs.getString("theme");
        return new Schedule(
                rs.getLong("id"),
                rs.getInt("guild_number"),
                rs.getLong("guild_id"),
                timing,
                theme == null ? null : Theme.parse(theme).orElse(null),
                rs.getBoolean("paused"),
                Handle.date(rs, "paused_until"),
                rs.getBoolean("done"),
                Handle.instant(rs, "created_at"),
                rs.getString("prompt_id"),
                rs.getObject("series_left", Integer.class));
    }

    /** "forget me"'s preview: the moments and skipped periods the person created in this tenant (they stay). */
    public int countCreatedBy(Handle h, UserRef person) {
        int n = 0;
        for (String table : List.of("schedule", "skip_range")) {
            n += (int) h.count(
                    "SELECT COUNT(*) FROM " + table
                            + " WHERE created_by = ? AND guild_id IN (SELECT id FROM guild WHERE tenant = ?)",
                    person.id(),
                    person.tenant().key());
        }
        return n;
    }

    /**
     * "forget me" (see {@link org.shoptalk.core.privacy.Forgetting}): the moments and skipped periods the person
     * created in this tenant stay, without their name. Returns how many.
     */
    public int forgetCreator(Handle h, UserRef person) {
        int n = 0;
        for (String table : List.of("schedule", "skip_range")) {
            n += h.update(
                    "UPDATE " + table
                            + " SET created_by = '' WHERE created_by = ? AND guild_id IN (SELECT id FROM guild WHERE tenant = ?)",
                    person.id(),
                    person.tenant().key());
        }
        return n;
    }
}

package org.shoptalk.core.command;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.Excerpt;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.i18n.Dates;
import org.shoptalk.core.intervisie.Intervisies;
import org.shoptalk.core.prompt.Dimension;
import org.shoptalk.core.record.PersonalRecord;
import org.shoptalk.core.record.RecordLinks;
import org.shoptalk.core.record.RecordTokens;
import org.shoptalk.core.record.Records;
import org.shoptalk.core.reminder.Rhythms;

/**
 * record, record export and record time (docs/record.md). The record and its links are shown in the private chat
 * only: typed in a channel, the person is asked, privately, to ask there. Thread-safe.
 */
public final class RecordCommands {
    /** What the chat shows of each part; the export has everything. */
    static final int SHOWN = 5;

    private static final int PIECE = 160;

    private final Records records;
    private final Supplier<RecordLinks> links;
    private final Intervisies intervisies;
    private final Clock clock;
    private final Database db;
    private final Rhythms rhythms;

    public RecordCommands(
            Records records,
            Supplier<RecordLinks> links,
            Intervisies intervisies,
            Clock clock,
            Database db,
            Rhythms rhythms) {
        this.db = db;
        this.rhythms = rhythms;
        this.records = records;
        this.links = links;
        this.intervisies = intervisies;
        this.clock = clock;
    }

    /** {@code record time ID MINUTES}: noted wherever it is typed; the answer comes privately. */
    CommandReply time(Context ctx, Command.RecordTime x) {
        Guild g = ctx.requireGuild(Syntax.RECORD_TIME);
        return CommandReply.privately(ChatMessage.text(intervisies
                .reportTime(g, x.id(), ctx.request().user(), x.minutes())
                .text()));
    }

    /** {@code record [DIMENSION]}: only in private chat, so nothing of the record shows in a channel. */
    CommandReply show(Context ctx, Command.RecordShow x) {
        return ctx.request().channel() != null ? ctx.reply("record.private.only") : show(ctx, x.only());
    }

    /** {@code record export ...}: only in private chat, so the links are never shown in a channel. */
    CommandReply export(Context ctx, Command.RecordExport x) {
        return ctx.request().channel() != null ? ctx.reply("record.private.only") : exportLinks(ctx, x);
    }

    private CommandReply show(Context ctx, Dimension only) {
        ZoneId zone = zone(ctx);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        PersonalRecord r = records.build(
                ctx.request().user(), ctx.language(), zone, today.minusYears(1).plusDays(1), today, only);
        ChatMessage.Builder b = ChatMessage.builder()
                .header(ctx.t("record.title"))
                .context(ctx.t("record.period", r.from(), r.to())
                        + (only == null ? "" : " · " + ctx.t("record.only", ctx.t(only.labelKey()))));
        StringBuilder totals = new StringBuilder();
        totals.append(ctx.t("record.total.sessions", r.sessions().size(), ctx.t("record.hours", r.minutes() / 60.0)));
        if (r.unreported() > 0) {
            totals.append('\n').append(ctx.t("record.total.unreported", r.unreported()));
        }
        r.answeredPerDimension().forEach((d, n) -> {
            if (only == null || only == d) {
                totals.append('\n').append(ctx.t("record.total.dimension", ctx.t(d.labelKey()), n));
            }
        });
        b.text(totals.toString());
        List<PersonalRecord.AnswerEntry> answers = latest(r.answers());
        if (!answers.isEmpty()) {
            StringBuilder lines = new StringBuilder(ctx.t("record.answers"));
            for (PersonalRecord.AnswerEntry a : answers) {
                lines.append('\n')
                        .append(ctx.t(
                                a.anonymous() ? "record.chat.answer.anonymous" : "record.chat.answer",
                                day(ctx, a.at(), zone),
                                Excerpt.line(a.question(), PIECE),
                                Excerpt.line(a.text(), PIECE)));
            }
            b.text(lines.toString());
        }
        List<PersonalRecord.GoalEntry> goals = latest(r.goals());
        if (!goals.isEmpty()) {
            StringBuilder lines = new StringBuilder(ctx.t("record.goals"));
            for (PersonalRecord.GoalEntry g : goals) {
                long answered =
                        g.reviews().stream().filter(v -> v.myAnswer() != null).count();
                lines.append('\n')
                        .append(ctx.t(
                                "record.chat.goal",
                                day(ctx, g.setAt(), zone),
                                Excerpt.line(g.statement(), PIECE),
                                g.reviews().size(),
                                answered));
            }
            b.text(lines.toString());
        }
        List<PersonalRecord.SessionEntry> sessions = latest(r.sessions());
        if (!sessions.isEmpty()) {
            StringBuilder lines = new StringBuilder(ctx.t("record.sessions"));
            for (PersonalRecord.SessionEntry s : sessions) {
                lines.append('\n')
                        .append(ctx.t(
                                "record.chat.session",
                                day(ctx, s.startedAt(), zone),
                                s.method(),
                                s.id(),
                                ctx.t(s.bringer() ? "record.role.bringer" : "record.role.participant"),
                                s.minutes() == null
                                        ? ctx.t("record.time.none")
                                        : ctx.t("record.time.reported", s.minutes()),
                                s.takeaways().size()));
            }
            b.text(lines.toString());
        }
        if (r.answers().isEmpty() && r.goals().isEmpty() && r.sessions().isEmpty()) {
            b.text(ctx.t("record.empty"));
        }
        // The rhythm that brings the moments of this record, and how to change it (docs/rhythm.md).
        UserRef user = ctx.request().user();
        b.context(RhythmText.summary(
                ctx,
                db.withHandle(h -> rhythms.of(h, user)),
                rhythms.platformZone(user),
                ctx.guild() == null ? null : ctx.guild().zone()));
        return CommandReply.privately(b.context(ctx.t("record.chat.more")).build());
    }

    private CommandReply exportLinks(Context ctx, Command.RecordExport c) {
        ZoneId zone = zone(ctx);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate from = c.period() == null
                ? today.minusYears(1).plusDays(1)
                : c.period().from();
        LocalDate to = c.period() == null ? today : c.period().to();
        Optional<RecordLinks.Links> made = links.get()
                .forRecord(new RecordTokens.Grant(
                        ctx.request().user(), ctx.language(), zone, from, to, c.only(), clock.instant()));
        if (made.isEmpty()) {
            return ctx.reply("record.export.off");
        }
        RecordLinks.Links l = made.get();
        return CommandReply.privately(ChatMessage.builder()
                .text(ctx.t("record.export.ready", from, to, l.expiresAt().atZone(zone)))
                .link(ctx.t("record.link.pdf"), l.pdf())
                .link(ctx.t("record.link.markdown"), l.markdown())
                .context(ctx.t("record.export.private"))
                .build());
    }

    private static ZoneId zone(Context ctx) {
        return ctx.guild() == null ? ZoneOffset.UTC : ctx.guild().zone();
    }

    private static String day(Context ctx, java.time.Instant at, ZoneId zone) {
        return Dates.date(ctx.language(), at.atZone(zone).toLocalDate());
    }

    private static <T> List<T> latest(List<T> all) {
        return all.subList(Math.max(0, all.size() - SHOWN), all.size());
    }
}

package org.shoptalk.core.digest;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Handle;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.round.Answer;
import org.shoptalk.core.round.AnswerStore;
import org.shoptalk.core.round.Round;
import org.shoptalk.core.round.RoundPost;
import org.shoptalk.core.round.RoundStore;
import org.shoptalk.core.schedule.Schedule;
import org.shoptalk.core.schedule.ScheduleStore;

/** Reads a guild's rounds and answers of a period into a {@link Digest}. Thread-safe. */
public final class DigestBuilder {
    private final RoundStore rounds;
    private final AnswerStore answers;
    private final ScheduleStore schedules;

    public DigestBuilder(RoundStore rounds, AnswerStore answers, ScheduleStore schedules) {
        this.rounds = rounds;
        this.answers = answers;
        this.schedules = schedules;
    }

    public Digest build(Handle h, Guild guild, Instant from, Instant to, Function<UserRef, String> names) {
        List<Digest.RoundSummary> summaries = new ArrayList<>();
        Set<UserRef> participants = new HashSet<>();
        int responses = 0;
        for (Round round : rounds.openedBetween(h, guild.id(), from, to)) {
            List<String> links = rounds.posts(h, round.id()).stream()
                    .filter(p -> p.state() == RoundPost.State.POSTED)
                    .map(RoundPost::permalink).filter(Objects::nonNull).toList();
            List<Digest.AnswerLine> lines = new ArrayList<>();
            for (Answer a : answers.forRound(h, round.id())) {
                participants.add(a.author());
                if (a.respondsTo() != null) {
                    responses++;
                }
                lines.add(new Digest.AnswerLine(names.apply(a.author()), a.text(),
                        a.respondsTo() == null ? null : names.apply(a.respondsTo()), a.editedAt() != null));
            }
            summaries.add(new Digest.RoundSummary(round, links, lines));
        }
        return new Digest(guild, from, to, summaries, participants.size(), responses, upcoming(h, guild, to, 3));
    }

    /** The next moments planned across the guild's schedules, soonest first. */
    public List<ZonedDateTime> upcoming(Handle h, Guild guild, Instant after, int count) {
        var skips = schedules.skips(h, guild.id(), after.atZone(guild.zone()).toLocalDate());
        List<ZonedDateTime> all = new ArrayList<>();
        for (Schedule s : schedules.forGuild(h, guild)) {
            all.addAll(s.upcoming(after, guild.zone(), skips, count));
        }
        return all.stream().sorted(Comparator.comparing(ZonedDateTime::toInstant)).limit(count)
                .map(t -> t.withZoneSameInstant(guild.zone())).toList();
    }
}

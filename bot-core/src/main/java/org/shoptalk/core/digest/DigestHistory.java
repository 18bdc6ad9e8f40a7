package org.shoptalk.core.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.shoptalk.core.chat.Platforms;
import org.shoptalk.core.chat.QuotedText;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.Handle;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.intervisie.Intervisies;
import org.shoptalk.core.round.Answer;
import org.shoptalk.core.round.AnswerStore;
import org.shoptalk.core.round.AnswerText;
import org.shoptalk.core.round.Attribution;
import org.shoptalk.core.round.Round;
import org.shoptalk.core.round.RoundPost;
import org.shoptalk.core.round.RoundStore;

/**
 * Reads a guild's digest history for the web page and the exports: every round of a period with its
 * answers in thread order, and week-by-week counts of who took part and how often people responded to
 * each other. It reads what is stored now, so an edited answer reads as edited and a deleted one is gone.
 * Thread-safe.
 */
public final class DigestHistory {
    private final Database db;
    private final GuildStore guilds;
    private final RoundStore rounds;
    private final AnswerStore answers;
    private final Function<UserRef, String> names;

    public DigestHistory(
            Database db, GuildStore guilds, RoundStore rounds, AnswerStore answers, Function<UserRef, String> names) {
        this.db = Objects.requireNonNull(db);
        this.guilds = guilds;
        this.rounds = rounds;
        this.answers = answers;
        this.names = names;
    }

    /** A reader that names people by their platform id: for exports made without a chat platform at hand. */
    public static DigestHistory withIds(Database db) {
        return new DigestHistory(db, new GuildStore(), new RoundStore(), new AnswerStore(), UserRef::id);
    }

    /** Names people as their chat platform shows them, falling back to their id when the platform cannot say. */
    public static Function<UserRef, String> displayNames(Platforms platforms) {
        return platforms::displayName;
    }

    /**
     * A period of a guild's history: the rounds opened in it and the intervisies that finished in it, oldest first.
     * An intervisie carries only its count and the takeaways shared by choice, unattributed (docs/intervisie.md).
     */
    public record Period(
            Guild guild, Instant from, Instant to, List<RoundEntry> rounds, List<Intervisies.Finished> intervisies) {
        public Period {
            rounds = List.copyOf(rounds);
            intervisies = List.copyOf(intervisies);
        }

        /** A period without intervisie. */
        public Period(Guild guild, Instant from, Instant to, List<RoundEntry> rounds) {
            this(guild, from, to, rounds, List.of());
        }

        public int answerCount() {
            return rounds.stream().mapToInt(r -> r.answers().size()).sum();
        }
    }

    /** A round as it was asked, with links to its threads and its answers in thread order. */
    public record RoundEntry(
            long id,
            Instant openedAt,
            Instant closesAt,
            String theme,
            String prompt,
            String why,
            List<ThreadLink> threads,
            List<AnswerEntry> answers) {
        public RoundEntry {
            threads = List.copyOf(threads);
            answers = List.copyOf(answers);
        }
    }

    /** Where a round's thread can be opened in chat. */
    public record ThreadLink(String channelId, String url) {}

    /**
     * One answer: its words, where its thread opens ({@code threadUrl}, null when the thread has no link), and
     * what readers may know about who wrote it and when, by the rule of {@link Attribution} that the chat digest
     * follows too: an anonymous answer has no author id, is from "a colleague" and is dated to the day only,
     * in the guild's time zone.
     */
    public record AnswerEntry(long id, Attribution.Byline by, String text, String threadUrl) {
        public AnswerEntry {
            Objects.requireNonNull(by);
        }
    }

    /** One week (Monday to Sunday in the guild's time zone): how many people answered, and how many answers responded to a colleague. */
    public record Week(LocalDate monday, int participants, int repliesBetweenPeople) {}

    /** The guild with this id, whatever its tenant: the caller must already hold the right to read it. */
    public Optional<Guild> guild(long guildId) {
        return db.withHandle(h -> guilds.findForTask(h, guildId));
    }

    /** The rounds opened after {@code from} up to and including {@code to}, with their answers as they are now. */
    public Period read(Guild guild, Instant from, Instant to) {
        Function<UserRef, String> cached = memo();
        return db.withHandle(h -> {
            List<RoundEntry> entries = new ArrayList<>();
            Attribution attribution = new Attribution(guild, cached);
            for (Round round : rounds.openedBetween(h, guild.id(), from, to)) {
                entries.add(entry(h, round, attribution, guild, cached));
            }
            return new Period(guild, from, to, entries, Intervisies.finished(h, guild.id(), from, to));
        });
    }

    /**
     * The {@code count} weeks up to and including the week {@code end} falls in, oldest first. Only answers
     * posted before {@code end} count, so a page for an earlier digest shows what that digest knew.
     */
    public List<Week> weekly(Guild guild, Instant end, int count) {
        LocalDate lastMonday =
                end.atZone(guild.zone()).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate firstMonday = lastMonday.minusWeeks(count - 1L);
        Instant from = firstMonday.atStartOfDay(guild.zone()).toInstant();
        List<AnswerStore.Activity> posted = db.withHandle(h -> answers.activityBetween(h, guild.id(), from, end));
        Map<LocalDate, Set<String>> people = new LinkedHashMap<>();
        Map<LocalDate, Integer> replies = new HashMap<>();
        for (int i = 0; i < count; i++) {
            people.put(firstMonday.plusWeeks(i), new HashSet<>());
        }
        for (AnswerStore.Activity a : posted) {
            LocalDate monday =
                    a.at().atZone(guild.zone()).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            Set<String> week = people.get(monday);
            if (week == null) {
                continue;
            }
            week.add(a.authorId());
            if (a.reply()) {
                replies.merge(monday, 1, Integer::sum);
            }
        }
        List<Week> weeks = new ArrayList<>();
        people.forEach((monday, who) -> weeks.add(new Week(monday, who.size(), replies.getOrDefault(monday, 0))));
        return weeks;
    }

    /**
     * The start of the week-long period ending at {@code end} and the {@code weeks - 1} weeks before it: the same
     * local time that many calendar weeks earlier in {@code zone}. A week across a daylight-saving change is then
     * 167 or 169 hours, so each weekly digest starts exactly where the one before it ended.
     */
    public static Instant periodStart(Instant end, int weeks, ZoneId zone) {
        return end.atZone(zone).minusWeeks(weeks).toInstant();
    }

    private RoundEntry entry(
            Handle h, Round round, Attribution attribution, Guild guild, Function<UserRef, String> names) {
        Map<String, String> linkByChannel = new LinkedHashMap<>();
        for (RoundPost post : rounds.posts(h, round.id())) {
            if (post.state() == RoundPost.State.POSTED && post.permalink() != null) {
                linkByChannel.put(post.channel().id(), post.permalink());
            }
        }
        List<ThreadLink> links = linkByChannel.entrySet().stream()
                .map(e -> new ThreadLink(e.getKey(), e.getValue()))
                .toList();
        List<Answer> all = answers.forRound(h, round.id());
        List<Attribution.Byline> bylines = attribution.round(all);
        List<AnswerEntry> lines = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Answer a = all.get(i);
            lines.add(new AnswerEntry(
                    a.id(),
                    bylines.get(i),
                    // Read again elsewhere, a mention is the person's name, as in the chat digest.
                    QuotedText.withoutMentions(
                            AnswerText.shown(a, guild.language()), id -> names.apply(new UserRef(guild.tenant(), id))),
                    linkByChannel.get(a.channel().id())));
        }
        return new RoundEntry(
                round.id(),
                round.openedAt(),
                round.closesAt(),
                round.theme().key(),
                round.promptText(),
                round.promptWhy(),
                links,
                lines);
    }

    // One page asks for the same few people many times; a platform lookup may be a network call.
    private Function<UserRef, String> memo() {
        Map<UserRef, String> seen = new HashMap<>();
        return user -> seen.computeIfAbsent(user, names);
    }
}

package org.shoptalk.core.record;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.dialogue.Pseudonyms;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.intervisie.GuildMethods;
import org.shoptalk.core.intervisie.Method;
import org.shoptalk.core.intervisie.MethodLibrary;
import org.shoptalk.core.prompt.Dimension;
import org.shoptalk.core.prompt.PromptLibrary;
import org.shoptalk.core.record.PersonalRecord.AnswerEntry;
import org.shoptalk.core.record.PersonalRecord.GoalEntry;
import org.shoptalk.core.record.PersonalRecord.Review;
import org.shoptalk.core.record.PersonalRecord.SessionEntry;

/**
 * Builds a person's reflection record (issue 15, section 2; docs/record.md) from what is stored: their answers with
 * the questions as asked, the goals they set with the accountability moments that followed, the intervisie sessions
 * they are in with their own takeaways and reported time.
 *
 * <p>Anonymous answers are stored under a keyed pseudonym per (workspace, person, round) ({@link Pseudonyms}), never
 * under the person. The record computes this person's pseudonyms for every round of the tenant that was open in the
 * period and reads only the answers stored under them: the lookup needs the person's own id and the key, so an
 * anonymous answer shows up in its author's record and in no one else's. Thread-safe.
 */
public final class Records {
    private final Database db;
    private final PromptLibrary prompts;
    private final GuildMethods guildMethods;
    private final Pseudonyms pseudonyms;
    private final RecordStore store = new RecordStore();

    public Records(Database db, PromptLibrary prompts, MethodLibrary methods, Pseudonyms pseudonyms) {
        this.db = db;
        this.prompts = prompts;
        this.guildMethods = new GuildMethods(methods);
        this.pseudonyms = pseudonyms;
    }

    /**
     * The record of {@code person} for the days {@code from} to {@code to} (both included) in {@code zone}, in
     * {@code language}; only entries touching {@code only} when it is not null.
     */
    public PersonalRecord build(
            UserRef person, Language language, ZoneId zone, LocalDate from, LocalDate to, Dimension only) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        return db.withHandle(h -> {
            List<AnswerEntry> answers = new ArrayList<>();
            store.namedAnswers(h, person, start, end).forEach(r -> answers.add(entry(r, false)));
            Map<String, Long> mine = new HashMap<>();
            for (long roundId : store.roundsOpenIn(h, person.tenant().key(), start, end)) {
                pseudonyms.candidates(person, roundId).forEach(p -> mine.put(p, roundId));
            }
            store.anonymousAnswers(h, mine.keySet(), start, end).stream()
                    .filter(r -> Long.valueOf(r.roundId()).equals(mine.get(r.author())))
                    .forEach(r -> answers.add(entry(r, true)));
            answers.sort(Comparator.comparing(AnswerEntry::at));
            Map<Long, String> answerByRound = new HashMap<>();
            answers.forEach(a -> answerByRound.putIfAbsent(a.roundId(), a.text()));

            List<GoalEntry> goals = new ArrayList<>();
            if (only == null || only == Dimension.NORMATIVE) {
                for (RecordStore.GoalRow g : store.goals(h, person, start, end, from, to)) {
                    List<Review> reviews = store.reviews(h, g.id()).stream()
                            .map(r -> new Review(r.openedAt(), answerByRound.get(r.roundId())))
                            .toList();
                    goals.add(new GoalEntry(g.id(), g.createdAt(), g.statement(), g.forWhom(), g.reviewOn(), reviews));
                }
            }

            Map<Long, List<String>> takeaways = new LinkedHashMap<>();
            store.takeaways(h, person)
                    .forEach(t -> takeaways
                            .computeIfAbsent(t.sessionId(), k -> new ArrayList<>())
                            .add(t.text()));
            List<SessionEntry> sessions = new ArrayList<>();
            Map<Long, MethodLibrary> libraries = new HashMap<>();
            for (RecordStore.SessionRow s : store.sessions(h, person, start, end)) {
                // The session's guild's methods, its own among them (removed since, too), so a guild's method reads as
                // the guild named it.
                Method method = libraries
                        .computeIfAbsent(s.guildId(), g -> guildMethods.library(h, g))
                        .byId(s.method())
                        .or(() -> guildMethods.removed(h, s.guildId(), s.method()))
                        .orElse(null);
                Set<Dimension> dims = method == null ? Set.of() : method.dimensions();
                if (only != null && !dims.contains(only)) {
                    continue;
                }
                sessions.add(new SessionEntry(
                        s.id(),
                        s.startedAt(),
                        method == null ? s.method() : method.name(language),
                        s.bringer().equals(person.id()),
                        "FINISHED".equals(s.state()),
                        s.minutes(),
                        dims,
                        takeaways.getOrDefault(s.id(), List.of())));
            }
            List<AnswerEntry> shown = only == null
                    ? answers
                    : answers.stream()
                            .filter(a -> a.dimensions().contains(only))
                            .toList();
            return new PersonalRecord(language, zone, from, to, only, shown, goals, sessions);
        });
    }

    private AnswerEntry entry(RecordStore.AnswerRow r, boolean anonymous) {
        Set<Dimension> dims =
                prompts.byId(r.promptId()).map(p -> p.dimensions()).orElseGet(() -> Dimension.forTheme(r.theme()));
        return new AnswerEntry(r.roundId(), r.postedAt(), r.guild(), r.question(), r.text(), dims, anonymous);
    }
}

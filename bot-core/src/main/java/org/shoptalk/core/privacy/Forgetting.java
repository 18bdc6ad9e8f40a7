package org.shoptalk.core.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shoptalk.core.chat.Posted;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Handle;
import org.shoptalk.core.dialogue.ConversationStore;
import org.shoptalk.core.dialogue.GoalStore;
import org.shoptalk.core.dialogue.PairingStore;
import org.shoptalk.core.dialogue.Pseudonyms;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.intervisie.IntervisieStore;
import org.shoptalk.core.prompt.CustomPromptStore;
import org.shoptalk.core.reminder.ReminderStore;
import org.shoptalk.core.round.Answer;
import org.shoptalk.core.round.AnswerStore;
import org.shoptalk.core.round.Round;
import org.shoptalk.core.round.RoundPost;
import org.shoptalk.core.round.RoundStore;
import org.shoptalk.core.schedule.ScheduleStore;

/**
 * "forget me", by asking each store (issue 14: "a person's data is removed by asking each store"; issue 12: say what
 * goes and what stays before doing it).
 *
 * <p><b>The per-store pattern.</b> A store that keeps something about a person owns, over its own tables, a pair of
 * methods that take the caller's {@link Handle} (so one transaction spans every store): a count for the preview
 * ({@code count…(Handle, UserRef)}) and {@code forget…(Handle, UserRef)}, which deletes or anonymises and returns how
 * many rows it changed. This class is the one place that lists them: a store that starts keeping personal data adds
 * its pair here, and {@code ForgetMeTest} checks nothing of the person is left. Time-based retention follows the same
 * shape: {@code purge…(Handle, Instant before)} on the store that owns the table.
 *
 * <p>Stateless apart from the stores it asks; thread-safe.
 */
public final class Forgetting {
    private final Pseudonyms pseudonyms;
    private final GuildStore guilds;
    private final RoundStore rounds;
    private final AnswerStore answers;
    private final GoalStore goals = new GoalStore();
    private final ConversationStore conversations = new ConversationStore();
    private final PairingStore pairings = new PairingStore();
    private final IntervisieStore intervisies = new IntervisieStore();
    private final ReminderStore reminders = new ReminderStore();
    private final CustomPromptStore prompts;
    private final ScheduleStore schedules;

    public Forgetting(
            Pseudonyms pseudonyms,
            GuildStore guilds,
            RoundStore rounds,
            AnswerStore answers,
            ScheduleStore schedules,
            CustomPromptStore prompts) {
        this.pseudonyms = pseudonyms;
        this.guilds = guilds;
        this.rounds = rounds;
        this.answers = answers;
        this.schedules = schedules;
        this.prompts = prompts;
    }

    /** What "forget me" would remove and keep for this person now; reads only. */
    public PersonalData preview(Handle h, UserRef person) {
        PairingStore.Counts pairs = pairings.count(h, person);
        IntervisieStore.Counts sessions = intervisies.count(h, person);
        return new PersonalData(
                answers.countBy(h, person),
                anonymous(h, person).size(),
                guilds.countMemberships(h, person),
                sessions.joined(),
                conversations.countFor(h, person),
                reminders.settings(h, person),
                pairs.optIns(),
                answers.countRespondingTo(h, person),
                goals.countCreatedBy(h, person),
                pairs.pairings(),
                guilds.countCreatedBy(h, person)
                        + schedules.countCreatedBy(h, person)
                        + prompts.countCreatedBy(h, person),
                sessions.cases());
    }

    /** An anonymous answer's message in its thread, and the language of its round. */
    public record Withdrawal(Posted message, Language language) {}

    /**
     * What one "forget me" did: the counts, and where the person's anonymous answers were posted (the bot posted them,
     * so only the bot can mark them withdrawn, after the commit).
     */
    public record Forgotten(PersonalData data, List<Withdrawal> anonymousMessages) {
        public Forgotten {
            anonymousMessages = List.copyOf(anonymousMessages);
        }
    }

    /**
     * Removes or anonymises everything kept about the person in their tenant, asking each store, inside the caller's
     * transaction. Nothing of anyone else is removed: colleagues' answers that responded to the person stay, without
     * the link. Running it again finds nothing and returns zero counts.
     */
    public Forgotten forget(Handle h, UserRef person) {
        int responses = answers.countRespondingTo(h, person);
        List<Withdrawal> anonymousMessages = new ArrayList<>();
        int anonymousRemoved = 0;
        for (Found f : anonymous(h, person)) {
            f.post()
                    .ifPresent(p -> anonymousMessages.add(new Withdrawal(
                            new Posted(f.answer().channel(), f.answer().messageId(), p.threadId(), null),
                            f.language())));
        }
        for (long roundId : rounds.idsInTenant(h, person.tenant())) {
            anonymousRemoved += answers.forgetPseudonyms(h, roundId, pseudonyms.candidates(person, roundId));
        }
        int named = answers.forget(h, person);
        PairingStore.Counts pairs = pairings.forget(h, person);
        IntervisieStore.Counts sessions = intervisies.forget(h, person);
        int created =
                guilds.forgetCreator(h, person) + schedules.forgetCreator(h, person) + prompts.forgetCreator(h, person);
        PersonalData data = new PersonalData(
                named,
                anonymousRemoved,
                guilds.forget(h, person),
                sessions.joined(),
                conversations.forget(h, person),
                reminders.forget(h, person),
                pairs.optIns(),
                responses,
                goals.forgetCreator(h, person),
                pairs.pairings(),
                created,
                sessions.cases());
        return new Forgotten(data, anonymousMessages);
    }

    private record Found(Answer answer, Optional<RoundPost> post, Language language) {}

    private List<Found> anonymous(Handle h, UserRef person) {
        List<Found> found = new ArrayList<>();
        for (long roundId : rounds.idsInTenant(h, person.tenant())) {
            List<Answer> mine = answers.anonymousBy(h, roundId, pseudonyms.candidates(person, roundId));
            if (mine.isEmpty()) {
                continue;
            }
            Language language = rounds.find(h, roundId).map(Round::language).orElse(Language.EN);
            List<RoundPost> posts = rounds.posts(h, roundId);
            for (Answer a : mine) {
                found.add(new Found(
                        a,
                        posts.stream()
                                .filter(p -> p.channel().equals(a.channel()) && p.threadId() != null)
                                .findFirst(),
                        language));
            }
        }
        return found;
    }
}

package org.shoptalk.core.reminder;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.Platforms;
import org.shoptalk.core.chat.ThreadRef;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.Handle;
import org.shoptalk.core.dialogue.Pseudonyms;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.i18n.Dates;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.i18n.Texts;
import org.shoptalk.core.prompt.Prompt;
import org.shoptalk.core.prompt.PromptLibrary;
import org.shoptalk.core.round.AnswerStore;
import org.shoptalk.core.round.Round;
import org.shoptalk.core.round.RoundPost;
import org.shoptalk.core.round.RoundStore;
import org.shoptalk.core.task.Task;
import org.shoptalk.core.task.TaskPlanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gentle nudges of an open round (docs/rhythm.md): one private reminder to each member who has not answered and
 * wants reminders, at a sensible local time for them ({@link ReminderTiming}) and as often as their {@link Intensity}
 * allows, and one note in the round's threads that counts who answered without naming or addressing anyone. The
 * round's one reminder task comes back at the next time someone is due, so a reminder that falls in someone's quiet
 * hours is moved, never dropped or sent twice: each nudge is recorded before it is sent, in the same transaction that
 * decides it. Nobody else learns who was reminded. Thread-safe.
 */
public final class ReminderService {
    private static final Logger LOG = LoggerFactory.getLogger(ReminderService.class);

    private final Database db;
    private final Platforms platforms;
    private final GuildStore guilds;
    private final RoundStore rounds;
    private final AnswerStore answers;
    private final Clock clock;
    private final PromptLibrary library;
    private final Pseudonyms pseudonyms;
    private final Rhythms rhythms;
    private final TaskPlanner planner;
    private final Duration beforeClose;
    private final ReminderStore store = new ReminderStore();

    /**
     * @param beforeClose how long before a round closes its reminder is due (CoreSettings.reminderBeforeClose)
     */
    public ReminderService(
            Database db,
            Platforms platforms,
            GuildStore guilds,
            RoundStore rounds,
            AnswerStore answers,
            Clock clock,
            PromptLibrary library,
            Pseudonyms pseudonyms,
            Rhythms rhythms,
            TaskPlanner planner,
            Duration beforeClose) {
        this.library = library;
        this.pseudonyms = pseudonyms;
        this.db = db;
        this.platforms = platforms;
        this.guilds = guilds;
        this.rounds = rounds;
        this.answers = answers;
        this.clock = clock;
        this.rhythms = rhythms;
        this.planner = planner;
        this.beforeClose = beforeClose;
    }

    public boolean remindersOn(Handle h, UserRef user) {
        return store.remindersOn(h, user);
    }

    /** Who is waiting for a reminder of the round, as read in one transaction. */
    private record Pending(
            Round round,
            Guild guild,
            List<Person> people,
            Map<String, ZoneId> reportedZones,
            int answered,
            boolean notePending,
            List<ThreadRef> threads,
            String link) {}

    private record Person(UserRef user, Rhythm rhythm) {}

    private record Due(UserRef user, Rhythm rhythm, ZoneId zone) {}

    /**
     * Sends the round's reminders and note that are due now, and plans the round's reminder task again for the next
     * person whose time comes later. Returns how many people were nudged now.
     */
    public int remind(long roundId) {
        Instant now = clock.instant();
        Optional<Pending> read = db.withHandle(h -> pending(h, roundId, now));
        if (read.isEmpty()) {
            return 0;
        }
        Pending p = read.get();
        Instant due = p.round().closesAt().minus(beforeClose);
        Instant earliest = ReminderTiming.firstLook(p.round().openedAt(), due);
        Instant closes = p.round().closesAt();
        List<Due> dueNow = new ArrayList<>();
        Instant next = null;
        // Zones may come from the platform, so they are asked outside any transaction.
        for (Person person : p.people()) {
            ZoneId zone =
                    rhythms.zone(person.user(), p.reportedZones(), p.guild().zone());
            Optional<Instant> slot = ReminderTiming.slot(
                    due, earliest, closes, now, zone, person.rhythm().quiet());
            if (slot.isEmpty()) {
                LOG.info(
                        "a reminder of round {} finds no time outside someone's quiet hours before it closes", roundId);
            } else if (slot.get().isAfter(now)) {
                next = earlier(next, slot.get());
            } else {
                dueNow.add(new Due(person.user(), person.rhythm(), zone));
            }
        }
        boolean noteNow = false;
        if (p.notePending()) {
            // The note is read by everyone in the channel: at the guild's own evenings and weekends it waits too.
            Optional<Instant> slot =
                    ReminderTiming.slot(due, earliest, closes, now, p.guild().zone(), QuietHours.DEFAULT);
            if (slot.isPresent() && slot.get().isAfter(now)) {
                next = earlier(next, slot.get());
            } else {
                noteNow = slot.isPresent();
            }
        }
        boolean postNote = noteNow;
        List<UserRef> recipients = db.inTransaction(h -> {
            List<UserRef> claimed = new ArrayList<>();
            // In one order on every instance, so that two runs locking the same people never wait on each other.
            dueNow.sort(Comparator.comparing(d -> d.user().id()));
            for (Due d : dueNow) {
                if (withinIntensity(h, d, now) && store.markSent(h, roundId, d.user(), now)) {
                    claimed.add(d.user());
                }
            }
            return claimed;
        });
        boolean noteClaimed = postNote && db.inTransaction(h -> store.claimNote(h, roundId, now));
        int sent = send(p, recipients);
        if (noteClaimed) {
            postNote(p, closes);
        }
        if (next != null) {
            planner.plan(new Task.Reminder(roundId), next);
        }
        return sent;
    }

    private Optional<Pending> pending(Handle h, long roundId, Instant now) {
        Optional<Round> found = rounds.find(h, roundId);
        if (found.isEmpty() || !now.isBefore(found.get().closesAt())) {
            return Optional.empty();
        }
        Round round = found.get();
        // Questions on sensitive ground are answered by those who want to; nobody is nudged towards them.
        if (library.byId(round.promptId()).map(Prompt::sensitive).orElse(false)) {
            return Optional.empty();
        }
        Optional<Guild> guild = guilds.findForTask(h, round.guildId());
        if (guild.isEmpty()) {
            return Optional.empty();
        }
        AnswerStore.Writers writers = answers.writers(h, roundId);
        Set<String> named = writers.named();
        Set<String> anonymousWriters = writers.pseudonyms();
        Set<String> sent = store.sentFor(h, roundId);
        Map<String, Rhythm> chosen = rhythms.ofMembers(h, guild.get());
        List<UserRef> notAnswered = guilds.members(h, guild.get()).stream()
                .filter(u -> !named.contains(u.id()))
                // Someone who answered anonymously answered: no nudge, and nobody learns anything from it.
                .filter(u -> anonymousWriters.isEmpty()
                        || pseudonyms.candidates(u, roundId).stream().noneMatch(anonymousWriters::contains))
                .toList();
        List<Person> people = notAnswered.stream()
                .filter(u -> !sent.contains(u.id()))
                .map(u -> new Person(u, chosen.getOrDefault(u.id(), Rhythm.DEFAULT)))
                .filter(x -> x.rhythm().intensity() != Intensity.OFF)
                .toList();
        int answered = named.size() + anonymousWriters.size();
        boolean notePending = answered > 0 && !notAnswered.isEmpty() && !store.noted(h, roundId);
        List<RoundPost> posts = rounds.posts(h, roundId).stream()
                .filter(x -> x.state() == RoundPost.State.POSTED && x.threadId() != null)
                .toList();
        String link = posts.stream()
                .map(RoundPost::permalink)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        List<ThreadRef> threads = posts.stream()
                .map(x -> new ThreadRef(x.channel(), x.threadId()))
                .toList();
        Map<String, ZoneId> reported = people.isEmpty() ? Map.of() : rhythms.reportedZones(h, guild.get());
        return Optional.of(new Pending(round, guild.get(), people, reported, answered, notePending, threads, link));
    }

    /** "light": at most one reminder in the person's own week, Monday to Sunday. */
    private boolean withinIntensity(Handle h, Due d, Instant now) {
        if (d.rhythm().intensity() != Intensity.LIGHT) {
            return true;
        }
        store.lockPerson(h, d.user());
        ZonedDateTime weekStart = now.atZone(d.zone())
                .toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay(d.zone());
        return store.sentBetween(
                        h,
                        d.user(),
                        weekStart.toInstant(),
                        weekStart.plusWeeks(1).toInstant())
                == 0;
    }

    private int send(Pending p, List<UserRef> recipients) {
        Texts t = Texts.get();
        Language lang = p.round().language();
        String invocation = platforms.invocation(p.guild().tenant());
        int sent = 0;
        for (UserRef user : recipients) {
            ChatMessage.Builder b = ChatMessage.builder()
                    .text(t.t(lang, "reminder.text", p.guild().name()))
                    .quote(p.round().promptText(), null);
            if (p.link() != null) {
                b.link(t.t(lang, "digest.thread"), p.link());
            }
            ChatMessage message =
                    b.context(t.tFor(lang, invocation, "reminder.off")).build();
            try {
                platforms.forTenant(user.tenant()).sendPrivate(user, message);
                sent++;
            } catch (ChatPlatformException e) {
                LOG.warn("reminder for round {} not delivered: {}", p.round().id(), e.getMessage());
            }
        }
        return sent;
    }

    /** The note everyone in the thread reads: a count, no names, nobody addressed (issue 15, section 3). */
    private void postNote(Pending p, Instant closes) {
        Language lang = p.round().language();
        String until = Dates.dayTime(lang, closes.atZone(p.guild().zone()));
        ChatMessage note = ChatMessage.text(Texts.get().t(lang, "reminder.note", p.answered(), until));
        for (ThreadRef thread : p.threads()) {
            try {
                platforms.forTenant(thread.channel().tenant()).postInThread(thread, note);
            } catch (ChatPlatformException e) {
                LOG.warn(
                        "note of round {} not posted in a thread: {}", p.round().id(), e.getMessage());
            }
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}

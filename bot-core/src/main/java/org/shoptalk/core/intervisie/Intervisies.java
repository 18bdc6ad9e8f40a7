package org.shoptalk.core.intervisie;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatEvent;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.Platforms;
import org.shoptalk.core.chat.Posted;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.Handle;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.reminder.Intensity;
import org.shoptalk.core.reminder.QuietHours;
import org.shoptalk.core.reminder.ReminderTiming;
import org.shoptalk.core.reminder.Rhythm;
import org.shoptalk.core.reminder.Rhythms;
import org.shoptalk.core.task.Outcome;
import org.shoptalk.core.task.Run;
import org.shoptalk.core.task.Task;
import org.shoptalk.core.task.TaskPlanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Intervisie in a thread (issue 15, section 1; docs/intervisie.md): a member brings a case, colleagues join, and the
 * session walks through its method's phases, each with a deadline planned as a {@link Task.Intervisie} and a gentle
 * private reminder to participants who have not posted in it yet, outside their quiet hours (docs/rhythm.md). The case-bringer moves on with "next"; a message
 * that seems to belong to another phase gets one kind pointer, never a deletion. Only who posted in which phase is
 * stored, never the words, except each participant's own takeaway, kept for their personal record (docs/record.md)
 * and shown unattributed in the digest only by the case-bringer's choice and its author's agreement
 * ({@link TakeawaySharing}). A guild's own methods come from {@link GuildMethods}.
 *
 * <p>Every change to a session runs in one transaction holding its row lock; what must be said in the chat is
 * collected and said after the commit, so a post never announces a change that was rolled back. A phase's opening
 * line is marked as posted only after it landed, and a retry of the deadline task posts it then: each phase opens
 * once. Thread-safe.
 */
public final class Intervisies {
    private static final Logger LOG = LoggerFactory.getLogger(Intervisies.class);

    private final Database db;
    private final Platforms platforms;
    private final GuildStore guilds;
    private final Rhythms rhythms;
    private final TaskPlanner planner;
    private final Clock clock;
    private final IntervisieStore store = new IntervisieStore();
    private final PhaseCues cues = PhaseCues.builtIn();
    private final TakeawaySharing sharing;
    private final GuildMethods guildMethods;

    public Intervisies(
            Database db,
            Platforms platforms,
            GuildStore guilds,
            MethodLibrary methods,
            Rhythms rhythms,
            TaskPlanner planner,
            Clock clock) {
        this.db = db;
        this.platforms = platforms;
        this.guilds = guilds;
        this.rhythms = rhythms;
        this.planner = planner;
        this.clock = clock;
        this.sharing = new TakeawaySharing(store, platforms, clock);
        this.guildMethods = new GuildMethods(methods);
    }

    /** The methods the guild can pick from: the built-in ones and its own. */
    public MethodLibrary methods(Guild guild) {
        return db.withHandle(h -> guildMethods.library(h, guild.id()));
    }

    /** The ids of the guild's own methods, for the list. */
    public List<String> ownMethods(Guild guild) {
        return db.withHandle(h -> guildMethods.ownIds(h, guild.id()));
    }

    /** A lead adds methods to the guild (docs/intervisie.md#a-guilds-own-methods): all or nothing. */
    public GuildMethods.Added addMethods(Guild guild, UserRef by, String source) {
        return db.inTransaction(h -> guildMethods.add(h, guild.id(), guild.language(), by, source, clock.instant()));
    }

    /** A lead removes one of the guild's own methods; the reason it cannot be, or empty when it was removed. */
    public Optional<String> removeMethod(Guild guild, String id) {
        return db.inTransaction(h -> guildMethods.remove(h, guild.id(), guild.language(), id));
    }

    /** A person's answer to what they did: a text for them alone; {@code ok} false when nothing changed. */
    public record Reply(String text, boolean ok) {}

    /**
     * Opens a session: stores it, posts its opening message as a new thread in {@code channel}, and plans the first
     * deadline. When the post fails nothing stays behind.
     */
    public Reply start(Guild guild, ChannelRef channel, UserRef bringer, Method method) {
        Instant now = clock.instant();
        Language lang = guild.language();
        long id = db.inTransaction(h -> store.create(h, guild.id(), channel, method.id(), lang, bringer, now));
        Instant closes = now.plus(method.phase(0).window());
        Posted posted;
        try {
            posted = platforms
                    .forTenant(channel.tenant())
                    .postTopLevel(
                            channel,
                            SessionMessages.opening(
                                    id, method, lang, platforms.displayName(bringer), closes, guild.zone()));
        } catch (ChatPlatformException e) {
            LOG.warn("intervisie {} could not be opened: {}", id, e.getMessage());
            db.useTransaction(h -> store.drop(h, id));
            return new Reply(SessionMessages.t(lang, "intervisie.open.failed"), false);
        }
        db.useTransaction(h -> store.posted(h, id, posted.threadId(), 0, closes));
        plan(id, closes, method.phase(0).window());
        String link = posted.permalink() == null ? "" : " " + posted.permalink();
        return new Reply(SessionMessages.t(lang, "intervisie.started", id, method.name(lang), link), true);
    }

    /** join, leave or next by command, for session {@code id} of the guild. */
    public Reply act(Guild guild, long id, UserRef user, IntervisieAction action) {
        AfterCommit after = new AfterCommit();
        Reply reply = db.inTransaction(h -> {
            Optional<Session> s = store.lock(h, id).filter(x -> x.guildId() == guild.id());
            if (s.isEmpty()) {
                return new Reply(SessionMessages.t(guild.language(), "intervisie.unknown", id), false);
            }
            return act(h, s.get(), user, action, after);
        });
        after.run();
        return reply;
    }

    /** Applies a chat event in its own transaction, then says what follows from it. */
    public void onEvent(ChatEvent event) {
        db.inTransaction(h -> record(h, event)).run();
    }

    /**
     * Applies a chat event inside the caller's transaction and returns what to say once it has committed: a thread
     * word (join, leave, next) acts; a participant's message is counted for its phase and may get a pointer; a deleted
     * message is no longer counted. Messages outside intervisie threads are ignored.
     */
    public Runnable record(Handle h, ChatEvent event) {
        AfterCommit after = new AfterCommit();
        event.accept(new ChatEvent.Visitor<Void>() {
            @Override
            public Void posted(ChatEvent.MessagePosted p) {
                if (p.threadRootId() != null && !p.threadRootId().equals(p.messageId())) {
                    store.byThread(h, p.channel(), p.threadRootId())
                            .flatMap(id -> store.lock(h, id))
                            .ifPresent(s -> Intervisies.this.posted(h, s, p, after));
                }
                return null;
            }

            @Override
            public Void edited(ChatEvent.MessageEdited e) {
                // An edit changes words, not whether someone spoke in a phase; only a takeaway follows its author's
                // edit.
                store.editTakeaway(h, e.channel(), e.messageId(), e.newText());
                return null;
            }

            @Override
            public Void deleted(ChatEvent.MessageDeleted d) {
                store.unpost(h, d.channel(), d.messageId());
                return null;
            }
        });
        return after;
    }

    private void posted(Handle h, Session s, ChatEvent.MessagePosted p, AfterCommit after) {
        Optional<IntervisieAction> action = IntervisieAction.of(p.text());
        if (!s.isOpen() && action.isEmpty()) {
            return;
        }
        if (action.isPresent()) {
            Reply reply = act(h, s, p.author(), action.get(), after);
            // Sharing leaves no trace in the thread for a participant, so its answer always comes privately.
            boolean sharing = action.get() == IntervisieAction.SHARE || action.get() == IntervisieAction.KEEP;
            if (!reply.ok() || sharing) {
                after.add(() -> platforms
                        .forTenant(p.author().tenant())
                        .sendPrivate(p.author(), ChatMessage.text(reply.text())));
            }
            return;
        }
        List<String> members = store.members(h, s.id());
        if (!members.contains(p.author().id())) {
            if (store.notice(h, s.id(), -1, p.author().id(), "join")) {
                say(after, s, "intervisie.hint.join", name(p.author()));
            }
            return;
        }
        store.post(h, s.id(), p.messageId(), p.author(), s.phase());
        if (s.state() != Session.State.RUNNING) {
            return;
        }
        Phase phase = method(h, s).phase(s.phase());
        boolean bringer = p.author().equals(s.bringer());
        if (!phase.speaker().speaks(bringer)) {
            if (store.notice(h, s.id(), s.phase(), p.author().id(), "speaker")) {
                say(after, s, bringer ? "intervisie.hint.listen" : "intervisie.hint.bringer", name(p.author()));
            }
        } else if (phase.kind() == Phase.Kind.TAKEAWAY && !p.text().isBlank()) {
            store.takeaway(h, s.id(), p.messageId(), p.author(), p.text(), p.receivedAt());
        } else if (phase.kind() == Phase.Kind.QUESTIONS && cues.soundsLikeAdvice(p.text())) {
            if (store.notice(h, s.id(), s.phase(), p.author().id(), "advice")) {
                say(after, s, "intervisie.hint.advice", name(p.author()));
            }
        }
    }

    private Reply act(Handle h, Session s, UserRef user, IntervisieAction action, AfterCommit after) {
        Language lang = s.language();
        // Sharing the takeaways is decided during the last phase or after the session has finished.
        if (action == IntervisieAction.SHARE) {
            return sharing.share(h, s, takeawaysBegun(h, s), user, after, name(s.bringer()));
        }
        if (action == IntervisieAction.KEEP) {
            return sharing.keep(h, s, user);
        }
        if (!s.isOpen()) {
            return new Reply(SessionMessages.t(lang, "intervisie.over", s.id()), false);
        }
        return switch (action) {
            case JOIN -> join(h, s, user, after);
            case LEAVE -> leave(h, s, user, after);
            case SHARE, KEEP -> throw new IllegalStateException("handled above: " + action);
            case NEXT -> {
                if (!user.equals(s.bringer())) {
                    yield new Reply(SessionMessages.t(lang, "intervisie.next.bringer.only", s.id()), false);
                }
                if (s.state() == Session.State.PAUSED) {
                    yield new Reply(
                            SessionMessages.t(lang, "intervisie.next.paused", s.id(), IntervisieRules.MIN), false);
                }
                yield closePhase(h, s, true, after);
            }
        };
    }

    private Reply join(Handle h, Session s, UserRef user, AfterCommit after) {
        Language lang = s.language();
        List<String> members = store.members(h, s.id());
        if (members.contains(user.id())) {
            return new Reply(SessionMessages.t(lang, "intervisie.join.already", s.id()), false);
        }
        if (members.size() >= IntervisieRules.MAX) {
            return new Reply(SessionMessages.t(lang, "intervisie.join.full", s.id(), IntervisieRules.MAX), false);
        }
        store.join(h, s.id(), user, clock.instant());
        int count = members.size() + 1;
        say(after, s, "intervisie.joined", name(user), count, IntervisieRules.MAX);
        if (count == IntervisieRules.MIN && s.state() == Session.State.PAUSED) {
            say(after, s, "intervisie.resumed", count);
            openPhase(h, s, s.phase(), true, after);
        } else if (count == IntervisieRules.MIN && s.phase() == 0) {
            say(after, s, "intervisie.enough", name(s.bringer()));
        }
        return new Reply(SessionMessages.t(lang, "intervisie.join.done", s.id()), true);
    }

    private Reply leave(Handle h, Session s, UserRef user, AfterCommit after) {
        Language lang = s.language();
        if (!store.leave(h, s.id(), user)) {
            return new Reply(SessionMessages.t(lang, "intervisie.leave.not.in", s.id()), false);
        }
        if (user.equals(s.bringer())) {
            store.finish(
                    h,
                    s.id(),
                    Session.State.STOPPED,
                    clock.instant(),
                    store.members(h, s.id()).size());
            after.add(() -> planner.cancel(new Task.Intervisie(s.id())));
            say(after, s, "intervisie.stopped");
            return new Reply(SessionMessages.t(lang, "intervisie.leave.done", s.id()), true);
        }
        int count = store.members(h, s.id()).size();
        say(after, s, "intervisie.left", name(user), count);
        if (count < IntervisieRules.MIN && s.state() == Session.State.RUNNING && s.phase() > 0) {
            store.update(h, s.id(), Session.State.PAUSED, s.phase(), null);
            after.add(() -> planner.cancel(new Task.Intervisie(s.id())));
            say(after, s, "intervisie.paused", count, IntervisieRules.MIN);
        }
        return new Reply(SessionMessages.t(lang, "intervisie.leave.done", s.id()), true);
    }

    /**
     * Ends the current phase, by the case-bringer's "next" or at its deadline. Beyond telling the case, nothing
     * starts with fewer than three people: "next" is refused, a deadline pauses the session until enough join.
     */
    private Reply closePhase(Handle h, Session s, boolean byBringer, AfterCommit after) {
        Language lang = s.language();
        Method m = method(h, s);
        List<String> members = store.members(h, s.id());
        if (m.isLast(s.phase())) {
            store.finish(h, s.id(), Session.State.FINISHED, clock.instant(), members.size());
            after.add(() -> planner.cancel(new Task.Intervisie(s.id())));
            after.add(() ->
                    platforms.forTenant(s.channel().tenant()).postInThread(s.thread(), TakeawaySharing.closing(s)));
            return new Reply(SessionMessages.t(lang, "intervisie.next.done", s.id()), true);
        }
        if (members.size() < IntervisieRules.MIN) {
            if (byBringer) {
                return new Reply(
                        SessionMessages.t(lang, "intervisie.next.too.few", s.id(), members.size(), IntervisieRules.MIN),
                        false);
            }
            store.update(h, s.id(), Session.State.PAUSED, s.phase() + 1, null);
            after.add(() -> planner.cancel(new Task.Intervisie(s.id())));
            say(after, s, "intervisie.waiting", members.size(), IntervisieRules.MIN);
            return new Reply(SessionMessages.t(lang, "intervisie.next.done", s.id()), true);
        }
        openPhase(h, s, s.phase() + 1, false, after);
        return new Reply(SessionMessages.t(lang, "intervisie.next.done", s.id()), true);
    }

    /** Opens phase {@code index} with a full window; {@code again} re-posts its line (after a pause). */
    private void openPhase(Handle h, Session s, int index, boolean again, AfterCommit after) {
        Method m = method(h, s);
        Instant closes = clock.instant().plus(m.phase(index).window());
        store.update(h, s.id(), Session.State.RUNNING, index, closes);
        if (again) {
            store.announceAgainAfter(h, s.id(), index - 1);
        }
        after.add(() -> {
            planner.cancel(new Task.Intervisie(s.id()));
            plan(s.id(), closes, m.phase(index).window());
        });
        after.add(() -> announce(s.id()));
    }

    /** Plans the phase's deadline and the first look at its reminders (docs/rhythm.md). */
    private void plan(long id, Instant closes, java.time.Duration window) {
        Task task = new Task.Intervisie(id);
        planner.plan(task, closes);
        Instant look = firstLook(closes, window);
        if (look.isAfter(clock.instant())) {
            planner.plan(task, look);
        }
    }

    /**
     * Halfway between the phase's opening and its reminder time: the earliest a reminder moved out of someone's quiet
     * hours may come; each look plans the next.
     */
    private static Instant firstLook(Instant closes, java.time.Duration window) {
        return ReminderTiming.firstLook(closes.minus(window), IntervisieRules.reminderAt(closes, window));
    }

    /** Posts the current phase's opening line if it is not in the thread yet, then marks it as posted. */
    private void announce(long id) {
        Optional<Session> found = db.withHandle(h -> store.find(h, id));
        if (found.isEmpty()
                || found.get().state() != Session.State.RUNNING
                || found.get().announcedPhase() >= found.get().phase()) {
            return;
        }
        Session s = found.get();
        ChatMessage line = SessionMessages.phase(method(s), s.phase(), s.language(), s.closesAt(), zone(s));
        platforms.forTenant(s.channel().tenant()).postInThread(s.thread(), line);
        db.useTransaction(h -> store.announced(h, id, s.phase()));
    }

    /**
     * Runs a planned occurrence: at the phase's deadline the phase closes, at its reminder time (and at a later look
     * planned for someone whose quiet hours it fell in) the participants who have not posted in it are nudged in
     * private (once each). Occurrences that no longer match the session (the
     * case-bringer moved on, the session paused or ended) do nothing. A phase line that did not land is retried.
     */
    public Outcome run(long id, Run run) {
        Instant occurrence = run.occurrence();
        AfterCommit after = new AfterCommit();
        List<Waiting> waiting = new ArrayList<>();
        Optional<Session> session = db.inTransaction(h -> {
            Optional<Session> found = store.lock(h, id);
            if (found.isEmpty()
                    || found.get().state() != Session.State.RUNNING
                    || found.get().closesAt() == null) {
                return Optional.<Session>empty();
            }
            Session s = found.get();
            Phase phase = method(h, s).phase(s.phase());
            if (occurrence.equals(s.closesAt())) {
                closePhase(h, s, false, after);
            } else if (!occurrence.isBefore(firstLook(s.closesAt(), phase.window()))
                    && occurrence.isBefore(s.closesAt())) {
                // A look at the phase's reminders: the first, or one planned for someone's quiet hours
                // (docs/rhythm.md).
                Set<String> posted = new HashSet<>(store.postedIn(h, id, s.phase()));
                for (String member : store.members(h, id)) {
                    UserRef u = new UserRef(s.channel().tenant(), member);
                    Rhythm rhythm = rhythms.of(h, u);
                    if (!posted.contains(member)
                            && phase.speaker().speaks(u.equals(s.bringer()))
                            && rhythm.intensity() != Intensity.OFF) {
                        waiting.add(new Waiting(u, rhythm.quiet()));
                    }
                }
            }
            return found;
        });
        after.run();
        session.ifPresent(s -> remindWhenDue(s, waiting));
        try {
            announce(id);
            return Outcome.DONE;
        } catch (ChatPlatformException e) {
            return e.permanent() ? Outcome.DONE : Outcome.retry("intervisie phase line not posted");
        }
    }

    /** A participant who has not spoken in the phase yet, with their quiet hours. */
    private record Waiting(UserRef user, QuietHours quiet) {}

    /**
     * Nudges each waiting participant whose moment has come (once per phase: recorded before it is sent), at a
     * sensible local time for them ({@link ReminderTiming}), and plans a later look for those whose quiet hours came
     * first.
     */
    private void remindWhenDue(Session s, List<Waiting> waiting) {
        if (waiting.isEmpty()) {
            return;
        }
        Phase phase = method(s).phase(s.phase());
        Instant due = IntervisieRules.reminderAt(s.closesAt(), phase.window());
        Instant earliest = firstLook(s.closesAt(), phase.window());
        Instant now = clock.instant();
        ZoneId guildZone = zone(s);
        List<UserRef> dueNow = new ArrayList<>();
        Instant next = null;
        for (Waiting w : waiting) {
            Optional<Instant> slot =
                    ReminderTiming.slot(due, earliest, s.closesAt(), now, rhythms.zone(w.user(), guildZone), w.quiet());
            if (slot.isPresent() && slot.get().isAfter(now)) {
                next = next == null || slot.get().isBefore(next) ? slot.get() : next;
            } else if (slot.isPresent()) {
                dueNow.add(w.user());
            }
        }
        List<UserRef> claimed = db.inTransaction(h -> dueNow.stream()
                .filter(u -> store.notice(h, s.id(), s.phase(), u.id(), "reminder"))
                .toList());
        claimed.forEach(u -> remind(s, u));
        if (next != null) {
            planner.plan(new Task.Intervisie(s.id()), next);
        }
    }

    private void remind(Session s, UserRef user) {
        Method m = method(s);
        Phase p = m.phase(s.phase());
        Language lang = s.language();
        ChatMessage message = SessionMessages.reminder(
                s.id(), p.name(lang), s.closesAt(), zone(s), lang, platforms.invocation(user.tenant()));
        try {
            platforms.forTenant(user.tenant()).sendPrivate(user, message);
        } catch (ChatPlatformException e) {
            LOG.warn("intervisie {} reminder not delivered: {}", s.id(), e.getMessage());
        }
    }

    /** Plans the deadline of every running session that has none planned: at start and in the daily housekeeping. */
    public void reconcile() {
        for (Session s : db.withHandle(store::running)) {
            Task task = new Task.Intervisie(s.id());
            if (planner.nextPlanned(task).isEmpty()) {
                plan(s.id(), s.closesAt(), method(s).phase(s.phase()).window());
            }
        }
    }

    /**
     * A finished intervisie as the digest may show it (issue 15): when it finished, how many took part, and the
     * takeaways shared beyond the thread, unattributed and as they read now (empty unless the case-bringer chose to
     * share; see {@link TakeawaySharing}).
     */
    public record Finished(Instant finishedAt, int participants, List<String> takeaways) {
        public Finished {
            takeaways = List.copyOf(takeaways);
        }
    }

    /** The guild's intervisies that finished in {@code (from, to]}, oldest first: all the digest may say of them. */
    public static List<Finished> finished(Handle h, long guildId, Instant from, Instant to) {
        return IntervisieStore.finished(h, guildId, from, to);
    }

    /** Retention: removes the guild's sessions that finished before {@code cutoff}; returns how many. */
    public static int purgeOlderThan(Handle h, long guildId, Instant cutoff) {
        return IntervisieStore.purgeOlderThan(h, guildId, cutoff);
    }

    /** When the guild's oldest kept finished session finished; empty when it has none. */
    public static Optional<Instant> oldest(Handle h, long guildId) {
        return IntervisieStore.oldest(h, guildId);
    }

    /**
     * The time a participant says they spent on session {@code id} of the guild, for their record: whole minutes,
     * 1 to 1440 (checked by the command). Any member may report, during or after the session.
     */
    public Reply reportTime(Guild guild, long id, UserRef user, int minutes) {
        Language lang = guild.language();
        return db.inTransaction(h -> {
            Optional<Session> s = store.find(h, id).filter(x -> x.guildId() == guild.id());
            if (s.isEmpty()) {
                return new Reply(SessionMessages.t(lang, "intervisie.unknown", id), false);
            }
            if (!store.reportTime(h, id, user, minutes, clock.instant())) {
                return new Reply(SessionMessages.t(lang, "record.time.not.member", id), false);
            }
            return new Reply(SessionMessages.t(lang, "record.time.done", id, minutes), true);
        });
    }

    private void say(AfterCommit after, Session s, String key, Object... args) {
        after.add(() -> platforms
                .forTenant(s.channel().tenant())
                .postInThread(s.thread(), SessionMessages.text(s.language(), key, args)));
    }

    /** A name for the thread, resolved when the line is built (after the commit, outside the row lock). */
    private Object name(UserRef user) {
        return new Object() {
            @Override
            public String toString() {
                return platforms.displayName(user);
            }
        };
    }

    private Method method(Session s) {
        return db.withHandle(h -> method(h, s));
    }

    /** The session's method: built in or the guild's own (which cannot be removed while the session runs). */
    private Method method(Handle h, Session s) {
        return guildMethods
                .library(h, s.guildId())
                .byId(s.methodId())
                .orElseThrow(() -> new IllegalStateException("intervisie " + s.id() + " uses an unknown method"));
    }

    /** Sharing is decided once the takeaway phase has begun: after the end, or in the last phase. */
    private boolean takeawaysBegun(Handle h, Session s) {
        return switch (s.state()) {
            case FINISHED -> true;
            case RUNNING, PAUSED -> method(h, s).isLast(s.phase());
            case STOPPED -> false;
        };
    }

    private ZoneId zone(Session s) {
        return db.withHandle(h -> guilds.findForTask(h, s.guildId()))
                .map(Guild::zone)
                .orElse(ZoneId.of("UTC"));
    }
}

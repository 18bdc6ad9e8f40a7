package org.shoptalk.core.dialogue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.Platforms;
import org.shoptalk.core.chat.TypedText;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.i18n.Texts;
import org.shoptalk.core.reminder.QuietHours;
import org.shoptalk.core.reminder.ReminderTiming;
import org.shoptalk.core.reminder.Rhythms;
import org.shoptalk.core.task.Task;
import org.shoptalk.core.task.TaskPlanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one check-in of professional friends (issue 15, section 3; docs/rhythm.md): a week after a pair is formed,
 * each member is asked privately, once, whether they met (met / not yet / skip, as buttons and as a command), at a
 * time outside their quiet hours. A member's check-in is recorded before it is sent, so a retry or a second instance
 * never asks twice; the digest counts the pairs that said they met. Thread-safe.
 */
public final class PairCheckIns {
    private static final Logger LOG = LoggerFactory.getLogger(PairCheckIns.class);
    /** How long after its due time a check-in may still go out to someone whose quiet days came first. */
    static final Duration WINDOW = Duration.ofDays(7);

    private final Database db;
    private final Platforms platforms;
    private final GuildStore guilds;
    private final Rhythms rhythms;
    private final TaskPlanner planner;
    private final Clock clock;
    private final PairingStore store = new PairingStore();

    public PairCheckIns(
            Database db, Platforms platforms, GuildStore guilds, Rhythms rhythms, TaskPlanner planner, Clock clock) {
        this.db = db;
        this.platforms = platforms;
        this.guilds = guilds;
        this.rhythms = rhythms;
        this.planner = planner;
        this.clock = clock;
    }

    /** A week after the pairing, at the same time on the guild's wall clock (a daylight-saving change moves nothing). */
    static Instant due(Instant formedAt, ZoneId guildZone) {
        return formedAt.atZone(guildZone).plusWeeks(1).toInstant();
    }

    /** Plans the check-in of a pair just formed. */
    void plan(long pairingId, Instant formedAt, ZoneId guildZone) {
        planner.plan(new Task.CheckIn(pairingId), due(formedAt, guildZone));
    }

    private record Member(UserRef user, QuietHours quiet) {}

    /**
     * Asks the pair's members whose time has come and who were not asked yet, and plans the task again for the
     * next member whose quiet hours came first. Returns how many were asked now.
     */
    public int run(long pairingId) {
        Instant now = clock.instant();
        record Read(PairingStore.Pair pair, Guild guild, List<Member> waiting) {}
        Optional<Read> read = db.withHandle(h -> store.find(h, pairingId)
                .flatMap(pair -> guilds.findForTask(h, pair.guildId()).map(g -> {
                    Set<String> asked = store.checkedIn(h, pairingId);
                    List<Member> waiting = pair.members().stream()
                            .filter(id -> !asked.contains(id))
                            .map(id -> new UserRef(g.tenant(), id))
                            .map(u -> new Member(u, rhythms.of(h, u).quiet()))
                            .toList();
                    return new Read(pair, g, waiting);
                })));
        if (read.isEmpty()) {
            return 0;
        }
        Guild guild = read.get().guild();
        PairingStore.Pair pair = read.get().pair();
        Instant due = due(pair.formedAt(), guild.zone());
        List<UserRef> askNow = new ArrayList<>();
        Instant next = null;
        for (Member m : read.get().waiting()) {
            ZoneId zone = rhythms.zone(m.user(), guild.zone());
            Optional<Instant> slot = ReminderTiming.slot(due, due, due.plus(WINDOW), now, zone, m.quiet());
            if (slot.isEmpty()) {
                LOG.info("the check-in of pair {} found no time outside someone's quiet hours", pairingId);
            } else if (slot.get().isAfter(now)) {
                next = next == null || slot.get().isBefore(next) ? slot.get() : next;
            } else {
                askNow.add(m.user());
            }
        }
        List<UserRef> claimed = db.inTransaction(h -> askNow.stream()
                .filter(u -> store.markAsked(h, pairingId, u.id(), now))
                .toList());
        claimed.forEach(u -> ask(guild, pair, u));
        if (next != null) {
            planner.plan(new Task.CheckIn(pairingId), next);
        }
        return claimed.size();
    }

    private void ask(Guild g, PairingStore.Pair pair, UserRef person) {
        Texts t = Texts.get();
        Language lang = g.language();
        String others = pair.members().stream()
                .filter(id -> !id.equals(person.id()))
                .map(TypedText::mention)
                .collect(Collectors.joining(", "));
        ChatMessage message = ChatMessage.builder()
                .text(t.t(lang, "pairs.checkin", others, g.name()))
                .context(t.t(lang, "pairs.checkin.note"))
                .button(t.t(lang, "pairs.button.met"), t.t(lang, "usage.button.pairs.met", pair.id()))
                .button(t.t(lang, "pairs.button.not.yet"), t.t(lang, "usage.button.pairs.not.yet", pair.id()))
                .button(t.t(lang, "pairs.button.skip"), t.t(lang, "usage.button.pairs.skip", pair.id()))
                .build();
        try {
            platforms.forTenant(person.tenant()).sendPrivate(person, message);
        } catch (ChatPlatformException e) {
            LOG.warn("check-in of pair {} not delivered: {}", pair.id(), e.getMessage());
        }
    }

    /**
     * A member's answer, by button or typed ({@code pairs met 12}): recorded for their own pair only. Returns the reply
     * in the pair's guild's language.
     */
    public String answer(UserRef user, long pairingId, CheckIn answer, Language fallback) {
        Instant now = clock.instant();
        String invocation = platforms.invocation(user.tenant());
        Optional<Guild> guild = db.inTransaction(h -> store.find(h, pairingId)
                .filter(p -> p.members().contains(user.id()))
                .flatMap(p -> guilds.findForTask(h, p.guildId()))
                .filter(g -> g.tenant().equals(user.tenant()))
                .map(g -> {
                    store.answer(h, pairingId, user.id(), answer, now);
                    return g;
                }));
        Texts t = Texts.get();
        if (guild.isEmpty()) {
            return t.tFor(fallback, invocation, "pairs.answer.unknown", pairingId);
        }
        Language lang = guild.get().language();
        return switch (answer) {
            case MET -> t.tFor(lang, invocation, "pairs.answer.met", guild.get().name());
            case NOT_YET -> t.tFor(lang, invocation, "pairs.answer.not.yet", pairingId);
            case SKIP -> t.tFor(lang, invocation, "pairs.answer.skip");
        };
    }

    /**
     * Plans the check-in of every recent pair with a member still to ask and nothing planned (a plan lost between the
     * pairing's commit and its planning): at start and in the daily housekeeping.
     */
    public void reconcile() {
        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofDays(7)).minus(WINDOW).minus(Duration.ofDays(1));
        db.withHandle(h -> store.formedAfter(h, since)).forEach(pair -> {
            Task task = new Task.CheckIn(pair.id());
            if (planner.nextPlanned(task).isPresent()) {
                return;
            }
            Optional<Guild> g = db.withHandle(h -> guilds.findForTask(h, pair.guildId()));
            Set<String> asked = db.withHandle(h -> store.checkedIn(h, pair.id()));
            if (g.isEmpty() || asked.containsAll(pair.members())) {
                return;
            }
            Instant due = due(pair.formedAt(), g.get().zone());
            if (now.isBefore(due.plus(WINDOW))) {
                planner.plan(task, due.isAfter(now) ? due : now);
            }
        });
    }
}

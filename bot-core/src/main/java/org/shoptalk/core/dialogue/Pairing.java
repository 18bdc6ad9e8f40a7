package org.shoptalk.core.dialogue;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.Platforms;
import org.shoptalk.core.chat.TypedText;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.Handle;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.i18n.Texts;
import org.shoptalk.core.prompt.Prompt;
import org.shoptalk.core.prompt.PromptLibrary;
import org.shoptalk.core.prompt.Theme;
import org.shoptalk.core.round.AnswerStore;
import org.shoptalk.core.schedule.MomentCalendar;
import org.shoptalk.core.schedule.Recurrence;
import org.shoptalk.core.task.Task;
import org.shoptalk.core.task.TaskPlanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Professional friends: people who opted in are paired (a trio when the number is odd) on the rhythm a
 * lead set, avoiding pairs of the last rounds and preferring colleagues from different channels of the
 * guild. Each group gets a private introduction with one question to talk about, and a week later one private
 * check-in ({@link PairCheckIns}); the digest only counts how many pairs said they met. Thread-safe.
 */
public final class Pairing {
    private static final Logger LOG = LoggerFactory.getLogger(Pairing.class);
    static final LocalTime PAIRING_TIME = LocalTime.of(10, 0);
    private static final int REMEMBERED_ROUNDS = 3;
    private static final int ATTEMPTS = 300;

    private final Database db;
    private final Platforms platforms;
    private final GuildStore guilds;
    private final PromptLibrary library;
    private final TaskPlanner planner;
    private final Clock clock;
    private final PairingStore store = new PairingStore();
    private final AnswerStore answers = new AnswerStore();
    private final PairCheckIns checkIns;

    public Pairing(
            Database db,
            Platforms platforms,
            GuildStore guilds,
            PromptLibrary library,
            TaskPlanner planner,
            Clock clock,
            PairCheckIns checkIns) {
        this.checkIns = checkIns;
        this.db = db;
        this.platforms = platforms;
        this.guilds = guilds;
        this.library = library;
        this.planner = planner;
        this.clock = clock;
    }

    public void optIn(Handle h, Guild guild, UserRef user, boolean on) {
        store.optIn(h, guild, user, on);
    }

    /** Sets the rhythm and plans the first pairing (next Monday 10:00 guild time), or stops pairing. */
    public Optional<ZonedDateTime> setRhythm(Guild guild, int everyWeeks) {
        db.useTransaction(h -> guilds.setDialogue(
                h,
                guild,
                new Guild.Dialogue(
                        guild.dialogue().connectEnabled(), guild.dialogue().connectAfter(), everyWeeks)));
        planner.cancel(new Task.Pairs(guild.id()));
        if (everyWeeks == 0) {
            return Optional.empty();
        }
        return planFirst(guild);
    }

    /**
     * Plans the next pairing of every guild that pairs and has none planned, and each recent pair's check-in that is
     * missing (plans lost after their change committed).
     */
    public void reconcile() {
        checkIns.reconcile();
        for (Guild guild : db.withHandle(guilds::all)) {
            if (guild.dialogue().pairsEveryWeeks() > 0
                    && planner.nextPlanned(new Task.Pairs(guild.id())).isEmpty()) {
                planFirst(guild);
            }
        }
    }

    private Optional<ZonedDateTime> planFirst(Guild guild) {
        Optional<ZonedDateTime> first = MomentCalendar.next(
                new Recurrence(
                        Set.of(DayOfWeek.MONDAY),
                        PAIRING_TIME,
                        1,
                        clock.instant().atZone(guild.zone()).toLocalDate(),
                        guild.zone()),
                clock.instant(),
                List.of(),
                null);
        first.ifPresent(t -> planner.plan(new Task.Pairs(guild.id()), t.toInstant()));
        return first;
    }

    /**
     * Forms this occurrence's pairs and introduces them, and plans the next pairing whatever happens to this one
     * ({@link #planNext}).
     * The pairs are recorded before anyone is introduced, so running an occurrence twice forms them once.
     */
    public void pair(long guildId, Instant occurrence) {
        Optional<Guild> guild = db.withHandle(h -> guilds.findForTask(h, guildId));
        if (guild.isEmpty() || guild.get().dialogue().pairsEveryWeeks() == 0) {
            return;
        }
        Guild g = guild.get();
        try {
            formAndIntroduce(g, occurrence);
        } finally {
            planNext(g, occurrence);
        }
    }

    /**
     * Plans the pairing after this one in the rhythm read when it began, unless a lead changed the rhythm meanwhile:
     * that change planned the new rhythm's first pairing (or stopped pairing), and planning the old one's next as well
     * would pair the guild twice.
     */
    private void planNext(Guild read, Instant occurrence) {
        int every = read.dialogue().pairsEveryWeeks();
        Optional<Guild> current = db.withHandle(h -> guilds.findForTask(h, read.id()));
        if (current.isPresent() && current.get().dialogue().pairsEveryWeeks() == every) {
            planner.plan(
                    new Task.Pairs(read.id()),
                    occurrence.atZone(read.zone()).plusWeeks(every).toInstant());
        }
    }

    private void formAndIntroduce(Guild g, Instant occurrence) {
        record Formed(long id, List<UserRef> group) {}
        List<Formed> groups = db.inTransaction(h -> {
            if (store.formedAt(h, g.id(), occurrence)) {
                return List.<Formed>of();
            }
            List<Formed> formed = new ArrayList<>();
            for (List<UserRef> group : form(h, g, occurrence)) {
                long id = store.add(
                        h,
                        g.id(),
                        group.stream().map(UserRef::id).sorted().collect(Collectors.joining("\n")),
                        prompt(group).id(),
                        occurrence);
                formed.add(new Formed(id, group));
            }
            return formed;
        });
        for (Formed f : groups) {
            introduce(g, f.group());
            checkIns.plan(f.id(), occurrence, g.zone());
        }
    }

    /** Groups the opted-in members: the grouping with the fewest repeats and same-channel pairs wins. */
    List<List<UserRef>> form(Handle h, Guild g, Instant occurrence) {
        Set<UserRef> members = new HashSet<>(guilds.members(h, g));
        List<UserRef> people =
                store.optedIn(h, g).stream().filter(members::contains).toList();
        if (people.size() < 2) {
            return List.of();
        }
        Set<Set<String>> recent = new HashSet<>();
        store.membersLatestFirst(h, g.id()).stream()
                .limit((long) REMEMBERED_ROUNDS * people.size())
                .forEach(m -> pairsOf(List.of(m.split("\n")), recent));
        Map<String, String> home = answers.lastChannelByAuthor(h, g.id());
        Random random = new Random(g.id() * 31 + occurrence.getEpochSecond());
        List<List<UserRef>> best = null;
        int bestScore = Integer.MAX_VALUE;
        for (int i = 0; i < ATTEMPTS && bestScore > 0; i++) {
            List<UserRef> order = new ArrayList<>(people);
            Collections.shuffle(order, random);
            List<List<UserRef>> groups = groups(order);
            int score = score(groups, recent, home);
            if (score < bestScore) {
                best = groups;
                bestScore = score;
            }
        }
        return best;
    }

    private static List<List<UserRef>> groups(List<UserRef> order) {
        List<List<UserRef>> groups = new ArrayList<>();
        for (int i = 0; i + 1 < order.size(); i += 2) {
            groups.add(new ArrayList<>(List.of(order.get(i), order.get(i + 1))));
        }
        if (order.size() % 2 == 1) {
            groups.get(groups.size() - 1).add(order.get(order.size() - 1));
        }
        return groups;
    }

    private static int score(List<List<UserRef>> groups, Set<Set<String>> recent, Map<String, String> home) {
        int score = 0;
        for (List<UserRef> group : groups) {
            Set<Set<String>> pairs = new HashSet<>();
            pairsOf(group.stream().map(UserRef::id).toList(), pairs);
            for (Set<String> pair : pairs) {
                if (recent.contains(pair)) {
                    score += 100;
                }
                List<String> two = new ArrayList<>(pair);
                String a = home.get(two.get(0));
                if (a != null && a.equals(home.get(two.get(1)))) {
                    score += 1;
                }
            }
        }
        return score;
    }

    private static void pairsOf(List<String> ids, Set<Set<String>> into) {
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                into.add(Set.of(ids.get(i), ids.get(j)));
            }
        }
    }

    private Prompt prompt(List<UserRef> group) {
        List<Prompt> pool = new ArrayList<>(library.byTheme(Theme.CRAFT));
        pool.addAll(library.byTheme(Theme.EXPLORE));
        pool.removeIf(Prompt::sensitive);
        int index = Math.floorMod(
                group.stream()
                        .map(UserRef::id)
                        .sorted()
                        .collect(Collectors.joining())
                        .hashCode(),
                pool.size());
        return pool.get(index);
    }

    private void introduce(Guild g, List<UserRef> group) {
        Prompt prompt = prompt(group);
        for (UserRef person : group) {
            String others = group.stream()
                    .filter(u -> !u.equals(person))
                    .map(u -> TypedText.mention(u.id()))
                    .collect(Collectors.joining(", "));
            ChatMessage message = ChatMessage.builder()
                    .text(Texts.get().t(g.language(), "pairs.intro", others, g.name()))
                    .quote(prompt.text(g.language()), null)
                    .context(Texts.get().t(g.language(), "pairs.note"))
                    .build();
            try {
                platforms.forTenant(person.tenant()).sendPrivate(person, message);
            } catch (ChatPlatformException e) {
                LOG.warn("pairing introduction in guild {} not delivered: {}", g.id(), e.getMessage());
            }
        }
    }
}

package org.shoptalk.core.reminder;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.Platforms;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.Handle;
import org.shoptalk.core.dialogue.Pseudonyms;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.guild.GuildStore;
import org.shoptalk.core.i18n.Texts;
import org.shoptalk.core.prompt.Prompt;
import org.shoptalk.core.prompt.PromptLibrary;
import org.shoptalk.core.round.AnswerStore;
import org.shoptalk.core.round.Round;
import org.shoptalk.core.round.RoundPost;
import org.shoptalk.core.round.RoundStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One gentle, private nudge per round to members who have not answered yet, and only to those who
 * kept reminders on. Nobody else learns who was reminded. Thread-safe.
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
    private final ReminderStore store = new ReminderStore();

    public ReminderService(
            Database db,
            Platforms platforms,
            GuildStore guilds,
            RoundStore rounds,
            AnswerStore answers,
            Clock clock,
            PromptLibrary library,
            Pseudonyms pseudonyms) {
        this.library = library;
        this.pseudonyms = pseudonyms;
        this.db = db;
        this.platforms = platforms;
        this.guilds = guilds;
        this.rounds = rounds;
        this.answers = answers;
        this.clock = clock;
    }

    public void setReminders(Handle h, UserRef user, boolean on) {
        store.setReminders(h, user, on);
    }

    public boolean remindersOn(Handle h, UserRef user) {
        return store.remindersOn(h, user);
    }

    /** Sends the round's reminders; returns how many people were nudged. */
    public int remind(long roundId) {
        Instant now = clock.instant();
        record Work(Round round, Guild guild, List<UserRef> recipients, String link) {}
        Optional<Work> work = db.inTransaction(h -> rounds.find(h, roundId).flatMap(round -> {
            // Questions on sensitive ground are answered by those who want to; nobody is nudged towards them.
            boolean sensitive =
                    library.byId(round.promptId()).map(Prompt::sensitive).orElse(false);
            if (!now.isBefore(round.closesAt()) || sensitive) {
                return Optional.empty();
            }
            Optional<Guild> guild = guilds.findForTask(h, round.guildId());
            if (guild.isEmpty()) {
                return Optional.empty();
            }
            Set<String> answered = new HashSet<>();
            Set<String> anonymousWriters = new HashSet<>();
            answers.forRound(h, roundId)
                    .forEach(a -> (a.anonymous() ? anonymousWriters : answered)
                            .add(a.author().id()));
            List<UserRef> recipients = guilds.members(h, guild.get()).stream()
                    .filter(u -> !answered.contains(u.id()))
                    // Someone who answered anonymously answered: no nudge, and nobody learns anything from it.
                    .filter(u -> anonymousWriters.isEmpty()
                            || pseudonyms.candidates(u, roundId).stream().noneMatch(anonymousWriters::contains))
                    .filter(u -> remindersOn(h, u))
                    .filter(u -> store.markSent(h, roundId, u, now))
                    .toList();
            String link = rounds.posts(h, roundId).stream()
                    .filter(p -> p.state() == RoundPost.State.POSTED)
                    .map(RoundPost::permalink)
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .orElse(null);
            return Optional.of(new Work(round, guild.get(), recipients, link));
        }));
        if (work.isEmpty()) {
            return 0;
        }
        Work w = work.get();
        ChatMessage message = reminder(
                w.round(), w.guild(), w.link(), platforms.invocation(w.guild().tenant()));
        int sent = 0;
        for (UserRef user : w.recipients()) {
            try {
                platforms.forTenant(user.tenant()).sendPrivate(user, message);
                sent++;
            } catch (ChatPlatformException e) {
                LOG.warn("reminder for round {} not delivered: {}", roundId, e.getMessage());
            }
        }
        return sent;
    }

    private static ChatMessage reminder(Round round, Guild guild, String link, String invocation) {
        Texts t = Texts.get();
        ChatMessage.Builder b = ChatMessage.builder()
                .text(t.t(round.language(), "reminder.text", guild.name()))
                .quote(round.promptText(), null);
        if (link != null) {
            b.link(t.t(round.language(), "digest.thread"), link);
        }
        return b.context(t.tFor(round.language(), invocation, "reminder.off")).build();
    }
}

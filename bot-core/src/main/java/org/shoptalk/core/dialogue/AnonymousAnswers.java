package org.shoptalk.core.dialogue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatform;
import org.shoptalk.core.chat.Platforms;
import org.shoptalk.core.chat.Posted;
import org.shoptalk.core.chat.ThreadRef;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.Handle;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.i18n.Texts;
import org.shoptalk.core.round.Answer;
import org.shoptalk.core.round.AnswerStore;
import org.shoptalk.core.round.Attribution;
import org.shoptalk.core.round.Round;
import org.shoptalk.core.round.RoundPost;
import org.shoptalk.core.round.RoundStore;

/**
 * Answering without a name, for questions that touch sensitive ground. The bot posts the words in the
 * round's thread as from "a colleague" and stores, instead of the author, a keyed pseudonym of (tenant,
 * person, round) made by {@link Pseudonyms}: without the key nobody can tell who wrote it, yet the author,
 * through the bot, can edit or delete it, and "forget me" finds it. Works with or without
 * {@code SHOPTALK_SECRET}; without it the key is kept in the database. Thread-safe.
 */
public final class AnonymousAnswers {
    private final Database db;
    private final Platforms platforms;
    private final RoundStore rounds;
    private final AnswerStore answers;
    private final Pseudonyms pseudonyms;
    private final Clock clock;

    public AnonymousAnswers(
            Database db,
            Platforms platforms,
            RoundStore rounds,
            AnswerStore answers,
            Pseudonyms pseudonyms,
            Clock clock) {
        this.db = db;
        this.platforms = platforms;
        this.rounds = rounds;
        this.answers = answers;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    /** Whether the key behind the pseudonyms is kept in the database (no {@code SHOPTALK_SECRET}). */
    public boolean keyKeptInDatabase() {
        return pseudonyms.keptInDatabase();
    }

    /** Outcomes a person is told about. */
    public enum Result {
        POSTED,
        EDITED,
        DELETED,
        NO_OPEN_ROUND,
        NOTHING_TO_DELETE
    }

    /** Answers the guild's latest open round anonymously, or replaces this person's anonymous answer there. */
    public Result answer(Guild guild, UserRef user, String text) {
        Optional<Target> target = latestOpen(guild);
        if (target.isEmpty()) {
            return Result.NO_OPEN_ROUND;
        }
        Target t = target.get();
        long roundId = t.round().id();
        String pseudonym = pseudonyms.of(user, roundId);
        ChatPlatform platform = platforms.forTenant(guild.tenant());
        ChatMessage message = message(t.round(), text);
        Optional<Answer> existing = db.withHandle(h -> mine(h, roundId, user));
        if (existing.isPresent()) {
            Answer a = existing.get();
            platform.update(new Posted(a.channel(), a.messageId(), t.post().threadId(), null), message);
            db.useTransaction(h -> {
                answers.edit(h, a, text, null, clock.instant());
                if (!a.author().id().equals(pseudonym)) {
                    answers.rekey(h, a, pseudonym);
                }
            });
            return Result.EDITED;
        }
        Posted posted =
                platform.postInThread(new ThreadRef(t.post().channel(), t.post().threadId()), message);
        db.useTransaction(h -> answers.addAnonymous(
                h, t.round().id(), t.post().channel(), posted.messageId(), pseudonym, text, clock.instant()));
        return Result.POSTED;
    }

    /** Removes this person's anonymous answer from the latest open round; its message says it was withdrawn. */
    public Result delete(Guild guild, UserRef user) {
        Optional<Target> target = latestOpen(guild);
        if (target.isEmpty()) {
            return Result.NO_OPEN_ROUND;
        }
        Target t = target.get();
        Optional<Answer> mine = db.withHandle(h -> mine(h, t.round().id(), user));
        if (mine.isEmpty()) {
            return Result.NOTHING_TO_DELETE;
        }
        Answer a = mine.get();
        db.useTransaction(h -> answers.delete(h, a.channel(), a.messageId()));
        platforms
                .forTenant(guild.tenant())
                .update(
                        new Posted(a.channel(), a.messageId(), t.post().threadId(), null),
                        ChatMessage.text(Texts.get().t(t.round().language(), "anon.withdrawn")));
        return Result.DELETED;
    }

    private Optional<Answer> mine(Handle h, long roundId, UserRef user) {
        Set<String> candidates = pseudonyms.candidates(user, roundId);
        return answers.anonymousBy(h, roundId, candidates).stream().findFirst();
    }

    private record Target(Round round, RoundPost post) {}

    private Optional<Target> latestOpen(Guild guild) {
        Instant now = clock.instant();
        return db.withHandle(h -> {
            List<Round> recent = rounds.openedBetween(h, guild.id(), Instant.EPOCH, now.plusSeconds(1));
            for (int i = recent.size() - 1; i >= 0; i--) {
                Round r = recent.get(i);
                if (!now.isBefore(r.closesAt())) {
                    break;
                }
                Optional<RoundPost> post = rounds.posts(h, r.id()).stream()
                        .filter(p -> p.state() == RoundPost.State.POSTED)
                        .findFirst();
                if (post.isPresent()) {
                    return Optional.of(new Target(r, post.get()));
                }
            }
            return Optional.empty();
        });
    }

    private static ChatMessage message(Round round, String text) {
        return ChatMessage.builder()
                .quote(text, Attribution.colleague(round.language()))
                .build();
    }
}

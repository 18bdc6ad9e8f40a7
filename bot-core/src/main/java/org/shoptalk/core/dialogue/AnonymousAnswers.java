package org.shoptalk.core.dialogue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
import org.shoptalk.core.round.Round;
import org.shoptalk.core.round.RoundPost;
import org.shoptalk.core.round.RoundStore;

/**
 * Answering without a name, for questions that touch sensitive ground. The bot posts the words in the
 * round's thread as from "a colleague" and stores, instead of the author, a keyed hash of (tenant,
 * person, round): without the key (SHOPTALK_SECRET, never in the database) nobody can tell who wrote it,
 * yet the author, through the bot, can edit or delete it, and "forget me" finds it. Thread-safe.
 */
public final class AnonymousAnswers {
    private static final String PREFIX = "anon:";

    private final Database db;
    private final Platforms platforms;
    private final RoundStore rounds;
    private final AnswerStore answers;
    private final byte[] key;
    private final Clock clock;

    public AnonymousAnswers(Database db, Platforms platforms, RoundStore rounds, AnswerStore answers, String secret, Clock clock) {
        this.db = db;
        this.platforms = platforms;
        this.rounds = rounds;
        this.answers = answers;
        this.key = secret == null || secret.isBlank() ? null : secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    public boolean available() {
        return key != null;
    }

    /** Outcomes a person is told about. */
    public enum Result { POSTED, EDITED, DELETED, NO_OPEN_ROUND, NOTHING_TO_DELETE }

    /** Answers the guild's latest open round anonymously, or replaces this person's anonymous answer there. */
    public Result answer(Guild guild, UserRef user, String text) {
        Optional<Target> target = latestOpen(guild);
        if (target.isEmpty()) {
            return Result.NO_OPEN_ROUND;
        }
        Target t = target.get();
        String pseudonym = pseudonym(user, t.round().id());
        ChatPlatform platform = platforms.forTenant(guild.tenant());
        ChatMessage message = message(t.round(), text);
        Optional<Answer> existing = db.withHandle(h -> mine(h, t.round().id(), pseudonym));
        if (existing.isPresent()) {
            Answer a = existing.get();
            platform.update(new Posted(a.channel(), a.messageId(), t.post().threadId(), null), message);
            db.useTransaction(h -> answers.edit(h, a, text, null, clock.instant()));
            return Result.EDITED;
        }
        Posted posted = platform.postInThread(new ThreadRef(t.post().channel(), t.post().threadId()), message);
        db.useTransaction(h -> answers.addAnonymous(h, t.round().id(), t.post().channel(), posted.messageId(), pseudonym, text,
                clock.instant()));
        return Result.POSTED;
    }

    /** Removes this person's anonymous answer from the latest open round; its message says it was withdrawn. */
    public Result delete(Guild guild, UserRef user) {
        Optional<Target> target = latestOpen(guild);
        if (target.isEmpty()) {
            return Result.NO_OPEN_ROUND;
        }
        Target t = target.get();
        Optional<Answer> mine = db.withHandle(h -> mine(h, t.round().id(), pseudonym(user, t.round().id())));
        if (mine.isEmpty()) {
            return Result.NOTHING_TO_DELETE;
        }
        Answer a = mine.get();
        db.useTransaction(h -> answers.delete(h, a.channel(), a.messageId()));
        platforms.forTenant(guild.tenant()).update(new Posted(a.channel(), a.messageId(), t.post().threadId(), null),
                ChatMessage.text(Texts.get().t(t.round().language(), "anon.withdrawn")));
        return Result.DELETED;
    }

    /** Deletes a person's anonymous answers in all the given rounds ("forget me"); returns how many. */
    public int forget(Handle h, UserRef user, List<Long> roundIds) {
        if (key == null) {
            return 0;
        }
        int removed = 0;
        for (long roundId : roundIds) {
            removed += h.update("DELETE FROM answer WHERE round_id = ? AND anonymous = TRUE AND author_id = ?",
                    roundId, pseudonym(user, roundId));
        }
        return removed;
    }

    private Optional<Answer> mine(Handle h, long roundId, String pseudonym) {
        return answers.forRound(h, roundId).stream()
                .filter(a -> a.anonymous() && a.author().id().equals(pseudonym)).findFirst();
    }

    private record Target(Round round, RoundPost post) {
    }

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
                        .filter(p -> p.state() == RoundPost.State.POSTED).findFirst();
                if (post.isPresent()) {
                    return Optional.of(new Target(r, post.get()));
                }
            }
            return Optional.empty();
        });
    }

    private static ChatMessage message(Round round, String text) {
        return ChatMessage.builder().quote(text, Texts.get().t(round.language(), "anonymous.name")).build();
    }

    String pseudonym(UserRef user, long roundId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((user.tenant().key() + "|" + user.id() + "|" + roundId).getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

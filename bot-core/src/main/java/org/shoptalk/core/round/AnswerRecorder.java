package org.shoptalk.core.round;

import java.util.List;
import java.util.Optional;
import org.shoptalk.core.chat.ChatEvent;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.Handle;

/**
 * Turns thread messages into answers. Only replies in a round's thread are kept; everything else the
 * bot sees in a channel is not stored at all. Each event is applied in one transaction before the
 * call returns, so an adapter that acknowledges afterwards never loses an answer. Thread-safe.
 */
public final class AnswerRecorder {
    private final Database db;
    private final RoundStore rounds;
    private final AnswerStore answers;

    public AnswerRecorder(Database db, RoundStore rounds, AnswerStore answers) {
        this.db = db;
        this.rounds = rounds;
        this.answers = answers;
    }

    /**
     * Applies the event in a transaction of its own: a message posted in a round's thread is stored as an answer,
     * an edit or a deletion is applied to the answer it concerns.
     */
    public void apply(ChatEvent event) {
        db.useTransaction(h -> {
            if (answerInRoundThread(h, event) == InRoundThread.NO) {
                applyEditOrDelete(h, event);
            }
        });
    }

    /** What {@link #answerInRoundThread} found. */
    public enum InRoundThread {
        /** Not a message posted in a round's thread: nothing was done. */
        NO,
        /** A message in a round's thread, stored now (or, with neither words nor files, not an answer). */
        STORED,
        /** A message in a round's thread whose answer was stored before: a re-delivery, nothing changed. */
        STORED_BEFORE
    }

    /**
     * Stores a message posted in a round's thread as an answer, inside the caller's transaction; any other event is
     * left alone ({@link InRoundThread#NO}). An answer is kept once per message (its unique key is tenant, channel
     * and message id), so a platform's re-delivery changes nothing even without its delivery id recorded.
     */
    public InRoundThread answerInRoundThread(Handle h, ChatEvent event) {
        return event.accept(new ChatEvent.Visitor<InRoundThread>() {
            @Override
            public InRoundThread posted(ChatEvent.MessagePosted x) {
                return AnswerRecorder.this.posted(h, x);
            }

            @Override
            public InRoundThread edited(ChatEvent.MessageEdited x) {
                return InRoundThread.NO;
            }

            @Override
            public InRoundThread deleted(ChatEvent.MessageDeleted x) {
                return InRoundThread.NO;
            }
        });
    }

    /** Applies an edit or a deletion inside the caller's transaction; a post is left alone. */
    public void applyEditOrDelete(Handle h, ChatEvent event) {
        event.accept(new ChatEvent.Visitor<Void>() {
            @Override
            public Void posted(ChatEvent.MessagePosted x) {
                return null;
            }

            @Override
            public Void edited(ChatEvent.MessageEdited x) {
                AnswerRecorder.this.edited(h, x);
                return null;
            }

            @Override
            public Void deleted(ChatEvent.MessageDeleted x) {
                answers.delete(h, x.channel(), x.messageId());
                return null;
            }
        });
    }

    private InRoundThread posted(Handle h, ChatEvent.MessagePosted e) {
        if (e.threadRootId() == null || e.threadRootId().equals(e.messageId())) {
            return InRoundThread.NO;
        }
        Optional<RoundPost> post = rounds.postByThread(h, e.channel(), e.threadRootId());
        if (post.isEmpty()) {
            return InRoundThread.NO;
        }
        if (e.text().isBlank() && e.files().isEmpty()) {
            // Nothing to show or count (a platform event with neither words nor files): not an answer.
            return InRoundThread.STORED;
        }
        long roundId = post.get().roundId();
        UserRef respondsTo = respondsTo(h, roundId, null, e.author(), e.mentions());
        return answers.add(
                        h,
                        roundId,
                        e.channel(),
                        e.messageId(),
                        e.author(),
                        e.text(),
                        e.files(),
                        respondsTo,
                        e.receivedAt())
                ? InRoundThread.STORED
                : InRoundThread.STORED_BEFORE;
    }

    private void edited(Handle h, ChatEvent.MessageEdited e) {
        answers.find(h, e.channel(), e.messageId()).ifPresent(answer -> {
            UserRef respondsTo = respondsTo(
                    h,
                    answer.roundId(),
                    new AnswerStore.Place(answer.postedAt(), answer.id()),
                    answer.author(),
                    e.mentions());
            answers.edit(h, answer, e.newText(), respondsTo, e.receivedAt());
        });
    }

    /**
     * Who an answer responds to. Chat threads are flat, so we infer it: a mention of someone who has
     * answered in this round wins; otherwise, a person's later message in the thread responds to the
     * colleague whose answer came just before it. A first answer that mentions nobody stands on its own.
     * Only answers before {@code before} count (null: all). Each question is an indexed look-up, so an
     * answer costs the same in a round of three answers as in one of thousands.
     */
    private UserRef respondsTo(
            Handle h, long roundId, AnswerStore.Place before, UserRef author, List<UserRef> mentions) {
        for (UserRef mentioned : mentions) {
            if (!mentioned.equals(author) && answers.answered(h, roundId, mentioned, before)) {
                return mentioned;
            }
        }
        return answers.latest(h, roundId, author, before)
                .filter(AnswerStore.Latest::authorAnswered)
                .map(AnswerStore.Latest::lastAuthor)
                .filter(previous -> !previous.equals(author))
                .orElse(null);
    }
}

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

    public void apply(ChatEvent event) {
        db.useTransaction(h -> apply(h, event));
    }

    /** Applies the event inside the caller's transaction. */
    public void apply(Handle h, ChatEvent event) {
        event.accept(new ChatEvent.Visitor<Void>() {
            @Override
            public Void posted(ChatEvent.MessagePosted x) {
                AnswerRecorder.this.posted(h, x);
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

    private void posted(Handle h, ChatEvent.MessagePosted e) {
        if (e.threadRootId() == null || e.threadRootId().equals(e.messageId())) {
            return;
        }
        Optional<RoundPost> post = rounds.postByThread(h, e.channel(), e.threadRootId());
        if (post.isEmpty()) {
            return;
        }
        if (e.text().isBlank() && e.files().isEmpty()) {
            // Nothing to show or count (a platform event with neither words nor files): not an answer.
            return;
        }
        long roundId = post.get().roundId();
        UserRef respondsTo = respondsTo(h, roundId, null, e.author(), e.mentions());
        answers.add(
                h, roundId, e.channel(), e.messageId(), e.author(), e.text(), e.files(), respondsTo, e.receivedAt());
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
        if (answers.answered(h, roundId, author, before)) {
            UserRef previous = answers.lastAuthor(h, roundId, before).orElse(null);
            return author.equals(previous) ? null : previous;
        }
        return null;
    }
}

package org.shoptalk.core.round;

import java.time.Instant;
import java.util.List;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.SharedFile;
import org.shoptalk.core.chat.UserRef;

/**
 * A reply in a round's thread. {@code respondsTo} is the colleague this answer responds to, or null
 * when it stands on its own: that is how dialogue between people is counted. An {@code anonymous}
 * answer's author is a keyed pseudonym, never the person's id. {@code files} are what the person shared with it,
 * by name; {@code text} may be empty when they shared a file and wrote nothing. Readers see both through
 * {@link AnswerText}.
 */
public record Answer(
        long id,
        long roundId,
        ChannelRef channel,
        String messageId,
        UserRef author,
        String text,
        UserRef respondsTo,
        Instant postedAt,
        Instant editedAt,
        boolean anonymous,
        List<SharedFile> files) {

    public Answer {
        files = SharedFile.list(files);
    }

    /** An answer with words only. */
    public Answer(
            long id,
            long roundId,
            ChannelRef channel,
            String messageId,
            UserRef author,
            String text,
            UserRef respondsTo,
            Instant postedAt,
            Instant editedAt,
            boolean anonymous) {
        this(id, roundId, channel, messageId, author, text, respondsTo, postedAt, editedAt, anonymous, List.of());
    }
}

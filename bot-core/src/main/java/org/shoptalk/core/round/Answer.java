package org.shoptalk.core.round;

import java.time.Instant;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.UserRef;

/**
 * A reply in a round's thread. {@code respondsTo} is the colleague this answer responds to, or null
 * when it stands on its own: that is how dialogue between people is counted. An {@code anonymous}
 * answer's author is a keyed pseudonym, never the person's id.
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
        boolean anonymous) {}

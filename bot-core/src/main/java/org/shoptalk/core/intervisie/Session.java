package org.shoptalk.core.intervisie;

import java.time.Instant;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ThreadRef;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.i18n.Language;

/**
 * One intervisie as stored. {@code phase} indexes the method's phases; {@code closesAt} is null while the session
 * is paused or over. {@code threadId} is null only between storing and posting the opening message.
 */
public record Session(
        long id,
        long guildId,
        ChannelRef channel,
        String threadId,
        String methodId,
        Language language,
        UserRef bringer,
        State state,
        int phase,
        int announcedPhase,
        Instant closesAt) {

    /** Where a session stands. */
    public enum State {
        /** A phase is open and has a deadline. */
        RUNNING,
        /** Fewer than three people: no deadline until the group is large enough again. */
        PAUSED,
        /** The takeaways are done. */
        FINISHED,
        /** The case-bringer left: the session ends without its last phases. */
        STOPPED
    }

    public ThreadRef thread() {
        return new ThreadRef(channel, threadId);
    }

    public boolean isOpen() {
        return state == State.RUNNING || state == State.PAUSED;
    }
}

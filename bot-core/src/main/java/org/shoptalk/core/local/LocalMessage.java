package org.shoptalk.core.local;

import java.time.Instant;
import java.util.Objects;

/**
 * One message in the local console. {@code thread} is the id of the thread's top-level message (its own
 * id for a top-level message); {@code visibleTo} is null when everyone in the channel sees it. {@code blocks} is a bot
 * message's neutral blocks as JSON (see {@link LocalBlocks}), null for what people type.
 */
public record LocalMessage(
        String id,
        String channel,
        String thread,
        Kind kind,
        String user,
        String text,
        String visibleTo,
        Instant ts,
        boolean edited,
        String blocks) {

    /** Who wrote it and how: a person's message, a person's typed command, or the bot. */
    public enum Kind {
        MESSAGE,
        COMMAND,
        BOT
    }

    public LocalMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(ts, "ts");
    }

    public boolean topLevel() {
        return id.equals(thread);
    }

    public boolean visibleTo(String viewer) {
        return visibleTo == null || visibleTo.equals(viewer);
    }
}

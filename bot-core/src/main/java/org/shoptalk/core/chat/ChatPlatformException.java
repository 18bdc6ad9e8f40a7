package org.shoptalk.core.chat;

import java.util.Objects;

/**
 * A platform call failed. {@code permanent} means retrying will not help (e.g. the bot left the channel).
 * {@link #reason()} says what the platform refused, so core can tell people what to do and send a shorter message
 * where that helps; {@link #code()} is the platform's own word for it ({@code msg_blocks_too_long}, {@code HTTP 413}),
 * safe to show people because it never holds message content.
 */
public class ChatPlatformException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What a platform refused, in core's words. */
    public enum Reason {
        /** The message is larger than the platform accepts; a shorter one may pass. */
        TOO_LARGE,
        /** The platform rejected the message's content or shape; a simpler one may pass. */
        INVALID_MESSAGE,
        /** The channel is gone, archived, or the bot is no longer in it: no message will land there. */
        CHANNEL_UNREACHABLE,
        /** Anything else: access, outages, rate limits, unknown outcomes. */
        OTHER
    }

    private final boolean permanent;
    private final Reason reason;
    private final String code;

    public ChatPlatformException(String message, boolean permanent, Reason reason, String code, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.code = code;
    }

    public ChatPlatformException(String message, boolean permanent, Throwable cause) {
        this(message, permanent, Reason.OTHER, null, cause);
    }

    public ChatPlatformException(String message, boolean permanent) {
        this(message, permanent, null);
    }

    public boolean permanent() {
        return permanent;
    }

    public Reason reason() {
        return reason;
    }

    /** The platform's error code or HTTP status, e.g. {@code msg_too_long}; null when it gave none. */
    public String code() {
        return code;
    }

    /** Whether a smaller or simpler message could pass where this one was refused. */
    public boolean messageRefused() {
        return reason == Reason.TOO_LARGE || reason == Reason.INVALID_MESSAGE;
    }
}

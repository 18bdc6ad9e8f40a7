package org.shoptalk.core.chat;

/** A platform call failed. {@code permanent} means retrying will not help (e.g. the bot left the channel). */
public class ChatPlatformException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean permanent;

    public ChatPlatformException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public ChatPlatformException(String message, boolean permanent) {
        this(message, permanent, null);
    }

    public boolean permanent() {
        return permanent;
    }
}

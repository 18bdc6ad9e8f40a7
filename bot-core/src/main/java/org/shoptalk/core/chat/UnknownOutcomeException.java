package org.shoptalk.core.chat;

/**
 * A write whose outcome is unknown: the platform answered 5xx or the connection broke after the request
 * was sent, so the message may have been posted. Posting again blindly could post twice (Slack and Teams
 * message sends are not idempotent): core first looks whether the message landed ({@link PostLookup}).
 */
public final class UnknownOutcomeException extends ChatPlatformException {
    private static final long serialVersionUID = 1L;

    public UnknownOutcomeException(String message, Throwable cause) {
        super(message, false, cause);
    }
}

package org.shoptalk.core.chat;

/**
 * A write whose outcome is unknown: the platform answered 5xx or the connection broke after the request
 * was sent, so the message may have been posted. Posting again blindly could post twice (Slack and Teams
 * message sends are not idempotent): core first looks whether the message landed ({@link PostLookup}).
 * Adapters throw it only for calls that create or change something ({@link PlatformCall.Effect#WRITE}): after a 5xx,
 * a timeout or a connection lost once the request was sent, an answer that could not be read, or Slack's
 * {@code internal_error}/{@code fatal_error}. A request that never left (connection refused) is a plain,
 * non-permanent {@link ChatPlatformException} instead.
 */
public final class UnknownOutcomeException extends ChatPlatformException {
    private static final long serialVersionUID = 1L;

    public UnknownOutcomeException(String message, Throwable cause) {
        super(message, false, cause);
    }
}

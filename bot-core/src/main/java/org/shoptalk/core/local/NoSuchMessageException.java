package org.shoptalk.core.local;

/** No message with that id in the local console (never posted, or deleted). */
public final class NoSuchMessageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NoSuchMessageException(String message) {
        super(message);
    }
}

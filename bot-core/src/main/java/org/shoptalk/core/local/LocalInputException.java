package org.shoptalk.core.local;

/** Input the local console cannot take; the message says what was wrong and what is right. */
public final class LocalInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LocalInputException(String message) {
        super(message);
    }
}

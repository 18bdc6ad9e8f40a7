package org.shoptalk.app;

/** A configuration value the app cannot start with. The message is one line naming the variable. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}

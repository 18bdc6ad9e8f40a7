package org.shoptalk.core.command;

import java.util.Arrays;

/**
 * A command that cannot be carried out, with the text key that explains why (resolved in the guild's
 * language) and, where it helps, the form the command should take.
 */
public final class CommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final transient Object[] args;
    private final Syntax syntax;

    public CommandException(Syntax syntax, String key, Object... args) {
        super(key + Arrays.toString(args), null, false, false);
        this.key = key;
        this.args = args.clone();
        this.syntax = syntax;
    }

    public CommandException(String key, Object... args) {
        this(null, key, args);
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }

    /** The form to show with the error, or null. */
    public Syntax syntax() {
        return syntax;
    }
}

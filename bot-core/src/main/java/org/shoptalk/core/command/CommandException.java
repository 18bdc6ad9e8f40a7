package org.shoptalk.core.command;

import java.util.Arrays;
import org.shoptalk.core.i18n.Language;

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

    /** The arguments as shown in {@code language}: each {@link InLanguage} read in it, the rest as given. */
    public Object[] args(Language language) {
        return inLanguage(args, language);
    }

    /** {@code args} with each {@link InLanguage} read in {@code language}. */
    static Object[] inLanguage(Object[] args, Language language) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof InLanguage l) {
                out[i] = l.in(language);
            }
        }
        return out;
    }

    /**
     * An argument whose words depend on the language the error is shown in, which the parser does not know (the
     * theme names, issue 12).
     */
    @FunctionalInterface
    public interface InLanguage {
        String in(Language language);
    }

    /** The form to show with the error, or null. */
    public Syntax syntax() {
        return syntax;
    }
}

package org.shoptalk.core.intervisie;

import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.i18n.Texts;

/**
 * A method file that breaks {@link MethodLibrary}'s rules, said in either language: where (the method's number and
 * id, the phase's number when it is about a phase) and what is wrong, naming the field. The message is English, for
 * the log when the built-in file is wrong at start; {@link #message(Language)} gives the guild's language when a lead
 * adds a method by command. Texts live in core's catalog ({@code method.error.*}). Immutable.
 */
public final class MethodFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The method's number in its file, its id when it has a usable one, and the phase's number or 0. */
    record Where(int number, String id, int phase) {
        static final Where FILE = new Where(0, null, 0);

        Where phase(int index) {
            return new Where(number, id, index);
        }
    }

    private final transient Where where;
    private final String key;
    private final transient Object[] args;

    MethodFileException(Where where, String key, Object... args) {
        super(render(Language.EN, where, key, args));
        this.where = where;
        this.key = key;
        this.args = args.clone();
    }

    /** The problem in {@code language}: "Intervisie method 2 (fishbowl), phase 3: ...". */
    public String message(Language language) {
        return render(language, where, key, args);
    }

    private static String render(Language lang, Where where, String key, Object[] args) {
        Texts t = Texts.get();
        String problem = t.t(lang, key, args);
        if (where == null || where.number() == 0) {
            return problem;
        }
        String method = where.id() == null ? String.valueOf(where.number()) : where.number() + " (" + where.id() + ")";
        String place = where.phase() == 0
                ? t.t(lang, "method.error.method", method)
                : t.t(lang, "method.error.phase", method, where.phase());
        return place + ": " + problem;
    }
}

package org.shoptalk.core.local;

import java.util.Optional;
import org.shoptalk.core.Failures;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.i18n.Texts;

/**
 * A console request that failed on Shoptalk's side (inside core, or its database refusing), after nothing of it was
 * kept: the person gets the apology a failed command gets (catalog text {@code trouble}), in the language of the guild
 * the request's channel belongs to when that could still be read, else the browser's. The cause says what failed, for
 * the log; it holds no message text. Immutable.
 */
public final class LocalFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Language guildLanguage;
    private final boolean storeAway;

    LocalFailure(RuntimeException cause, Optional<Language> guildLanguage) {
        super("console request failed: " + cause.getClass().getName(), cause);
        this.guildLanguage = guildLanguage.orElse(null);
        this.storeAway = Failures.isTransient(cause);
    }

    /** {@code cause}, a failure outside {@link LocalChat}'s own words (a listing, say), for the browser's language. */
    public static LocalFailure unworded(RuntimeException cause) {
        return new LocalFailure(cause, Optional.empty());
    }

    /**
     * True when the database could not be reached or asked to try again ({@link Failures#isTransient}): the same
     * request may well succeed shortly (HTTP 503); false for a failure that will not go away by itself (HTTP 500).
     */
    public boolean storeAway() {
        return storeAway;
    }

    /** The guild's language, when the request named a guild's channel and it could be read. */
    public Optional<Language> guildLanguage() {
        return Optional.ofNullable(guildLanguage);
    }

    /** The apology in the guild's language, or in {@code browser}'s when no guild is known. */
    public String text(Language browser) {
        return Texts.get().t(guildLanguage().orElse(browser), "trouble");
    }
}

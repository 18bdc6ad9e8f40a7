package org.shoptalk.core.local;

import java.util.Optional;
import org.shoptalk.core.i18n.Language;

/** No message with that id in the local console (never posted, or deleted). */
public final class NoSuchMessageException extends LocalRefusal {
    private static final long serialVersionUID = 1L;

    /** The catalog text {@code key} (under {@code console.error.}) with its placeholders' values. */
    NoSuchMessageException(String key, Object... args) {
        this(key, args, null);
    }

    private NoSuchMessageException(String key, Object[] args, Language guildLanguage) {
        super(key, args, guildLanguage);
    }

    @Override
    NoSuchMessageException inGuildOf(Optional<Language> language) {
        return new NoSuchMessageException(
                key(), args(), knownLanguage() != null ? knownLanguage() : language.orElse(null));
    }
}

package org.shoptalk.core.local;

import java.util.Optional;
import org.shoptalk.core.i18n.Language;

/** Input the local console cannot take; the text says what was wrong and what is right. */
public final class LocalInputException extends LocalRefusal {
    private static final long serialVersionUID = 1L;

    /** The catalog text {@code key} (under {@code console.error.}) with its placeholders' values. */
    LocalInputException(String key, Object... args) {
        this(key, args, null);
    }

    private LocalInputException(String key, Object[] args, Language guildLanguage) {
        super(key, args, guildLanguage);
    }

    @Override
    LocalInputException inGuildOf(Optional<Language> language) {
        return new LocalInputException(
                key(), args(), knownLanguage() != null ? knownLanguage() : language.orElse(null));
    }
}

package org.shoptalk.core.i18n;

import java.util.Locale;
import java.util.Optional;

/** The languages the bot speaks. A guild picks one; everything posted there uses it. */
public enum Language {
    NL(Locale.forLanguageTag("nl")),
    EN(Locale.ENGLISH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Language> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return switch (code.toLowerCase(Locale.ROOT)) {
            case "nl", "dutch", "nederlands" -> Optional.of(NL);
            case "en", "english", "engels" -> Optional.of(EN);
            default -> Optional.empty();
        };
    }
}

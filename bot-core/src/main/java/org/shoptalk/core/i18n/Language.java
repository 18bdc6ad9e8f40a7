package org.shoptalk.core.i18n;

import java.util.List;
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

    /**
     * The language a browser asks for first among ours, from an HTTP {@code Accept-Language} value (RFC 9110 section
     * 12.5.4, weights included: {@code nl-NL,nl;q=0.9,en;q=0.8} is Dutch); English when it names neither, is
     * missing or cannot be read. For pages that know no guild yet (issue 12).
     */
    public static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return EN;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            String tag = Locale.lookupTag(ranges, List.of(NL.code(), EN.code()));
            return tag == null ? EN : parse(tag).orElse(EN);
        } catch (IllegalArgumentException e) {
            return EN;
        }
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

package org.shoptalk.core.local;

import java.util.Objects;
import java.util.Optional;
import org.shoptalk.core.chat.ChatPlatform;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.i18n.Texts;

/**
 * Something the local console refuses, as a catalog text ({@code console.error.*}) rather than words, so the page can
 * show it in the reader's language: the guild's when the request names a guild's channel, else the browser's. The
 * exception's own message is the English text, for tests and tools in this process. Immutable.
 */
public abstract sealed class LocalRefusal extends RuntimeException permits LocalInputException, NoSuchMessageException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient Object[] args;
    private final Language guildLanguage;

    LocalRefusal(String key, Object[] args, Language guildLanguage) {
        super(render(Language.EN, key, args));
        this.key = Objects.requireNonNull(key, "key");
        this.args = args.clone();
        this.guildLanguage = guildLanguage;
    }

    /** The catalog key of the text, e.g. {@code console.error.user.missing}. */
    public String key() {
        return key;
    }

    /** The guild's language when the refused request named a channel of a guild. */
    public Optional<Language> guildLanguage() {
        return Optional.ofNullable(guildLanguage);
    }

    /** The text in the guild's language, or in {@code browser}'s when no guild is known. */
    public String text(Language browser) {
        return render(guildLanguage().orElse(browser), key, args == null ? new Object[0] : args);
    }

    /** The same refusal, to be read in {@code language} (a guild's), unless it already knows one. */
    abstract LocalRefusal inGuildOf(Optional<Language> language);

    Object[] args() {
        return args == null ? new Object[0] : args.clone();
    }

    Language knownLanguage() {
        return guildLanguage;
    }

    private static String render(Language language, String key, Object[] args) {
        return Texts.get().tFor(language, ChatPlatform.SLASH_COMMAND, key, args);
    }
}

package org.shoptalk.core.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Everything the bot says, in Dutch and English, from {@code messages_<lang>.properties}.
 * Placeholders are {@code {0}}, {@code {1}}...; plain replacement, so apostrophes need no escaping.
 * {@code {cmd}} is how people invoke a command on the platform the text goes to (the port's
 * {@link org.shoptalk.core.chat.ChatPlatform#invocation()}, issue 14): texts that use it are rendered with
 * {@link #tFor(Language, String, String, Object...)}. Immutable and thread-safe.
 */
public final class Texts {
    private static final Texts INSTANCE = new Texts();
    private static final String INVOCATION = "{cmd}";
    private final Map<Language, Properties> bundles = new EnumMap<>(Language.class);

    private Texts() {
        for (Language language : Language.values()) {
            bundles.put(language, load("messages_" + language.code() + ".properties"));
        }
    }

    public static Texts get() {
        return INSTANCE;
    }

    /**
     * The text {@code key} in {@code language} with its placeholders filled.
     *
     * @throws IllegalArgumentException when the key is unknown, or when its text names a command ({@code {cmd}}):
     *     those need the platform's invocation
     */
    public String t(Language language, String key, Object... args) {
        String pattern = pattern(language, key);
        if (pattern.contains(INVOCATION)) {
            throw new IllegalArgumentException("text '" + key + "' names a command: give the platform's invocation");
        }
        return fill(pattern, args);
    }

    /** As {@link #t(Language, String, Object...)}, with {@code {cmd}} read as {@code invocation}. */
    public String tFor(Language language, String invocation, String key, Object... args) {
        return fill(pattern(language, key).replace(INVOCATION, invocation), args);
    }

    private String pattern(Language language, String key) {
        String pattern = bundles.get(language).getProperty(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no text '" + key + "' in " + language.code());
        }
        return pattern;
    }

    private static String fill(String pattern, Object... args) {
        String out = pattern;
        for (int i = 0; i < args.length; i++) {
            out = out.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return out;
    }

    public Set<String> keys(Language language) {
        return bundles.get(language).stringPropertyNames();
    }

    private static Properties load(String name) {
        Properties p = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing text bundle " + name);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

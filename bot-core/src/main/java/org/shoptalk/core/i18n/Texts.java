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
 * Immutable and thread-safe.
 */
public final class Texts {
    private static final Texts INSTANCE = new Texts();
    private final Map<Language, Properties> bundles = new EnumMap<>(Language.class);

    private Texts() {
        for (Language language : Language.values()) {
            bundles.put(language, load("messages_" + language.code() + ".properties"));
        }
    }

    public static Texts get() {
        return INSTANCE;
    }

    public String t(Language language, String key, Object... args) {
        String pattern = bundles.get(language).getProperty(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no text '" + key + "' in " + language.code());
        }
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

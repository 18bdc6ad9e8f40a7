package org.shoptalk.core.i18n;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Everything the bot says, in Dutch and English, from {@code messages_<lang>.properties}, formatted with ICU's
 * {@link MessageFormat}: placeholders {@code {0}}, {@code {1}}..., and counts with CLDR plural rules, e.g.
 * {@code {0, plural, one {# answer} other {# answers}}} (issue 11). Apostrophes are ICU's default
 * {@link MessagePattern.ApostropheMode#DOUBLE_OPTIONAL}: a lone apostrophe ("guild's", "collega's") is literal; only
 * one right before a brace would quote, and the catalog test checks every pattern parses. {@code {cmd}} is how
 * people invoke a command on the platform the text goes to (the port's
 * {@link org.shoptalk.core.chat.ChatPlatform#invocation()}, issue 14): texts that use it are rendered with
 * {@link #tFor(Language, String, String, Object...)}. A plain placeholder shows its argument's {@code toString()} (ids
 * without digit grouping), except a java.time date or time, which reads in the language's one date style
 * ({@link Dates#of}: never ISO in a text people read); only a count that a plural reads is formatted by the
 * language's rules. Immutable and
 * thread-safe.
 */
public final class Texts {
    private static final Texts INSTANCE = new Texts();
    private static final String INVOCATION = "cmd";
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
        return format(language, key, null, args);
    }

    /** As {@link #t(Language, String, Object...)}, with {@code {cmd}} read as {@code invocation}. */
    public String tFor(Language language, String invocation, String key, Object... args) {
        return format(language, key, invocation, args);
    }

    /** The raw pattern of {@code key}, for checks of the catalog itself. */
    public String pattern(Language language, String key) {
        String pattern = bundles.get(language).getProperty(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no text '" + key + "' in " + language.code());
        }
        return pattern;
    }

    /** The argument names a pattern uses ("0", "1", "cmd"), each once. */
    public static Set<String> argumentNames(String pattern) {
        MessagePattern parsed = new MessagePattern(pattern);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_NAME
                    || part.getType() == MessagePattern.Part.Type.ARG_NUMBER) {
                names.add(parsed.getSubstring(part));
            }
        }
        return names;
    }

    private String format(Language language, String key, String invocation, Object... args) {
        String pattern = pattern(language, key);
        MessageFormat format = new MessageFormat(pattern, language.locale());
        if (invocation == null && argumentNames(pattern).contains(INVOCATION)) {
            throw new IllegalArgumentException("text '" + key + "' names a command: give the platform's invocation");
        }
        Set<String> counted = countedArguments(new MessagePattern(pattern));
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = String.valueOf(i);
            Object arg = args[i];
            values.put(
                    name, counted.contains(name) ? arg : Dates.of(language, arg).orElseGet(() -> String.valueOf(arg)));
        }
        if (invocation != null) {
            values.put(INVOCATION, invocation);
        }
        return format.format(values);
    }

    /** Arguments a plural, select or number sub-format reads: those stay numbers. */
    private static Set<String> countedArguments(MessagePattern parsed) {
        Set<String> counted = new HashSet<>();
        for (int i = 0; i + 1 < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_START
                    && part.getArgType() != MessagePattern.ArgType.NONE) {
                counted.add(parsed.getSubstring(parsed.getPart(i + 1)));
            }
        }
        return counted;
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

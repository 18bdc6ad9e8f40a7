package org.shoptalk.app;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.shoptalk.core.chat.ChatPlatform;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.i18n.Texts;

/**
 * The local console's one page ({@code GET /local}), in the browser's language ({@code Accept-Language}, Dutch or
 * else English). Its words are core's catalog, {@code console.*} (issue 14: no texts of the app's own): the template
 * places each as {@code {{name}}}, the key after {@code console.} in lower camel case ({@code console.visible.to.you}
 * is {@code visibleToYou}), escaped; a text's {@code {0}} is left for the page's script to fill. Rendered once per
 * language at start. Immutable and thread-safe.
 */
final class ConsolePage {
    private static final String PREFIX = "console.";
    /** The API's refusals ({@link LocalConsoleApi}): the page shows them as the API sends them, not as its words. */
    private static final String ERRORS = "console.error.";

    private final Map<Language, String> pages = new EnumMap<>(Language.class);

    ConsolePage() {
        Mustache template = new DefaultMustacheFactory("org/shoptalk/app").compile("local.mustache");
        for (Language language : Language.values()) {
            StringWriter out = new StringWriter();
            template.execute(out, words(language));
            pages.put(language, out.toString());
        }
    }

    /** The page for a browser that sent {@code acceptLanguage} (may be null). */
    String forBrowser(String acceptLanguage) {
        return pages.get(Language.fromAcceptLanguage(acceptLanguage));
    }

    private static Map<String, String> words(Language language) {
        Texts texts = Texts.get();
        Map<String, String> words = new HashMap<>();
        for (String key : texts.keys(language)) {
            if (key.startsWith(PREFIX) && !key.startsWith(ERRORS)) {
                words.put(
                        camel(key.substring(PREFIX.length())),
                        texts.tFor(language, ChatPlatform.SLASH_COMMAND, key, "{0}"));
            }
        }
        words.put("lang", language.code());
        words.put("invocation", ChatPlatform.SLASH_COMMAND);
        return words;
    }

    private static String camel(String dotted) {
        StringBuilder out = new StringBuilder();
        for (String part : dotted.split("\\.", -1)) {
            out.append(out.length() == 0 ? part : part.substring(0, 1).toUpperCase(Locale.ROOT) + part.substring(1));
        }
        return out.toString();
    }
}

package org.shoptalk.slack;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fellbaum.jemoji.Emoji;
import net.fellbaum.jemoji.EmojiManager;

/**
 * Slack's emoji shortcodes as the emoji themselves. Slack sends every emoji in message text as a shortcode
 * ({@code :tada:}, with a skin tone {@code :thumbsup::skin-tone-2:}) and in {@code rich_text} as an {@code emoji}
 * element with a {@code name}, sometimes its {@code unicode} and a {@code skin_tone}. Outside Slack (the Teams card,
 * the web page, the exports, the local console) a shortcode reads as {@code :tada:}, so the Slack adapter converts
 * known ones when a message enters core, and the stored answer reads right on every surface (issue 11). The names come
 * from jemoji's Unicode emoji list with Slack's aliases; a name it does not know, such as a workspace's custom emoji,
 * stays as written ({@code :party-parrot:}).
 *
 * <p>Skin tones: Slack's {@code skin-tone-2} to {@code skin-tone-6} are the five Fitzpatrick modifiers U+1F3FB to
 * U+1F3FF in order (Unicode UTS #51, "Emoji Modifiers"). The toned emoji is picked from jemoji's variations of the
 * base emoji by that modifier, not from jemoji's toned Slack aliases, which map some tones to the wrong modifier in
 * 1.7.4. Stateless and thread-safe.
 */
final class SlackEmoji {
    /** A shortcode with an optional skin tone; Slack's names are lower-case letters, digits, "_", "-", "+" and "'". */
    private static final Pattern SHORTCODE = Pattern.compile(":([a-z0-9_+'-]+):(?::skin-tone-([2-6]):)?");

    private static final int FIRST_MODIFIER = 0x1F3FB;

    private SlackEmoji() {}

    /** {@code text} with every known shortcode as its emoji; unknown ones, and everything else, as they were. */
    static String shortcodes(String text) {
        if (text == null || text.indexOf(':') < 0) {
            return text;
        }
        Matcher m = SHORTCODE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            Integer tone = m.group(2) == null ? null : Integer.parseInt(m.group(2));
            String emoji = of(m.group(1), tone).orElse(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(emoji));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The emoji named {@code name} (without colons), in skin tone {@code skinTone} (2 to 6, Slack's numbering) where
     * it has that tone; empty when the name is not a standard emoji.
     */
    static Optional<String> of(String name, Integer skinTone) {
        String alias = ":" + name + ":";
        Optional<Emoji> base = EmojiManager.getBySlackAlias(alias)
                .or(() -> EmojiManager.getByAlias(alias).flatMap(l -> l.stream().findFirst()));
        if (base.isEmpty()) {
            return Optional.empty();
        }
        if (skinTone == null || skinTone < 2 || skinTone > 6) {
            return Optional.of(base.get().getEmoji());
        }
        int modifier = FIRST_MODIFIER + skinTone - 2;
        return Optional.of(base.get().getVariations().stream()
                .map(Emoji::getEmoji)
                .filter(v -> onlyModifier(v, modifier))
                .findFirst()
                .orElse(base.get().getEmoji()));
    }

    /** Whether {@code emoji} carries the skin tone {@code modifier}, and no other. */
    private static boolean onlyModifier(String emoji, int modifier) {
        boolean found = false;
        for (int cp : emoji.codePoints().toArray()) {
            if (cp >= FIRST_MODIFIER && cp <= FIRST_MODIFIER + 4) {
                if (cp != modifier) {
                    return false;
                }
                found = true;
            }
        }
        return found;
    }
}

package org.shoptalk.core.local;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * User and channel names in the local console. Local user ids are plain names ("alice"); a channel is a
 * name ("general") or a person's private chat with the bot ("@alice").
 */
final class LocalNames {
    static final String BOT = "shoptalk";
    private static final Pattern USER = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,39}");
    private static final Pattern CHANNEL = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,79}");

    private LocalNames() {}

    /** A person's name, without a leading "@". */
    static String user(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new LocalInputException("console.error.user.missing");
        }
        String name = raw.strip();
        name = name.startsWith("@") ? name.substring(1) : name;
        if (!USER.matcher(name).matches()) {
            throw new LocalInputException("console.error.user.invalid", shorten(raw));
        }
        if (name.toLowerCase(Locale.ROOT).equals(BOT)) {
            throw new LocalInputException("console.error.user.bot");
        }
        return name;
    }

    /** A channel name without a leading "#", or "@name" for someone's private chat with the bot. */
    static String channel(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new LocalInputException("console.error.channel.missing");
        }
        String name = raw.strip();
        if (name.startsWith("@")) {
            return "@" + user(name.substring(1));
        }
        name = name.startsWith("#") ? name.substring(1) : name;
        if (!CHANNEL.matcher(name).matches()) {
            throw new LocalInputException("console.error.channel.invalid", shorten(raw));
        }
        return name;
    }

    static boolean isDirect(String channel) {
        return channel.startsWith("@");
    }

    static String directChannelOf(String user) {
        return "@" + user;
    }

    private static String shorten(String raw) {
        return raw.length() > 50 ? raw.substring(0, 50) + "..." : raw;
    }
}

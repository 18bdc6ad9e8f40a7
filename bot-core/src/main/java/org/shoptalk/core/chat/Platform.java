package org.shoptalk.core.chat;

import java.util.Arrays;
import java.util.Locale;

/** The chat platforms Shoptalk speaks on. The key prefixes every stored identifier. */
public enum Platform {
    SLACK("slack"),
    TEAMS("teams"),
    LOCAL("local");

    private final String key;

    Platform(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Platform fromKey(String key) {
        return Arrays.stream(values())
                .filter(p -> p.key.equals(key.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown platform: " + key));
    }
}

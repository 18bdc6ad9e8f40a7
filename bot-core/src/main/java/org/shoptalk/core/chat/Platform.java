package org.shoptalk.core.chat;

import java.util.Arrays;
import java.util.Locale;

/** The chat platforms Shoptalk speaks on. The key prefixes every stored identifier. */
public enum Platform {
    SLACK("slack", "Slack", true),
    TEAMS("teams", "Teams", true),
    LOCAL("local", "Shoptalk", false);

    private final String key;
    private final String label;
    private final boolean peopleById;

    Platform(String key, String label, boolean peopleById) {
        this.key = key;
        this.label = label;
        this.peopleById = peopleById;
    }

    /** The platform's name as people know it, for texts such as "pick your colleague from the list Slack shows". */
    public String label() {
        return label;
    }

    /**
     * True when the platform says who a mention means by an id (Slack's {@code <@U123>}, a Teams mention entity),
     * so a person typed as plain {@code @carl} is one it could not find (issue 11). The local console has no ids: its
     * people are the names typed.
     */
    public boolean peopleById() {
        return peopleById;
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

package org.shoptalk.core.chat;

import java.util.Objects;

/**
 * One isolated space of users and channels: a Slack workspace, a Teams tenant, or the local console.
 * Every query in core is scoped to one tenant.
 */
public record Tenant(Platform platform, String id) {
    public static final Tenant LOCAL = new Tenant(Platform.LOCAL, "local");

    public Tenant {
        Objects.requireNonNull(platform, "platform");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("tenant id must not be blank");
        }
    }

    /** Stable storage form, e.g. {@code slack:T0123}. */
    public String key() {
        return platform.key() + ":" + id;
    }

    public static Tenant fromKey(String key) {
        int colon = key.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("not a tenant key: " + key);
        }
        return new Tenant(Platform.fromKey(key.substring(0, colon)), key.substring(colon + 1));
    }

    @Override
    public String toString() {
        return key();
    }
}

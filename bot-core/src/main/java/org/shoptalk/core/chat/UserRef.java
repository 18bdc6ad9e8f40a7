package org.shoptalk.core.chat;

import java.util.Objects;

/** A person inside one tenant, by the platform's own user id. */
public record UserRef(Tenant tenant, String id) {
    public UserRef {
        Objects.requireNonNull(tenant, "tenant");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("user id must not be blank");
        }
    }
}

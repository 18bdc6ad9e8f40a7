package org.shoptalk.core.web;

import java.util.Objects;

/** One endpoint an adapter offers, e.g. POST /slack/events. The app mounts routes on its server. */
public record Route(String method, String path, Endpoint endpoint) {

    /** Handles one call. Implementations are thread-safe. */
    @FunctionalInterface
    public interface Endpoint {
        HttpAnswer handle(HttpCall call);
    }

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(endpoint, "endpoint");
    }
}

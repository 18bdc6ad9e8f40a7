package org.shoptalk.core.web;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An HTTP request as plain data, so adapters can serve their endpoints without depending on the
 * app's HTTP server. Header names are matched case-insensitively. The body is kept byte for byte:
 * signature checks need it unchanged. Immutable: the body is copied in and out, which is why this is a class and
 * not a record (a record's array component would be shared and compared by reference).
 */
public final class HttpCall {
    private final String method;
    private final String path;
    private final Map<String, List<String>> query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final String remoteAddress;

    public HttpCall(
            String method,
            String path,
            Map<String, List<String>> query,
            Map<String, List<String>> headers,
            byte[] body,
            String remoteAddress) {
        this.method = Objects.requireNonNull(method, "method");
        this.path = Objects.requireNonNull(path, "path");
        this.query = Map.copyOf(query == null ? Map.of() : query);
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
        }
        this.headers = Collections.unmodifiableMap(h);
        this.body = body == null ? new byte[0] : body.clone();
        this.remoteAddress = remoteAddress;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public Map<String, List<String>> query() {
        return query;
    }

    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The peer's address as the server saw it; null when unknown. */
    public String remoteAddress() {
        return remoteAddress;
    }

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** A copy of the body bytes. */
    public byte[] body() {
        return body.clone();
    }

    @Override
    public String toString() {
        return "HttpCall[" + method + " " + path + ", " + body.length + " bytes]";
    }
}

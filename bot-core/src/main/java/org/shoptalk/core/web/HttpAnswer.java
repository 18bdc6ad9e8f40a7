package org.shoptalk.core.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP response as plain data; the app copies it onto its server's response. Immutable: the body is copied in
 * and out, which is why this is a class and not a record (a record's array component would be shared and compared
 * by reference).
 */
public final class HttpAnswer {
    private final int status;
    private final Map<String, String> headers;
    private final String contentType;
    private final byte[] body;

    public HttpAnswer(int status, Map<String, String> headers, String contentType, byte[] body) {
        this.status = status;
        this.headers = Map.copyOf(headers == null ? Map.of() : headers);
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.body = body == null ? new byte[0] : body.clone();
    }

    public static HttpAnswer text(int status, String text) {
        return new HttpAnswer(status, Map.of(), "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    public static HttpAnswer json(int status, String json) {
        return new HttpAnswer(status, Map.of(), "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public static HttpAnswer redirect(String location) {
        return new HttpAnswer(302, Map.of("Location", location), "text/plain; charset=utf-8", new byte[0]);
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public String contentType() {
        return contentType;
    }

    /** A copy of the body bytes. */
    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "HttpAnswer[" + status + ", " + contentType + ", " + body.length + " bytes]";
    }
}

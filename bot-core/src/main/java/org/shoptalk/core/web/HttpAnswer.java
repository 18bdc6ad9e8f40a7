package org.shoptalk.core.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/** An HTTP response as plain data; the app copies it onto its server's response. */
public record HttpAnswer(int status, Map<String, String> headers, String contentType, byte[] body) {
    public HttpAnswer {
        headers = Map.copyOf(headers == null ? Map.of() : headers);
        Objects.requireNonNull(contentType, "contentType");
        body = body == null ? new byte[0] : body.clone();
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

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}

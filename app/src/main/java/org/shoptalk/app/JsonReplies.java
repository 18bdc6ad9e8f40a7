package org.shoptalk.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes JSON answers, errors included, in one shape: {@code {"error": "...", "expected": "..."}}. */
final class JsonReplies {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonReplies() {}

    static void send(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON answer", e);
        }
    }

    static void error(Context ctx, int status, String message) {
        send(ctx, status, Map.of("error", message));
    }

    static void error(Context ctx, int status, String message, String expected) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("expected", expected);
        send(ctx, status, body);
    }
}

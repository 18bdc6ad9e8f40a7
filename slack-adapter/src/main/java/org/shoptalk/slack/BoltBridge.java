package org.shoptalk.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shoptalk.core.web.HttpAnswer;
import org.shoptalk.core.web.HttpCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hosts Bolt on our own HTTP server: turns an {@link HttpCall} into a Bolt request (raw body
 * untouched, so the signature check sees exactly what Slack signed), runs the app, and copies the
 * answer back. Bolt's own middleware verifies signatures and timestamps (401) before any handler runs.
 * Thread-safe.
 */
final class BoltBridge {
    private static final Logger log = LoggerFactory.getLogger(BoltBridge.class);

    private final App app;
    private final SlackRequestParser parser;

    BoltBridge(App app) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
    }

    HttpAnswer handle(HttpCall call) {
        if ("POST".equals(call.method()) && !looksLikeSlack(call.bodyText())) {
            return malformed();
        }
        Request<?> request;
        try {
            request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(call.path())
                    .queryString(mutableCopy(call.query()))
                    .headers(new RequestHeaders(mutableCopy(call.headers())))
                    .requestBody(call.bodyText())
                    .remoteAddress(call.remoteAddress())
                    .build());
        } catch (RuntimeException e) {
            // Gson and the form decoder throw on bodies that are not what they claim to be.
            return malformed();
        }
        if (request == null) {
            return malformed();
        }
        try {
            return toAnswer(app.run(request));
        } catch (Exception e) {
            log.error("Slack request failed ({}): {}", request.getRequestType(), e.toString());
            return HttpAnswer.text(503, "Shoptalk could not handle this Slack request right now; Slack will retry.");
        }
    }

    /**
     * A cheap shape check before Bolt's parser, which logs whole unrecognised bodies (people's words)
     * at WARN: a JSON object with a "type", or a form with a command, an interactivity payload or an ssl_check.
     */
    private static boolean looksLikeSlack(String body) {
        String trimmed = body.strip();
        if (trimmed.startsWith("{")) {
            try {
                JsonElement json = JsonParser.parseString(trimmed);
                return json.isJsonObject() && json.getAsJsonObject().has("type")
                        && json.getAsJsonObject().get("type").isJsonPrimitive();
            } catch (JsonParseException e) {
                return false;
            }
        }
        for (String pair : trimmed.split("&")) {
            if (pair.startsWith("command=") || pair.startsWith("payload=") || pair.startsWith("ssl_check=")) {
                return true;
            }
        }
        return false;
    }

    private static HttpAnswer malformed() {
        return HttpAnswer.text(400, "Malformed Slack request: expected a JSON event, a form-encoded "
                + "slash command or an interactivity payload.");
    }

    private static HttpAnswer toAnswer(Response response) {
        Map<String, String> headers = new HashMap<>();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, values) -> {
                if (values != null && !values.isEmpty()) {
                    headers.put(name, String.join(", ", values));
                }
            });
        }
        int status = response.getStatusCode() == null ? 200 : response.getStatusCode();
        String contentType = response.getContentType() != null ? response.getContentType()
                : "text/plain; charset=utf-8";
        String body = response.getBody() == null ? "" : response.getBody();
        return new HttpAnswer(status, headers, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, List<String>> mutableCopy(Map<String, List<String>> source) {
        Map<String, List<String>> copy = new HashMap<>();
        source.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
        return copy;
    }
}

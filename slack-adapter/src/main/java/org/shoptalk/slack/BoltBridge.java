package org.shoptalk.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shoptalk.core.Failures;
import org.shoptalk.core.web.HttpAnswer;
import org.shoptalk.core.web.HttpCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hosts Bolt on our own HTTP server: turns an {@link HttpCall} into a Bolt request (raw body
 * untouched, so the signature check sees exactly what Slack signed), runs the app, and copies the
 * answer back. A POST's signature is checked here, before Bolt parses anything ({@link SlackSignatureCheck}, 401;
 * Bolt's own check is off, see there why), and {@link RequestFreshness} refuses timestamps from the future in Bolt's
 * middleware (401); a body Bolt would not recognise, and so would log whole, is refused before Bolt sees it
 * ({@link SlackRequestShape}).
 * A request that fails because something is briefly away (the database) gets 503 and Slack retries it;
 * one that can never succeed (fields of the wrong type, missing ids) gets 400 with {@code X-Slack-No-Retry},
 * so Slack does not deliver it three more times. Thread-safe.
 */
final class BoltBridge {
    private static final Logger log = LoggerFactory.getLogger(BoltBridge.class);
    static final String NO_RETRY = "X-Slack-No-Retry";

    private final App app;
    private final SlackRequestParser parser;
    private final SlackSignatureCheck signatures;

    BoltBridge(App app, SlackSignatureCheck signatures) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.signatures = signatures;
    }

    HttpAnswer handle(HttpCall call) {
        String body = "";
        SlackRequestShape.Kind kind = SlackRequestShape.Kind.OTHER_KNOWN;
        if ("POST".equals(call.method())) {
            byte[] bytes = call.body();
            if (!signatures.isValid(
                    call.header(SlackSignatureCheck.TIMESTAMP_HEADER),
                    call.header(SlackSignatureCheck.SIGNATURE_HEADER),
                    bytes)) {
                log.info("Slack request refused: missing, stale or invalid signature");
                return new HttpAnswer(
                        401,
                        Map.of(NO_RETRY, "1"),
                        "application/json; charset=utf-8",
                        "{\"error\":\"invalid request\"}".getBytes(StandardCharsets.UTF_8));
            }
            body = new String(bytes, StandardCharsets.UTF_8);
            kind = SlackRequestShape.kind(body);
            if (kind == SlackRequestShape.Kind.UNKNOWN) {
                return malformed();
            }
        }
        Request<?> request;
        try {
            request = kind == SlackRequestShape.Kind.EVENT_CALLBACK
                    ? eventRequest(call, body)
                    : parser.parse(SlackRequestParser.HttpRequest.builder()
                            .requestUri(call.path())
                            .queryString(mutableCopy(call.query()))
                            .headers(new RequestHeaders(mutableCopy(call.headers())))
                            .requestBody(body)
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
            HttpAnswer answer = toAnswer(app.run(request));
            // Bolt's own 4xx (a bad signature, a payload it cannot read) would come back the same on every retry.
            return answer.status() >= 400
                            && answer.status() < 500
                            && !answer.headers().containsKey(NO_RETRY)
                    ? withHeader(answer, NO_RETRY, "1")
                    : answer;
        } catch (Exception e) {
            if (Failures.isTransient(e)) {
                log.error(
                        "Slack {} request failed for now, Slack will retry: {}",
                        request.getRequestType(),
                        Failures.describe(e));
                return HttpAnswer.text(
                        503, "Shoptalk could not handle this Slack request right now; Slack will retry.");
            }
            log.warn("Slack {} request refused, it cannot succeed: {}", request.getRequestType(), Failures.describe(e));
            return noRetry("Shoptalk cannot handle this Slack request: a field is missing or has the wrong type.");
        }
    }

    /**
     * The request {@link SlackRequestParser#parse} builds for an {@code event_callback} body, built without the
     * parser's two extra passes over the body (its JSON payload extractor and its look at {@code type} each parse the
     * whole body with a Gson built for the call; issue 13 counted the parses, and a profile of the bench put the
     * parser at 9% of the CPU an answer costs). What the parser does after building it is done here too: the app's
     * context, the query string, and the client's address ({@code X-Forwarded-For} first).
     */
    private Request<?> eventRequest(HttpCall call, String body) {
        RequestHeaders headers = new RequestHeaders(mutableCopy(call.headers()));
        EventRequest request = new EventRequest(body, headers);
        request.updateContext(app.config());
        call.query()
                .forEach((name, values) -> request.getQueryString()
                        .computeIfAbsent(name, n -> new ArrayList<>())
                        .addAll(values));
        String forwarded = headers.getFirstValue("X-FORWARDED-FOR");
        request.setClientIpAddress(forwarded != null ? forwarded : call.remoteAddress());
        return request;
    }

    private static HttpAnswer malformed() {
        return noRetry("Malformed Slack request: expected a JSON event, a form-encoded "
                + "slash command or an interactivity payload.");
    }

    /** A 400 that Slack will not retry: the same request would fail the same way. */
    private static HttpAnswer noRetry(String why) {
        return new HttpAnswer(
                400, Map.of(NO_RETRY, "1"), "text/plain; charset=utf-8", why.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpAnswer withHeader(HttpAnswer answer, String name, String value) {
        Map<String, String> headers = new HashMap<>(answer.headers());
        headers.put(name, value);
        return new HttpAnswer(answer.status(), headers, answer.contentType(), answer.body());
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
        String contentType =
                response.getContentType() != null ? response.getContentType() : "text/plain; charset=utf-8";
        String body = response.getBody() == null ? "" : response.getBody();
        return new HttpAnswer(status, headers, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, List<String>> mutableCopy(Map<String, List<String>> source) {
        Map<String, List<String>> copy = new HashMap<>();
        source.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
        return copy;
    }
}

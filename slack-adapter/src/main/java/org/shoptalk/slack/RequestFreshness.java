package org.shoptalk.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.middleware.MiddlewareOps;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt middleware that refuses (401) a signed HTTP request whose {@code X-Slack-Request-Timestamp} is more than
 * {@link #WINDOW} (five minutes) away from now, in either direction. The rule is Slack's, from "Verifying requests
 * from Slack": a timestamp more than five minutes from local time may be a replay. Bolt's own check refuses only
 * old timestamps, so a request stamped in the future (minutes, days, or a value in milliseconds) would otherwise be
 * accepted and could be replayed until that time comes. Runs after Bolt's signature check, which ties the
 * timestamp to the body. Socket Mode requests carry neither signature nor timestamp (the WebSocket is opened with
 * the app token), and the OAuth install pages are plain browser requests: both pass untouched. Thread-safe.
 */
final class RequestFreshness implements Middleware {
    private static final Logger log = LoggerFactory.getLogger(RequestFreshness.class);

    /** How far, in either direction, a request's timestamp may be from the clock: five minutes, per Slack. */
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final Clock clock;

    /** @param clock what "now" is; the timestamp header counts seconds since the Unix epoch */
    RequestFreshness(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    @SuppressWarnings("rawtypes") // Bolt's Middleware interface itself declares the raw Request
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        if (req.isSocketMode() || MiddlewareOps.isNoSlackSignatureRequest(req.getRequestType())) {
            return chain.next(req);
        }
        String timestamp = req.getHeaders().getFirstValue(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
        if (!isFresh(timestamp, clock.instant())) {
            log.info(
                    "Slack {} request refused: its timestamp is more than {} minutes from now",
                    req.getRequestType(),
                    WINDOW.toMinutes());
            return Response.json(401, "{\"error\":\"invalid request\"}");
        }
        return chain.next(req);
    }

    /**
     * Whether a timestamp header (whole seconds since the Unix epoch, as Slack sends it) lies within
     * {@link #WINDOW} of {@code now}, either side. Anything that is not a plain number of seconds is not fresh.
     */
    static boolean isFresh(String header, Instant now) {
        if (header == null
                || header.isEmpty()
                || header.length() > 12
                || !header.chars().allMatch(Character::isDigit)) {
            return false;
        }
        long seconds = Long.parseLong(header);
        return Math.abs(now.getEpochSecond() - seconds) <= WINDOW.toSeconds();
    }
}

package org.shoptalk.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.shoptalk.core.chat.ChatPlatformException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Web API calls with Slack's retry etiquette: a 429 waits for {@code Retry-After}, a 5xx or a
 * network failure backs off exponentially, both a bounded number of times. Errors that retrying cannot
 * fix (the bot left the channel, the channel is gone, the token was revoked) become permanent
 * {@link ChatPlatformException}s so core skips them instead of retrying forever. Thread-safe.
 */
final class SlackCalls {
    private static final Logger log = LoggerFactory.getLogger(SlackCalls.class);

    static final Set<String> PERMANENT_ERRORS = Set.of(
            "not_in_channel", "channel_not_found", "is_archived", "account_inactive", "token_revoked",
            "invalid_auth", "not_authed", "missing_scope", "user_not_found", "cannot_dm_bot", "msg_too_long",
            "invalid_blocks", "no_text", "restricted_action", "team_access_not_granted", "ekm_access_denied",
            "message_not_found", "cant_update_message", "edit_window_closed", "no_installation");

    /** Waits between attempts; tests substitute a recording one. */
    @FunctionalInterface
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** One Web API call. */
    @FunctionalInterface
    interface Call<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    private final Pause pause;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final Duration maxRetryAfter;

    SlackCalls(Pause pause, int maxAttempts, Duration firstBackoff, Duration maxRetryAfter) {
        this.pause = pause;
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
        this.maxRetryAfter = maxRetryAfter;
    }

    static SlackCalls standard() {
        return new SlackCalls(d -> Thread.sleep(d.toMillis()), 6, Duration.ofMillis(500), Duration.ofSeconds(60));
    }

    <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
        Duration backoff = firstBackoff;
        for (int attempt = 1; ; attempt++) {
            Duration wait;
            String problem;
            try {
                T response = call.run();
                if (response.isOk()) {
                    return response;
                }
                String error = response.getError();
                if (!"ratelimited".equals(error)) {
                    throw new ChatPlatformException("Slack " + method + " failed: " + error,
                            PERMANENT_ERRORS.contains(error));
                }
                problem = "ratelimited";
                wait = Duration.ofSeconds(1);
            } catch (SlackApiException e) {
                int status = e.getResponse().code();
                if (status == 429) {
                    problem = "429";
                    wait = retryAfter(e.getResponse().header("Retry-After"));
                } else if (status >= 500) {
                    problem = "HTTP " + status;
                    wait = backoff;
                    backoff = backoff.multipliedBy(2);
                } else {
                    String error = e.getError() != null ? e.getError().getError() : null;
                    throw new ChatPlatformException("Slack " + method + " failed: HTTP " + status
                            + (error != null ? " " + error : ""), error != null && PERMANENT_ERRORS.contains(error), e);
                }
            } catch (IOException e) {
                problem = "network: " + e.getClass().getSimpleName();
                wait = backoff;
                backoff = backoff.multipliedBy(2);
            }
            if (attempt >= maxAttempts) {
                throw new ChatPlatformException("Slack " + method + " still failing after " + attempt
                        + " attempts (" + problem + ")", false);
            }
            log.info("Slack {} attempt {} got {}; retrying in {} ms", method, attempt, problem, wait.toMillis());
            try {
                pause.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChatPlatformException("interrupted while waiting to retry Slack " + method, false, e);
            }
        }
    }

    private Duration retryAfter(String header) {
        try {
            long seconds = header == null ? 1 : Long.parseLong(header.trim());
            Duration wait = Duration.ofSeconds(Math.max(1, seconds));
            return wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait;
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }
}

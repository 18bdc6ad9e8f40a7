package org.shoptalk.teams;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits out throttling of the Bot Connector: a 429 (or a 502/503/504) is retried after its
 * Retry-After, or after an exponential backoff with jitter when there is none. Bounded by a number of
 * attempts and a longest single wait, so a scheduled post never hangs a scheduler thread for long.
 * The SDK's own retry handler retries without waiting and ignores 429, so it is switched off.
 * Thread-safe.
 */
final class ThrottleInterceptor implements Interceptor {
    private static final Logger LOG = LoggerFactory.getLogger(ThrottleInterceptor.class);

    private final int maxAttempts;
    private final Duration firstBackoff;
    private final Duration longestWait;

    ThrottleInterceptor(int maxAttempts, Duration firstBackoff, Duration longestWait) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
        this.longestWait = longestWait;
    }

    static ThrottleInterceptor standard() {
        return new ThrottleInterceptor(5, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        for (int attempt = 1; attempt < maxAttempts && retryable(response.code()); attempt++) {
            Duration wait = waitBefore(attempt, response.header("Retry-After"));
            LOG.info("Bot Connector answered {} to {} {}; retrying in {} ms (attempt {} of {})", response.code(),
                    chain.request().method(), chain.request().url().encodedPath(), wait.toMillis(), attempt + 1, maxAttempts);
            response.close();
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting out Bot Connector throttling");
            }
            response = chain.proceed(chain.request());
        }
        return response;
    }

    private static boolean retryable(int code) {
        return code == 429 || code == 502 || code == 503 || code == 504;
    }

    Duration waitBefore(int attempt, String retryAfter) {
        Duration wait = parseRetryAfter(retryAfter);
        if (wait == null) {
            long base = firstBackoff.toMillis() << Math.min(attempt - 1, 10);
            wait = Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(Math.max(1, base / 4)));
        }
        return wait.compareTo(longestWait) > 0 ? longestWait : wait;
    }

    /** Retry-After is either delta-seconds or an HTTP date. */
    static Duration parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}

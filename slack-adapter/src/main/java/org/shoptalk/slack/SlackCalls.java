package org.shoptalk.slack;

import static org.shoptalk.core.chat.PlatformCall.Effect.READ;
import static org.shoptalk.core.chat.PlatformCall.Effect.WRITE;
import static org.shoptalk.core.chat.RateLimitedException.Scope.CHANNEL;
import static org.shoptalk.core.chat.RateLimitedException.Scope.WORKSPACE;

import com.slack.api.methods.Methods;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.PlatformCall;
import org.shoptalk.core.chat.RateLimitedException;
import org.shoptalk.core.chat.UnknownOutcomeException;

/**
 * Runs each Web API call once and says what its failure means, without ever waiting, so no scheduler or
 * request thread sleeps on Slack (core plans the next attempt):
 * <ul>
 *   <li>HTTP 429 with {@code Retry-After} (seconds), or the {@code ratelimited} error: {@link RateLimitedException}.
 *       Slack limits chat.postMessage to about one message per second per channel and every other method per
 *       method per workspace (Slack's "Rate limits" page, docs.slack.dev/apis/web-api/rate-limits), hence the
 *       {@link Method}'s scope;</li>
 *   <li>a 5xx, a lost answer, or Slack's {@code internal_error}/{@code fatal_error} ("some aspect of the operation
 *       may have succeeded"): {@link UnknownOutcomeException} for a write, a transient failure for a read;</li>
 *   <li>errors retrying cannot fix (the bot left the channel, the token was revoked): permanent
 *       {@link ChatPlatformException}s, so core skips them instead of retrying forever.</li>
 * </ul>
 * The rules shared with Teams live in {@link PlatformCall}. Thread-safe.
 */
final class SlackCalls {

    /** The Web API methods Shoptalk calls: whether repeating one could post twice, and what its rate limit covers. */
    enum Method {
        CHAT_POST_MESSAGE(Methods.CHAT_POST_MESSAGE, WRITE, CHANNEL),
        CHAT_POST_EPHEMERAL(Methods.CHAT_POST_EPHEMERAL, WRITE, WORKSPACE),
        CHAT_UPDATE(Methods.CHAT_UPDATE, WRITE, WORKSPACE),
        CHAT_GET_PERMALINK(Methods.CHAT_GET_PERMALINK, READ, WORKSPACE),
        CONVERSATIONS_HISTORY(Methods.CONVERSATIONS_HISTORY, READ, WORKSPACE),
        USERS_INFO(Methods.USERS_INFO, READ, WORKSPACE),
        VIEWS_PUBLISH(Methods.VIEWS_PUBLISH, WRITE, WORKSPACE),
        VIEWS_OPEN(Methods.VIEWS_OPEN, WRITE, WORKSPACE);

        private final String name;
        private final PlatformCall.Effect effect;
        private final RateLimitedException.Scope scope;

        Method(String name, PlatformCall.Effect effect, RateLimitedException.Scope scope) {
            this.name = name;
            this.effect = effect;
            this.scope = scope;
        }

        PlatformCall call() {
            return new PlatformCall("Slack " + name, effect, scope);
        }
    }

    static final Set<String> PERMANENT_ERRORS = Set.of(
            "not_in_channel",
            "channel_not_found",
            "is_archived",
            "account_inactive",
            "token_revoked",
            "invalid_auth",
            "not_authed",
            "missing_scope",
            "user_not_found",
            "cannot_dm_bot",
            "msg_too_long",
            "msg_blocks_too_long",
            "invalid_blocks",
            "invalid_blocks_format",
            "no_text",
            "restricted_action",
            "team_access_not_granted",
            "ekm_access_denied",
            "message_not_found",
            "cant_update_message",
            "edit_window_closed",
            "no_installation");

    /** Refusals of the message itself, by what they mean: a smaller or simpler message may pass. */
    static final Set<String> TOO_LARGE_ERRORS = Set.of("msg_too_long", "msg_blocks_too_long");

    static final Set<String> INVALID_MESSAGE_ERRORS = Set.of("invalid_blocks", "invalid_blocks_format", "no_text");
    /** The channel will not take any message from the bot. */
    static final Set<String> CHANNEL_ERRORS = Set.of("not_in_channel", "channel_not_found", "is_archived");

    /** Slack's error codes for a rate limit answered in the body rather than with HTTP 429. */
    static final Set<String> RATE_LIMITED_ERRORS = Set.of("ratelimited", "rate_limited");

    /** Errors Slack documents as "it's possible some aspect of the operation succeeded". */
    static final Set<String> MAYBE_APPLIED_ERRORS = Set.of("internal_error", "fatal_error");

    /** One Web API call. */
    @FunctionalInterface
    interface Call<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    private final Clock clock;

    /** @param clock what an HTTP-date in {@code Retry-After} is measured against */
    SlackCalls(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Runs the call once: its answer when Slack said ok, otherwise the exception that says what happened. */
    <T extends SlackApiTextResponse> T call(Method method, Call<T> call) {
        PlatformCall rules = method.call();
        T response;
        try {
            response = call.run();
        } catch (SlackApiException e) {
            String error = e.getError() != null ? e.getError().getError() : null;
            int status = e.getResponse().code();
            throw rules.answered(
                    status,
                    e.getResponse().header("Retry-After"),
                    status == 413 || (error != null && PERMANENT_ERRORS.contains(error)),
                    status == 413 ? ChatPlatformException.Reason.TOO_LARGE : reason(error),
                    error,
                    clock,
                    e);
        } catch (IOException e) {
            throw rules.notAnswered(e);
        }
        if (response.isOk()) {
            return response;
        }
        String error = response.getError();
        if (RATE_LIMITED_ERRORS.contains(error)) {
            throw rules.rateLimited(null, clock);
        }
        if (MAYBE_APPLIED_ERRORS.contains(error)) {
            throw rules.failedAfterSending(error, null);
        }
        throw new ChatPlatformException(
                rules.name() + " failed: " + error, PERMANENT_ERRORS.contains(error), reason(error), error, null);
    }

    static ChatPlatformException.Reason reason(String error) {
        if (error == null) {
            return ChatPlatformException.Reason.OTHER;
        }
        if (TOO_LARGE_ERRORS.contains(error)) {
            return ChatPlatformException.Reason.TOO_LARGE;
        }
        if (INVALID_MESSAGE_ERRORS.contains(error)) {
            return ChatPlatformException.Reason.INVALID_MESSAGE;
        }
        return CHANNEL_ERRORS.contains(error)
                ? ChatPlatformException.Reason.CHANNEL_UNREACHABLE
                : ChatPlatformException.Reason.OTHER;
    }
}

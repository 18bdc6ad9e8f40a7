package org.shoptalk.teams;

import static org.shoptalk.core.chat.PlatformCall.Effect.READ;
import static org.shoptalk.core.chat.PlatformCall.Effect.WRITE;
import static org.shoptalk.core.chat.RateLimitedException.Scope.CHANNEL;
import static org.shoptalk.core.chat.RateLimitedException.Scope.WORKSPACE;

import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.rest.ErrorResponseException;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.connector.rest.RestTeamsConnectorClient;
import com.microsoft.bot.restclient.RestClient;
import com.microsoft.bot.restclient.ServiceResponseBuilder;
import com.microsoft.bot.restclient.retry.RetryStrategy;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationResourceResponse;
import com.microsoft.bot.schema.ResourceResponse;
import com.microsoft.bot.schema.teams.ChannelInfo;
import com.microsoft.bot.schema.teams.ConversationList;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.PlatformCall;
import org.shoptalk.core.chat.RateLimitedException;
import org.shoptalk.core.chat.UnknownOutcomeException;
import retrofit2.Retrofit;

/**
 * The Bot Connector REST API at a team's service URL, through the SDK's connector clients. Keeps one client per
 * service URL. Each call is made once and never waits, so no scheduler thread sleeps on Teams; every failure
 * becomes a {@link ChatPlatformException} by the rules in {@link PlatformCall}:
 * <ul>
 *   <li>HTTP 429 is a {@link RateLimitedException} carrying {@code Retry-After} (delta-seconds or an HTTP-date, RFC
 *       9110 §10.2.3). Microsoft limits bots per conversation ("per bot per thread") and per tenant ("Optimize your
 *       bot with rate limiting and best practices in Teams", learn.microsoft.com/microsoftteams/platform/bots/how-to/
 *       rate-limit): posts into one conversation are limited {@code CHANNEL}, other calls {@code WORKSPACE};</li>
 *   <li>a 5xx, a timeout or a broken connection after a send is an {@link UnknownOutcomeException}: Teams message
 *       sends are not idempotent, so a blind repeat could post twice;</li>
 *   <li>a 400 (refused content), 403 or 404 (bot removed, conversation gone) or 413 (too large) is permanent, and
 *       says which of these it was.</li>
 * </ul>
 * Thread-safe.
 */
final class Connector {
    private static final long CALL_TIMEOUT_SECONDS = 120;

    /** The SDK's retry handler repeats a failed send at once, without waiting: after a 5xx that could post twice. */
    private static final RetryStrategy NO_RETRY = new RetryStrategy("shoptalk-no-retry", false) {
        @Override
        public boolean shouldRetry(int retryCount, Response response) {
            return false;
        }
    };

    private static final PlatformCall NEW_POST = new PlatformCall("Teams: start a channel post", WRITE, CHANNEL);
    /** Teams answers with the same one-to-one chat every time, so opening it again is safe. */
    private static final PlatformCall OPEN_CHAT = new PlatformCall("Teams: open a personal chat", READ, WORKSPACE);

    private static final PlatformCall SEND = new PlatformCall("Teams: post a message", WRITE, CHANNEL);
    private static final PlatformCall UPDATE = new PlatformCall("Teams: update a message", WRITE, CHANNEL);
    private static final PlatformCall MEMBER = new PlatformCall("Teams: look up a member", READ, WORKSPACE);
    private static final PlatformCall CHANNELS = new PlatformCall("Teams: list the team's channels", READ, WORKSPACE);

    private final AppCredentials credentials;
    private final Clock clock;
    private final Map<String, RestConnectorClient> clients = new ConcurrentHashMap<>();
    private final Map<String, TeamsClient> teamsClients = new ConcurrentHashMap<>();

    /** @param clock what an HTTP-date in {@code Retry-After} is measured against */
    Connector(AppCredentials credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    /** A new channel post when the parameters carry an activity, otherwise the person's one-to-one chat. */
    ConversationResourceResponse createConversation(String serviceUrl, ConversationParameters parameters) {
        return call(
                parameters.getActivity() != null ? NEW_POST : OPEN_CHAT,
                () -> client(serviceUrl).getConversations().createConversation(parameters));
    }

    ResourceResponse send(String serviceUrl, String conversationId, Activity activity) {
        return call(SEND, () -> client(serviceUrl).getConversations().sendToConversation(conversationId, activity));
    }

    void update(String serviceUrl, String conversationId, String activityId, Activity activity) {
        call(UPDATE, () -> client(serviceUrl).getConversations().updateActivity(conversationId, activityId, activity));
    }

    ChannelAccount member(String serviceUrl, String conversationId, String userId) {
        return call(MEMBER, () -> client(serviceUrl).getConversations().getConversationMember(userId, conversationId));
    }

    List<ChannelInfo> channels(String serviceUrl, String teamId) {
        TeamsClient client = teamsClients.computeIfAbsent(serviceUrl, url -> new TeamsClient(restClient(url)));
        ConversationList list = call(CHANNELS, () -> client.getTeams().fetchChannelList(teamId));
        // The SDK answers a 404 with null rather than an error.
        return list == null || list.getConversations() == null ? List.of() : list.getConversations();
    }

    private RestConnectorClient client(String serviceUrl) {
        return clients.computeIfAbsent(serviceUrl, url -> new RestConnectorClient(restClient(url)));
    }

    private RestClient restClient(String serviceUrl) {
        // As RestConnectorClient.getDefaultRestClientBuilder, but OkHttp must not silently send a request again
        // after a connection failure: a send Teams may have accepted is an unknown outcome, not a retry.
        return new RestClient.Builder(
                        new OkHttpClient.Builder().retryOnConnectionFailure(false), new Retrofit.Builder())
                .withBaseUrl(serviceUrl)
                .withCredentials(credentials)
                .withSerializerAdapter(new JacksonAdapter())
                .withResponseBuilderFactory(new ServiceResponseBuilder.Factory())
                .withRetryStrategy(NO_RETRY)
                .build();
    }

    private <T> T call(PlatformCall what, Supplier<CompletableFuture<T>> start) {
        CompletableFuture<T> future = start.get();
        try {
            return future.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw what.notAnswered(e);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw what.notAnswered(e);
        } catch (ExecutionException e) {
            throw failure(what, e.getCause());
        }
    }

    private ChatPlatformException failure(PlatformCall what, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ErrorResponseException error && error.response() != null) {
                int status = error.response().code();
                if (status / 100 == 2) {
                    // Teams accepted it, but the SDK could not read the answer: a write has landed, id unknown.
                    return what.failedAfterSending("unreadable answer to HTTP " + status, cause);
                }
                return what.answered(
                        status,
                        error.response().headers().get("Retry-After"),
                        status == 400 || status == 403 || status == 404 || status == 413,
                        reason(status),
                        null,
                        clock,
                        cause);
            }
            if (t instanceof IOException) {
                return what.notAnswered(t);
            }
        }
        return new ChatPlatformException(
                what.name() + " failed: " + cause.getClass().getSimpleName(), false, cause);
    }

    /** What a refusal means for a post: too large (413), refused content (400), or a channel it cannot reach. */
    private static ChatPlatformException.Reason reason(int status) {
        return switch (status) {
            case 413 -> ChatPlatformException.Reason.TOO_LARGE;
            case 400 -> ChatPlatformException.Reason.INVALID_MESSAGE;
            case 403, 404 -> ChatPlatformException.Reason.CHANNEL_UNREACHABLE;
            default -> ChatPlatformException.Reason.OTHER;
        };
    }

    /** The SDK builds Teams clients from a RestClient only through this protected constructor. */
    private static final class TeamsClient extends RestTeamsConnectorClient {
        TeamsClient(RestClient restClient) {
            super(restClient);
        }

        /** The SDK's close releases nothing but declares Exception; the shared OkHttp client lives on. */
        @Override
        public void close() {}
    }
}

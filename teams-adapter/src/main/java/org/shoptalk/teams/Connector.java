package org.shoptalk.teams;

import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.rest.ErrorResponseException;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.connector.rest.RestTeamsConnectorClient;
import com.microsoft.bot.restclient.RestClient;
import com.microsoft.bot.restclient.retry.RetryStrategy;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationResourceResponse;
import com.microsoft.bot.schema.ResourceResponse;
import com.microsoft.bot.schema.teams.ChannelInfo;
import com.microsoft.bot.schema.teams.ConversationList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.Response;
import org.shoptalk.core.chat.ChatPlatformException;

/**
 * The Bot Connector REST API at a team's service URL, through the SDK's connector clients. Keeps one
 * client per service URL. Every failure becomes a {@link ChatPlatformException}; a 400, 403 or 404
 * (bot removed, conversation gone) is permanent. Thread-safe.
 */
final class Connector {
    private static final long CALL_TIMEOUT_SECONDS = 120;

    /** Retries belong to {@link ThrottleInterceptor}; the SDK's handler would retry without waiting. */
    private static final RetryStrategy NO_RETRY = new RetryStrategy("shoptalk-no-retry", false) {
        @Override
        public boolean shouldRetry(int retryCount, Response response) {
            return false;
        }
    };

    private final AppCredentials credentials;
    private final ThrottleInterceptor throttle;
    private final Map<String, RestConnectorClient> clients = new ConcurrentHashMap<>();
    private final Map<String, TeamsClient> teamsClients = new ConcurrentHashMap<>();

    Connector(AppCredentials credentials, ThrottleInterceptor throttle) {
        this.credentials = credentials;
        this.throttle = throttle;
    }

    ConversationResourceResponse createConversation(String serviceUrl, ConversationParameters parameters) {
        return call("create a conversation", client(serviceUrl).getConversations().createConversation(parameters));
    }

    ResourceResponse send(String serviceUrl, String conversationId, Activity activity) {
        return call("post a message", client(serviceUrl).getConversations().sendToConversation(conversationId, activity));
    }

    void update(String serviceUrl, String conversationId, String activityId, Activity activity) {
        call("update a message", client(serviceUrl).getConversations().updateActivity(conversationId, activityId, activity));
    }

    ChannelAccount member(String serviceUrl, String conversationId, String userId) {
        return call("look up a member", client(serviceUrl).getConversations().getConversationMember(userId, conversationId));
    }

    List<ChannelInfo> channels(String serviceUrl, String teamId) {
        TeamsClient client = teamsClients.computeIfAbsent(serviceUrl, url -> new TeamsClient(restClient(url)));
        ConversationList list = call("list the team's channels", client.getTeams().fetchChannelList(teamId));
        // The SDK answers a 404 with null rather than an error.
        return list == null || list.getConversations() == null ? List.of() : list.getConversations();
    }

    private RestConnectorClient client(String serviceUrl) {
        return clients.computeIfAbsent(serviceUrl, url -> new RestConnectorClient(restClient(url)));
    }

    private RestClient restClient(String serviceUrl) {
        return RestConnectorClient.getDefaultRestClientBuilder(serviceUrl, credentials)
                .withInterceptor(throttle)
                .withRetryStrategy(NO_RETRY)
                .build();
    }

    private static <T> T call(String what, CompletableFuture<T> future) {
        try {
            return future.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatPlatformException("interrupted while trying to " + what + " in Teams", false, e);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ChatPlatformException("Teams did not answer in time when trying to " + what, false, e);
        } catch (ExecutionException e) {
            throw failure(what, e.getCause());
        }
    }

    private static ChatPlatformException failure(String what, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ErrorResponseException error && error.response() != null) {
                int status = error.response().code();
                boolean permanent = status == 400 || status == 403 || status == 404;
                return new ChatPlatformException("Teams answered " + status + " when trying to " + what, permanent, cause);
            }
        }
        return new ChatPlatformException("could not " + what + " in Teams: " + cause.getClass().getSimpleName(), false, cause);
    }

    /** The SDK builds Teams clients from a RestClient only through this protected constructor. */
    private static final class TeamsClient extends RestTeamsConnectorClient {
        TeamsClient(RestClient restClient) {
            super(restClient);
        }

        /** The SDK's close releases nothing but declares Exception; the shared OkHttp client lives on. */
        @Override
        public void close() {
        }
    }
}

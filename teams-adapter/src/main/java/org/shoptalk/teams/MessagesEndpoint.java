package org.shoptalk.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.connector.authentication.JwtTokenValidation;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.shoptalk.core.Failures;
import org.shoptalk.core.web.HttpAnswer;
import org.shoptalk.core.web.HttpCall;
import org.shoptalk.core.web.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POST /api/messages: the Bot Framework's messaging endpoint. Authentication is middleware in front of
 * the translation: the bearer token must be signed by a Bot Framework key (from the OpenID metadata)
 * endorsed for Teams, issued by api.botframework.com, for our app id, and name the activity's service
 * URL; the token must carry {@code exp} and its key be endorsed for the channel ({@link ChannelTokenRules}).
 * Anything else is 401. An authentic activity from a tenant other than the bot's own is 403: the Bot Framework
 * did sign it, so new credentials would not help, but this single-tenant bot serves no one there. A body that is
 * not an activity, or an activity that can never be handled, is 400; only a transient failure (the database away) is 503, which Teams redelivers. Thread-safe.
 */
final class MessagesEndpoint implements Route.Endpoint {
    private static final Logger LOG = LoggerFactory.getLogger(MessagesEndpoint.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long AUTH_TIMEOUT_SECONDS = 20;

    private final CredentialProvider credentials;
    private final ChannelTokenRules tokenRules;
    private final String tenantId;
    private final AuthenticationConfiguration authConfig = new AuthenticationConfiguration();
    private final TeamsInbound inbound;
    private final Clock clock;

    MessagesEndpoint(TeamsSettings settings, TeamsInbound inbound, Clock clock) {
        this.credentials = new SimpleCredentialProvider(settings.appId(), settings.appPassword());
        this.tokenRules = new ChannelTokenRules(settings.openIdMetadataUrl());
        this.tenantId = settings.appTenantId();
        this.inbound = inbound;
        this.clock = clock;
    }

    @Override
    public HttpAnswer handle(HttpCall call) {
        // Receive time, not Activity.getTimestamp(): the SDK mis-parses timestamps without milliseconds.
        Instant receivedAt = clock.instant();
        String authorization = call.header("Authorization");
        if (!JwtTokenValidation.isValidTokenFormat(authorization)) {
            return unauthorized();
        }
        Activity activity;
        try {
            activity = parse(call.body());
        } catch (IOException | RuntimeException e) {
            return HttpAnswer.json(
                    400,
                    "{\"error\":\"the body must be a Bot Framework activity in JSON, "
                            + "with type, channelId, serviceUrl and conversation\"}");
        }
        if (!authenticated(activity, authorization)) {
            return unauthorized();
        }
        if (!fromOurTenant(activity)) {
            LOG.info("refused a Teams {} activity from another tenant: this bot is single-tenant", activity.getType());
            return HttpAnswer.json(403, "{\"error\":\"this bot serves one Microsoft Entra tenant only\"}");
        }
        try {
            if (!inbound.handle(activity, receivedAt)) {
                return HttpAnswer.json(
                        400, "{\"error\":\"a Teams activity needs a tenant, a conversation id and a serviceUrl\"}");
            }
            return HttpAnswer.json(200, "{}");
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                // Teams redelivers on a 5xx, which is what we want when, say, the database is briefly away.
                LOG.error("handling a Teams {} activity failed for now: {}", activity.getType(), Failures.describe(e));
                return HttpAnswer.json(503, "{\"error\":\"Shoptalk could not handle this activity now; try again\"}");
            }
            // A redelivery would fail the same way: refuse it instead of inviting retries.
            LOG.warn("refused a Teams {} activity that cannot succeed: {}", activity.getType(), Failures.describe(e));
            return HttpAnswer.json(
                    400,
                    "{\"error\":\"Shoptalk cannot handle this activity: a field is missing or "
                            + "has the wrong type\"}");
        }
    }

    private boolean authenticated(Activity activity, String authorization) {
        try {
            ClaimsIdentity identity = JwtTokenValidation.authenticateRequest(
                            activity, authorization, credentials, null, authConfig)
                    .get(AUTH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            // Only channel tokens from the Bot Framework: no emulator, no bot-to-bot (skill) calls.
            if (identity == null
                    || !identity.isAuthenticated()
                    || !AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER.equalsIgnoreCase(
                            identity.getIssuer())) {
                return false;
            }
            Optional<String> refusal = tokenRules.refusal(authorization, activity.getChannelId());
            refusal.ifPresent(why -> LOG.info("rejected a request to /api/messages: {}", why));
            return refusal.isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            // The SDK throws synchronously for undecodable tokens and asynchronously for bad ones.
            LOG.info("rejected a request to /api/messages: {}", rootMessage(e));
            return false;
        }
    }

    /**
     * Whether every tenant the activity names (its Teams channel data and its conversation) is the bot's own
     * ({@code MICROSOFT_APP_TENANT_ID}). An activity naming no tenant passes here and is refused as incomplete (400).
     */
    private boolean fromOurTenant(Activity activity) {
        TeamsChannelData data = TeamsInbound.channelData(activity);
        String fromData =
                data != null && data.getTenant() != null ? data.getTenant().getId() : null;
        String fromConversation = activity.getConversation().getTenantId();
        return (fromData == null || fromData.equalsIgnoreCase(tenantId))
                && (fromConversation == null || fromConversation.equalsIgnoreCase(tenantId));
    }

    static Activity parse(byte[] body) throws IOException {
        JsonNode tree = JSON.readTree(body);
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        ObjectNode object = (ObjectNode) tree;
        object.remove("timestamp");
        object.remove("localTimestamp");
        Activity activity;
        try {
            activity = Serialization.safeGetAs(object, Activity.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an activity", e);
        }
        if (activity == null
                || isBlank(activity.getType())
                || isBlank(activity.getChannelId())
                || isBlank(activity.getServiceUrl())
                || activity.getConversation() == null) {
            throw new IllegalArgumentException("not an activity");
        }
        return activity;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static HttpAnswer unauthorized() {
        return new HttpAnswer(
                401,
                java.util.Map.of("WWW-Authenticate", "Bearer"),
                "application/json",
                "{\"error\":\"a valid Bot Framework bearer token is required\"}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}

package org.shoptalk.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Outgoing-call tokens from a configured OAuth2 token endpoint (client-credentials grant) instead of
 * the SDK's MSAL client, which only talks https to Microsoft Entra ID. Lets the bot run against a
 * local fake connector and serves sovereign clouds. Thread-safe; tokens are cached until shortly
 * before they expire.
 */
final class TokenEndpointCredentials extends MicrosoftAppCredentials {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EARLY_REFRESH = Duration.ofMinutes(5);

    private final URI tokenUrl;
    private final Clock clock;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String token;
    private Instant expiresAt = Instant.MIN;

    TokenEndpointCredentials(TeamsSettings settings, Clock clock) {
        super(settings.appId(), settings.appPassword(), settings.appTenantId());
        this.tokenUrl = URI.create(settings.tokenUrl());
        this.clock = clock;
    }

    @Override
    public CompletableFuture<String> getToken() {
        try {
            return CompletableFuture.completedFuture(currentToken());
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
    }

    private synchronized String currentToken() throws IOException, InterruptedException {
        if (token != null && clock.instant().isBefore(expiresAt)) {
            return token;
        }
        String form = "grant_type=client_credentials"
                + "&client_id=" + enc(getAppId())
                + "&client_secret=" + enc(getAppPassword())
                + "&scope=" + enc(oAuthScope());
        HttpRequest request = HttpRequest.newBuilder(tokenUrl)
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("token endpoint answered " + response.statusCode());
        }
        JsonNode body = JSON.readTree(response.body());
        String accessToken = body.path("access_token").asText(null);
        if (accessToken == null) {
            throw new IOException("token endpoint answered without an access_token");
        }
        long lifetime = body.path("expires_in").asLong(3600);
        token = accessToken;
        expiresAt = clock.instant().plusSeconds(lifetime).minus(EARLY_REFRESH);
        return token;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

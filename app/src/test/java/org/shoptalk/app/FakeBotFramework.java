package org.shoptalk.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The Microsoft side of a Teams bot, on loopback: the Bot Framework's OpenID metadata and a JWKS whose key
 * is endorsed for msteams, an OAuth2 token endpoint for outgoing calls, and the Bot Connector at
 * {@link #serviceUrl()}. Tokens for incoming activities are signed here with the JDK (RS256 over
 * base64url header and claims), not with the SDK's JWT library, so the app is checked against the
 * published token format rather than against itself.
 */
final class FakeBotFramework implements AutoCloseable {
    private static final String KEY_ID = "shoptalk-app-test-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final KeyPair keys = newKeyPair();
    private final KeyPair strangerKeys = newKeyPair();
    private final WireMockServer wireMock;

    private FakeBotFramework() {
        wireMock = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
        wireMock.stubFor(get(urlPathEqualTo("/v1/.well-known/openidconfiguration"))
                .willReturn(okJson("""
                {"issuer": "https://api.botframework.com", "jwks_uri": "%s/v1/.well-known/keys",
                 "id_token_signing_alg_values_supported": ["RS256"]}""".formatted(baseUrl()))));
        RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
        wireMock.stubFor(get(urlPathEqualTo("/v1/.well-known/keys"))
                .willReturn(okJson("""
                {"keys": [{"kty": "RSA", "use": "sig", "kid": "%s", "n": "%s", "e": "%s", "endorsements": ["msteams"]}]}""".formatted(KEY_ID, b64(pub.getModulus()), b64(pub.getPublicExponent())))));
        wireMock.stubFor(
                post(urlPathEqualTo("/oauth2/token"))
                        .willReturn(
                                okJson(
                                        "{\"token_type\": \"Bearer\", \"expires_in\": 3600, \"access_token\": \"outgoing-test-token\"}")));
        // A new channel post (isGroup): Teams answers with the id of the new thread, "<channel>;messageid=<root>".
        wireMock.stubFor(
                post(urlPathEqualTo("/teams/v3/conversations"))
                        .atPriority(5)
                        .withRequestBody(matchingJsonPath("$.isGroup", equalTo("true")))
                        .willReturn(
                                aResponse()
                                        .withStatus(201)
                                        .withHeader("Content-Type", "application/json")
                                        .withTransformers("response-template")
                                        .withBody(
                                                "{\"id\": \"{{jsonPath request.body '$.channelData.channel.id'}};messageid=1764{{randomValue length=9 type='NUMERIC'}}\"}")));
        // Anything else: a personal chat is opened, activities are accepted, the team's channel list is unknown.
        wireMock.stubFor(post(urlPathEqualTo("/teams/v3/conversations"))
                .atPriority(10)
                .willReturn(okJson("{\"id\": \"a:1personal-chat-id\"}")));
        wireMock.stubFor(post(urlPathMatching("/teams/v3/conversations/[^/]+/activities(/[^/]+)?"))
                .atPriority(10)
                .willReturn(okJson("{\"id\": \"1764000000500\"}")));
        wireMock.stubFor(get(urlPathMatching("/teams/v3/teams/[^/]+/conversations"))
                .atPriority(10)
                .willReturn(aResponse().withStatus(404)));
    }

    static FakeBotFramework start() {
        return new FakeBotFramework();
    }

    String openIdMetadataUrl() {
        return baseUrl() + "/v1/.well-known/openidconfiguration";
    }

    String tokenUrl() {
        return baseUrl() + "/oauth2/token";
    }

    String serviceUrl() {
        return baseUrl() + "/teams/";
    }

    /** A bearer token as the Bot Framework sends with each activity for the bot {@code appId}. */
    String token(String appId) {
        return sign(keys, appId);
    }

    /** The same claims signed with a key the Bot Framework never published. */
    String forgedToken(String appId) {
        return sign(strangerKeys, appId);
    }

    /** Waits, bounded, for the connector to have received at least {@code count} matching requests; oldest first. */
    List<ServeEvent> awaitRequests(Predicate<ServeEvent> matching, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<ServeEvent> found = wireMock.getAllServeEvents().stream()
                    .filter(matching)
                    .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                    .toList();
            if (found.size() >= count) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " such requests at the fake Bot Framework within "
                        + WAIT.toSeconds() + " s, got " + found.size());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A new top-level post in a team channel (createConversation with isGroup). */
    static boolean isChannelPost(ServeEvent e) {
        return e.getRequest().getUrl().equals("/teams/v3/conversations")
                && json(e.getRequest().getBodyAsString()).path("isGroup").asBoolean(false);
    }

    /** An activity sent into an existing conversation: a reply, a welcome, a private message. */
    static boolean isActivity(ServeEvent e) {
        return e.getRequest().getUrl().matches("/teams/v3/conversations/[^/]+/activities(/[^/]+)?");
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + wireMock.port();
    }

    private String sign(KeyPair with, String appId) {
        Instant now = Instant.now();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + KEY_ID + "\"}";
        String claims = "{\"iss\":\"https://api.botframework.com\",\"aud\":\"" + appId + "\",\"serviceurl\":\""
                + serviceUrl() + "\",\"nbf\":" + (now.getEpochSecond() - 60) + ",\"exp\":"
                + (now.getEpochSecond() + 1800) + "}";
        String signed =
                b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(with.getPrivate());
            rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + b64(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA256withRSA is part of every JDK", e);
        }
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return b64(bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        wireMock.stop();
    }
}

package org.shoptalk.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.function.Predicate;
import org.shoptalk.core.testing.Await;
import org.shoptalk.core.testing.UnplannedPosts;

/**
 * The Microsoft side, on loopback: the Bot Framework's OpenID metadata and signing keys (endorsed for
 * msteams), an OAuth token endpoint for outgoing calls, and the Bot Connector at {@link #serviceUrl()}.
 * Signs incoming-activity tokens the way the Bot Framework does, with a key made for the test run. Shared through
 * this module's test-jar: the app's Teams tests run against the same fake.
 */
public final class BotFrameworkFake implements AutoCloseable {
    static final String KEY_ID = "shoptalk-test-key";
    static final String ISSUER = "https://api.botframework.com";
    static final String OUTGOING_TOKEN = "outgoing-test-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** One key pair per test run: the SDK caches signing keys per metadata URL. */
    private static final KeyPair KEYS = newKeyPair();

    private static final KeyPair STRANGER_KEYS = newKeyPair();

    public final WireMockServer wireMock;

    public BotFrameworkFake() {
        this("\"endorsements\": [\"msteams\"]");
    }

    /** Publishes the signing key without endorsements: Microsoft always endorses its channel keys. */
    static BotFrameworkFake withUnendorsedKey() {
        return new BotFrameworkFake(null);
    }

    /** Publishes the signing key endorsed for one channel only. */
    static BotFrameworkFake withKeyEndorsedFor(String channel) {
        return new BotFrameworkFake("\"endorsements\": [\"" + channel + "\"]");
    }

    /** @param endorsements the key's endorsements member as JSON, or null for a key published without one */
    private BotFrameworkFake(String endorsements) {
        wireMock = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
        wireMock.stubFor(get(urlPathEqualTo("/v1/.well-known/openidconfiguration"))
                .willReturn(okJson("""
                {"issuer": "https://api.botframework.com",
                 "authorization_endpoint": "https://invalid.botframework.com",
                 "jwks_uri": "%s/v1/.well-known/keys",
                 "id_token_signing_alg_values_supported": ["RS256"],
                 "token_endpoint_auth_methods_supported": ["private_key_jwt"]}
                """.formatted(baseUrl()))));
        RSAPublicKey pub = (RSAPublicKey) KEYS.getPublic();
        wireMock.stubFor(get(urlPathEqualTo("/v1/.well-known/keys")).willReturn(okJson("""
                {"keys": [{"kty": "RSA", "use": "sig", "kid": "%s", "n": "%s", "e": "%s"%s}]}
                """.formatted(
                        KEY_ID,
                        b64(pub.getModulus()),
                        b64(pub.getPublicExponent()),
                        endorsements == null ? "" : ", " + endorsements))));
        wireMock.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(okJson("""
                {"token_type": "Bearer", "expires_in": 3600, "access_token": "%s"}
                """.formatted(OUTGOING_TOKEN))));
        stubConnectorDefaults();
    }

    /**
     * Answers from the Bot Connector when a test does not say otherwise: a new channel post (isGroup) opens a thread
     * whose conversation id is {@code <channel>;messageid=<root>}, as Teams answers; any other new conversation is a
     * personal chat; activities are accepted; the team's channel list is unknown.
     */
    public void stubConnectorDefaults() {
        wireMock.stubFor(post(urlPathEqualTo("/teams/v3/conversations"))
                .atPriority(9)
                .withRequestBody(matchingJsonPath("$.isGroup", equalTo("true")))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withTransformers("response-template")
                        .withBody("{{#assign 'root'}}17639{{randomValue length=8 type='NUMERIC'}}{{/assign}}"
                                + "{\"id\": \"{{jsonPath request.body '$.channelData.channel.id'}};messageid={{root}}\","
                                + " \"activityId\": \"{{root}}\"}")));
        wireMock.stubFor(post(urlPathMatching("/teams/v3/conversations"))
                .atPriority(10)
                .willReturn(okJson("{\"id\": \"a:1personal-chat-id\"}")));
        wireMock.stubFor(post(urlPathMatching("/teams/v3/conversations/[^/]+/activities(/[^/]+)?"))
                .atPriority(10)
                .willReturn(okJson("{\"id\": \"1763900000500\"}")));
        wireMock.stubFor(get(urlPathMatching("/teams/v3/teams/[^/]+/conversations"))
                .atPriority(10)
                .willReturn(aResponse().withStatus(404)));
    }

    /**
     * Waits, bounded, for the connector to have received at least {@code count} requests {@code matching}; oldest
     * first.
     */
    public List<ServeEvent> awaitRequests(Predicate<ServeEvent> matching, int count) {
        try {
            Await.until(() -> requests(matching).size() >= count, WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return requests(matching);
    }

    private List<ServeEvent> requests(Predicate<ServeEvent> matching) {
        return wireMock.getAllServeEvents().stream()
                .filter(matching)
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .toList();
    }

    /** A new top-level post in a team channel (createConversation with isGroup). */
    public static boolean isChannelPost(ServeEvent e) {
        return e.getRequest().getUrl().equals("/teams/v3/conversations")
                && json(e.getRequest().getBodyAsString()).path("isGroup").asBoolean(false);
    }

    /**
     * A channel post of a digest, scheduled or asked for. Tests pick posts by what they are: on the real clock the
     * weekly digest or a scheduled moment may land in between ({@link UnplannedPosts}).
     */
    public static boolean isDigestPost(ServeEvent e) {
        return isChannelPost(e) && UnplannedPosts.isDigest(e.getRequest().getBodyAsString());
    }

    /** A channel post of a reflection moment, asked for or scheduled. */
    public static boolean isMomentPost(ServeEvent e) {
        return isChannelPost(e)
                && !isDigestPost(e)
                && UnplannedPosts.isMoment(e.getRequest().getBodyAsString());
    }

    /**
     * Runs {@code asking} (a digest command, say), waits for one digest post more than there was, and gives the
     * newest: a weekly digest that came before cannot pass for it, one that comes after shows the same week.
     */
    public ServeEvent digestAfter(Runnable asking) {
        int before = requests(BotFrameworkFake::isDigestPost).size();
        asking.run();
        List<ServeEvent> digests = awaitRequests(BotFrameworkFake::isDigestPost, before + 1);
        return digests.get(digests.size() - 1);
    }

    /** An activity sent into an existing conversation: a reply, a welcome, a private message. */
    public static boolean isActivity(ServeEvent e) {
        return e.getRequest().getUrl().matches("/teams/v3/conversations/[^/]+/activities(/[^/]+)?");
    }

    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + wireMock.port();
    }

    public String serviceUrl() {
        return baseUrl() + "/teams/";
    }

    public String openIdMetadataUrl() {
        return baseUrl() + "/v1/.well-known/openidconfiguration";
    }

    public String tokenUrl() {
        return baseUrl() + "/oauth2/token";
    }

    /** A token as the Bot Framework sends with each activity. */
    public String token(String appId, String serviceUrl) {
        return sign(KEYS, ISSUER, appId, serviceUrl);
    }

    /** A token as the Bot Framework sends with each activity, for this fake's service URL. */
    public String token(String appId) {
        return token(appId, serviceUrl());
    }

    /** Same claims as {@link #token(String)}, signed with a key the Bot Framework never published. */
    public String forgedToken(String appId) {
        return forgedToken(appId, serviceUrl());
    }

    /** Same claims, but signed with a key the Bot Framework never published under that key id. */
    public String forgedToken(String appId, String serviceUrl) {
        return sign(STRANGER_KEYS, ISSUER, appId, serviceUrl);
    }

    String tokenFromIssuer(String issuer, String appId, String serviceUrl) {
        return sign(KEYS, issuer, appId, serviceUrl);
    }

    String expiredToken(String appId, String serviceUrl) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return JWT.create()
                .withKeyId(KEY_ID)
                .withIssuer(ISSUER)
                .withAudience(appId)
                .withClaim("serviceurl", serviceUrl)
                .withNotBefore(Date.from(past.minusSeconds(600)))
                .withExpiresAt(Date.from(past))
                .sign(Algorithm.RSA256((RSAPublicKey) KEYS.getPublic(), (RSAPrivateKey) KEYS.getPrivate()));
    }

    /** A token like {@link #token} but with no {@code exp} claim: valid forever if nobody insists on one. */
    String tokenWithoutExpiry(String appId, String serviceUrl) {
        return JWT.create()
                .withKeyId(KEY_ID)
                .withIssuer(ISSUER)
                .withAudience(appId)
                .withClaim("serviceurl", serviceUrl)
                .withNotBefore(Date.from(Instant.now().minusSeconds(60)))
                .sign(Algorithm.RSA256((RSAPublicKey) KEYS.getPublic(), (RSAPrivateKey) KEYS.getPrivate()));
    }

    private static String sign(KeyPair keys, String issuer, String appId, String serviceUrl) {
        Instant now = Instant.now();
        return JWT.create()
                .withKeyId(KEY_ID)
                .withIssuer(issuer)
                .withAudience(appId)
                .withClaim("serviceurl", serviceUrl)
                .withNotBefore(Date.from(now.minusSeconds(60)))
                .withExpiresAt(Date.from(now.plus(Duration.ofMinutes(30))))
                .sign(Algorithm.RSA256((RSAPublicKey) keys.getPublic(), (RSAPrivateKey) keys.getPrivate()));
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        wireMock.stop();
    }
}

package org.shoptalk.teams;

import com.auth0.jwt.JWT;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.microsoft.bot.connector.authentication.CachingOpenIdMetadataResolver;
import com.microsoft.bot.connector.authentication.OpenIdMetadataKey;
import com.microsoft.bot.connector.authentication.OpenIdMetadataResolver;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Shoptalk requires of a Bot Framework channel token on top of the SDK's {@code JwtTokenValidation}, which
 * checks {@code exp} only when it is there and checks endorsements only when the signing key has some. Shoptalk
 * requires both, as Microsoft's "Authentication with the Bot Connector API" describes every channel token: an
 * {@code exp} claim (seconds since the Unix epoch; the SDK checks its value, with five minutes of clock skew), and
 * a signing key whose {@code endorsements} in the published keys name the activity's channel ({@code msteams}).
 * Call it only for a token the SDK has already accepted: the key is then in the SDK's cache, which this reads
 * through the SDK's own resolver, so it costs no network call. Thread-safe.
 */
final class ChannelTokenRules {
    private final OpenIdMetadataResolver keys;
    private final String metadataUrl;

    /** @param metadataUrl the OpenID metadata URL the SDK validates against (the published signing keys) */
    ChannelTokenRules(String metadataUrl) {
        this(new CachingOpenIdMetadataResolver(), metadataUrl);
    }

    ChannelTokenRules(OpenIdMetadataResolver keys, String metadataUrl) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.metadataUrl = Objects.requireNonNull(metadataUrl, "metadataUrl");
    }

    /**
     * Why the token breaks a rule, or empty when it keeps them all.
     *
     * @param authorization the request's Authorization header, {@code Bearer <jwt>}
     * @param channelId the activity's channel, which the signing key must be endorsed for
     */
    Optional<String> refusal(String authorization, String channelId) {
        String[] parts =
                authorization == null ? new String[0] : authorization.strip().split(" +");
        if (parts.length != 2) {
            return Optional.of("not a bearer token");
        }
        DecodedJWT token;
        try {
            token = JWT.decode(parts[1]);
        } catch (JWTDecodeException e) {
            return Optional.of("undecodable token");
        }
        if (token.getExpiresAt() == null) {
            return Optional.of("token without an exp claim");
        }
        OpenIdMetadataKey key =
                token.getKeyId() == null ? null : keys.get(metadataUrl).getKey(token.getKeyId());
        List<String> endorsements = key == null ? null : key.endorsements;
        if (endorsements == null || channelId == null || !endorsements.contains(channelId)) {
            return Optional.of("signing key not endorsed for channel " + channelId);
        }
        return Optional.empty();
    }
}

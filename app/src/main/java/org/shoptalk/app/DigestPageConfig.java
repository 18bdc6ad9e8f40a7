package org.shoptalk.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;

/**
 * How digest links are made: the address people reach this server at, the secret links are signed with, and
 * how long a link works. The secret is required once Slack or Teams is configured (links then reach real
 * people); without them, Shoptalk makes a key of its own and keeps it in the database.
 *
 * @param publicUrl e.g. {@code https://shoptalk.example.org}, without a trailing slash; empty means
 *                  {@code http://localhost:<port>}
 * @param secret SHOPTALK_SECRET; empty means a generated key kept in the database
 */
public record DigestPageConfig(Optional<String> publicUrl, Optional<String> secret, Duration linkValidity) {
    static final int DEFAULT_LINK_DAYS = 60;
    static final int MIN_SECRET = 16;
    private static final int MAX_LINK_DAYS = 3650;

    public DigestPageConfig {
        publicUrl = publicUrl.map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
    }

    static DigestPageConfig defaults() {
        return new DigestPageConfig(Optional.empty(), Optional.empty(), Duration.ofDays(DEFAULT_LINK_DAYS));
    }

    static DigestPageConfig from(Env env, boolean realPlatform) {
        Optional<String> url = env.get("SHOPTALK_PUBLIC_URL");
        url.ifPresent(DigestPageConfig::checkUrl);
        Optional<String> secret = env.get("SHOPTALK_SECRET");
        if (secret.isPresent() && secret.get().length() < MIN_SECRET) {
            throw new ConfigException("SHOPTALK_SECRET must be at least " + MIN_SECRET + " characters (a long random"
                    + " string, e.g. from openssl rand -base64 32), got one of "
                    + secret.get().length());
        }
        if (secret.isEmpty() && realPlatform) {
            throw new ConfigException("SHOPTALK_SECRET must be set when Slack or Teams is configured: it signs the"
                    + " digest links people open (at least " + MIN_SECRET
                    + " characters, e.g. from openssl rand -base64 32)");
        }
        int days = env.integer(
                "SHOPTALK_DIGEST_LINK_DAYS",
                DEFAULT_LINK_DAYS,
                1,
                MAX_LINK_DAYS,
                "a whole number of days from 1 to " + MAX_LINK_DAYS);
        return new DigestPageConfig(url, secret, Duration.ofDays(days));
    }

    private static void checkUrl(String url) {
        try {
            URI uri = new URI(url);
            boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
            if (web
                    && uri.getHost() != null
                    && uri.getQuery() == null
                    && uri.getFragment() == null
                    && uri.getUserInfo() == null) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below with the expected form
        }
        throw Env.invalid(
                "SHOPTALK_PUBLIC_URL",
                "the address people open Shoptalk at, like https://shoptalk.example.org" + " (http or https, no query)",
                url);
    }

    @Override
    public String toString() {
        return "DigestPageConfig[publicUrl=" + publicUrl + ", secret=" + (secret.isPresent() ? "(set)" : "(generated)")
                + ", linkValidity=" + linkValidity + "]";
    }
}

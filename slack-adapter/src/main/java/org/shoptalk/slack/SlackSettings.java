package org.shoptalk.slack;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * How Shoptalk runs as a Slack app, read from the environment.
 *
 * <ul>
 *   <li>Single workspace: {@code SLACK_BOT_TOKEN} + {@code SLACK_SIGNING_SECRET}.</li>
 *   <li>Distributed (OAuth): {@code SLACK_CLIENT_ID} + {@code SLACK_CLIENT_SECRET} + {@code SLACK_SIGNING_SECRET}
 *       + {@code SHOPTALK_SECRET} (encrypts stored tokens); optional {@code SLACK_REDIRECT_URI}.</li>
 *   <li>Socket Mode: {@code SLACK_APP_TOKEN} with a bot token (the signing secret is then optional).</li>
 * </ul>
 * {@code SLACK_API_URL} points every Web API call elsewhere (GovSlack, a fake Slack in tests).
 *
 * @param botToken single-workspace bot token (xoxb-), or null in OAuth mode
 * @param signingSecret verifies requests on our HTTP endpoints; null only in Socket Mode
 * @param clientId OAuth client id, or null in single-workspace mode
 * @param clientSecret OAuth client secret, or null in single-workspace mode
 * @param appToken Socket Mode app-level token (xapp-), or null for HTTP mode
 * @param apiUrl the Web API prefix, always ending in "/"
 * @param encryptionSecret SHOPTALK_SECRET, the key material for tokens at rest (OAuth mode)
 * @param redirectUri the OAuth redirect URL registered with Slack, or null to use the app's setting
 */
public record SlackSettings(
        String botToken,
        String signingSecret,
        String clientId,
        String clientSecret,
        String appToken,
        String apiUrl,
        String encryptionSecret,
        String redirectUri) {
    public static final String DEFAULT_API_URL = "https://slack.com/api/";

    /** The bot scopes requested at install; deploy/slack/manifest.yml lists the same. */
    public static final String BOT_SCOPES = String.join(
            ",",
            "app_mentions:read",
            "channels:history",
            // channels:read and groups:read deliver member_joined_channel: the bot greets a channel it is added to.
            "channels:read",
            "chat:write",
            "commands",
            "groups:history",
            "groups:read",
            "im:history",
            "im:write",
            "users:read");

    public SlackSettings {
        botToken = blankToNull(botToken);
        signingSecret = blankToNull(signingSecret);
        clientId = blankToNull(clientId);
        clientSecret = blankToNull(clientSecret);
        appToken = blankToNull(appToken);
        encryptionSecret = blankToNull(encryptionSecret);
        redirectUri = blankToNull(redirectUri);
        apiUrl = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : apiUrl.strip();
        validate(botToken, signingSecret, clientId, clientSecret, appToken, apiUrl, encryptionSecret, redirectUri);
        apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
    }

    /** Empty when no Slack variable is set; otherwise complete settings or one clear error line. */
    public static Optional<SlackSettings> fromEnvironment(Map<String, String> env) {
        String bot = env.get("SLACK_BOT_TOKEN");
        String signing = env.get("SLACK_SIGNING_SECRET");
        String id = env.get("SLACK_CLIENT_ID");
        String secret = env.get("SLACK_CLIENT_SECRET");
        String app = env.get("SLACK_APP_TOKEN");
        if (allBlank(bot, signing, id, secret, app)) {
            return Optional.empty();
        }
        return Optional.of(new SlackSettings(
                bot,
                signing,
                id,
                secret,
                app,
                env.get("SLACK_API_URL"),
                env.get("SHOPTALK_SECRET"),
                env.get("SLACK_REDIRECT_URI")));
    }

    public boolean oauth() {
        return clientId != null;
    }

    public boolean socketMode() {
        return appToken != null;
    }

    private static void validate(
            String botToken,
            String signingSecret,
            String clientId,
            String clientSecret,
            String appToken,
            String apiUrl,
            String encryptionSecret,
            String redirectUri) {
        if (botToken != null && !botToken.startsWith("xoxb-")) {
            fail(
                    "SLACK_BOT_TOKEN must be a bot token starting with xoxb- (OAuth & Permissions page of your Slack app)");
        }
        if (appToken != null && !appToken.startsWith("xapp-")) {
            fail(
                    "SLACK_APP_TOKEN must be an app-level token starting with xapp- (Basic Information > App-Level Tokens, scope connections:write)");
        }
        if ((clientId == null) != (clientSecret == null)) {
            fail(
                    clientId == null
                            ? "SLACK_CLIENT_ID is missing: OAuth mode needs SLACK_CLIENT_ID and SLACK_CLIENT_SECRET together"
                            : "SLACK_CLIENT_SECRET is missing: OAuth mode needs SLACK_CLIENT_ID and SLACK_CLIENT_SECRET together");
        }
        if (clientId != null && botToken != null) {
            fail(
                    "SLACK_BOT_TOKEN must not be set together with SLACK_CLIENT_ID: choose single workspace (bot token) or OAuth (client id and secret)");
        }
        if (clientId == null && botToken == null) {
            fail(
                    "SLACK_BOT_TOKEN is missing: set it for a single workspace, or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET for OAuth installs");
        }
        if (signingSecret == null && (appToken == null || clientId != null)) {
            fail(
                    "SLACK_SIGNING_SECRET is missing: Slack signs every request with it (Basic Information > App Credentials)");
        }
        if (clientId != null && (encryptionSecret == null || encryptionSecret.length() < 16)) {
            fail(
                    "SHOPTALK_SECRET must be set to at least 16 characters in OAuth mode: it encrypts the stored Slack tokens");
        }
        if (!isHttpUrl(apiUrl)) {
            fail("SLACK_API_URL must be an http(s) URL such as https://slack.com/api/, got: " + apiUrl);
        }
        if (redirectUri != null && !isHttpUrl(redirectUri)) {
            fail("SLACK_REDIRECT_URI must be an http(s) URL such as https://shoptalk.example.com/slack/oauth_redirect");
        }
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void fail(String line) {
        throw new IllegalArgumentException(line);
    }

    private static boolean allBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "SlackSettings[mode=" + (oauth() ? "oauth" : "single-workspace") + (socketMode() ? "+socket" : "")
                + ", apiUrl=" + apiUrl + "]";
    }
}

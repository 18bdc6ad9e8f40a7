package org.shoptalk.teams;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How Shoptalk talks to Microsoft Teams, read from the environment.
 *
 * @param appId the Azure Bot's Microsoft App ID (a GUID); incoming tokens must be issued for it
 * @param appPassword the app registration's client secret, used to get tokens for outgoing calls
 * @param appTenantId the Directory (tenant) ID of a single-tenant app registration
 * @param openIdMetadataUrl where the Bot Framework publishes its token-signing keys
 * @param tokenUrl null to get outgoing tokens from Microsoft Entra ID through the SDK; otherwise an
 *     OAuth2 token endpoint used instead (sovereign clouds, or a local fake when trying the bot out)
 */
public record TeamsSettings(
        String appId, String appPassword, String appTenantId, String openIdMetadataUrl, String tokenUrl) {
    public static final String APP_ID = "MICROSOFT_APP_ID";
    public static final String APP_PASSWORD = "MICROSOFT_APP_PASSWORD";
    public static final String APP_TENANT_ID = "MICROSOFT_APP_TENANT_ID";
    public static final String OPENID_METADATA_URL = "TEAMS_OPENID_METADATA_URL";
    public static final String TOKEN_URL = "TEAMS_TOKEN_URL";

    /** The public Azure cloud's metadata, as the SDK uses by default. */
    public static final String DEFAULT_OPENID_METADATA_URL =
            "https://login.botframework.com/v1/.well-known/openidconfiguration";

    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public TeamsSettings {
        requireGuid(APP_ID, appId, "the Microsoft App ID of your Azure Bot");
        if (appPassword == null || appPassword.isBlank()) {
            throw new IllegalArgumentException(
                    APP_PASSWORD + " is missing: set it to a client secret of the bot's app registration");
        }
        requireGuid(APP_TENANT_ID, appTenantId, "the Directory (tenant) ID of the bot's app registration");
        openIdMetadataUrl = openIdMetadataUrl == null || openIdMetadataUrl.isBlank()
                ? DEFAULT_OPENID_METADATA_URL
                : openIdMetadataUrl.strip();
        requireUrl(OPENID_METADATA_URL, openIdMetadataUrl);
        tokenUrl = tokenUrl == null || tokenUrl.isBlank() ? null : tokenUrl.strip();
        if (tokenUrl != null) {
            requireUrl(TOKEN_URL, tokenUrl);
        }
    }

    /** Empty when none of the Teams variables is set, so the bot runs without Teams. */
    public static Optional<TeamsSettings> fromEnvironment(Map<String, String> env) {
        boolean anySet = java.util.stream.Stream.of(APP_ID, APP_PASSWORD, APP_TENANT_ID, OPENID_METADATA_URL, TOKEN_URL)
                .map(env::get)
                .anyMatch(v -> v != null && !v.isBlank());
        if (!anySet) {
            return Optional.empty();
        }
        return Optional.of(new TeamsSettings(
                trim(env.get(APP_ID)),
                env.get(APP_PASSWORD),
                trim(env.get(APP_TENANT_ID)),
                env.get(OPENID_METADATA_URL),
                env.get(TOKEN_URL)));
    }

    /** The bot's own account id in Teams conversations. */
    public String botId() {
        return "28:" + appId;
    }

    private static String trim(String value) {
        return value == null ? null : value.strip();
    }

    private static void requireGuid(String variable, String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(variable + " is missing: set it to " + what + " (a GUID)");
        }
        if (!GUID.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    variable + " must be " + what + ", a GUID like 00000000-0000-0000-0000-000000000000");
        }
    }

    /** Plain http is accepted only on this machine, for a local fake; anything remote must be https. */
    private static void requireUrl(String variable, String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
            if (uri.getHost() == null || !(scheme.equals("https") || (scheme.equals("http") && local))) {
                throw new URISyntaxException(value, "not an https URL");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    variable + " must be an https:// URL (http:// only for localhost), got: " + value);
        }
    }

    @Override
    public String toString() {
        return "TeamsSettings[appId=" + appId + ", appTenantId=" + appTenantId + ", openIdMetadataUrl="
                + openIdMetadataUrl + ", tokenUrl=" + Objects.requireNonNullElse(tokenUrl, "(Entra ID)") + "]";
    }
}

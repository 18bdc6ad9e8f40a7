package org.shoptalk.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shoptalk.teams.TeamsSettingsTest.APP;
import static org.shoptalk.teams.TeamsSettingsTest.TENANT;

import com.microsoft.bot.connector.authentication.Authenticator;
import com.microsoft.bot.connector.authentication.CredentialsAuthenticator;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import java.net.MalformedURLException;
import org.junit.jupiter.api.Test;

/**
 * Production's outgoing tokens come from the SDK's own MSAL client, which the other tests replace with
 * {@link TokenEndpointCredentials}. The parent manages msal4j far past what the retired SDK was built against,
 * so this links every MSAL call the SDK makes while building its client (no network is touched).
 */
class SdkCredentialsTest {
    @Test
    void the_sdk_builds_its_msal_client_with_the_managed_msal4j() throws MalformedURLException {
        BuildableCredentials credentials = new BuildableCredentials();

        Authenticator authenticator = credentials.authenticator();

        assertThat(authenticator).isInstanceOf(CredentialsAuthenticator.class);
        assertThat(credentials.oAuthEndpoint()).endsWith("/" + TENANT);
    }

    private static final class BuildableCredentials extends MicrosoftAppCredentials {
        BuildableCredentials() {
            super(APP, "s3cr3t~value", TENANT);
        }

        Authenticator authenticator() throws MalformedURLException {
            return buildAuthenticator();
        }
    }
}

package org.shoptalk.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.Platform;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.testing.RecordingShoptalk;

class SlackOAuthTest {
    private static final String INSTALLED_TOKEN = "xoxb-installed-token-42";
    private static final Tenant NEW_TEAM = new Tenant(Platform.SLACK, "T0NEW");

    private final RecordingShoptalk core = new RecordingShoptalk();
    private SlackHarness slack;

    @BeforeEach
    void start() throws Exception {
        slack = SlackHarness.start(
                Map.of(
                        "SLACK_CLIENT_ID", "111.222",
                        "SLACK_CLIENT_SECRET", "client-secret",
                        "SLACK_SIGNING_SECRET", SlackHarness.SIGNING_SECRET,
                        "SHOPTALK_SECRET", "a-long-enough-shoptalk-secret"),
                core,
                Clock.systemUTC());
        slack.slackApi.stubFor(
                post(urlPathEqualTo("/api/oauth.v2.access"))
                        .willReturn(
                                okJson(
                                        "{\"ok\":true,\"app_id\":\"A1\",\"authed_user\":{\"id\":\"U1\"},\"scope\":\"chat:write,commands\","
                                                + "\"token_type\":\"bot\",\"access_token\":\"" + INSTALLED_TOKEN
                                                + "\",\"bot_user_id\":\"UBOT2\","
                                                + "\"team\":{\"id\":\"T0NEW\",\"name\":\"New Team\"},\"enterprise\":null,\"is_enterprise_install\":false}")));
        slack.slackApi.stubFor(post(urlPathEqualTo("/api/auth.test"))
                .willReturn(okJson(
                        "{\"ok\":true,\"url\":\"https://new.slack.com/\",\"team\":\"New Team\",\"user\":\"shoptalk\","
                                + "\"team_id\":\"T0NEW\",\"user_id\":\"UBOT2\",\"bot_id\":\"BBOT2\"}")));
        slack.adapter.start();
    }

    @AfterEach
    void stop() throws Exception {
        slack.close();
    }

    @Test
    void install_stores_the_bot_token_encrypted_and_uses_it_to_post() {
        String state = beginInstall();

        HttpResponse<String> done = slack.get(
                "/slack/oauth_redirect?code=the-code&state=" + state,
                Map.of("Cookie", "slack-app-oauth-state=" + state));

        assertThat(done.statusCode()).isEqualTo(200);
        slack.slackApi.verify(
                1,
                postRequestedFor(urlPathEqualTo("/api/oauth.v2.access")).withRequestBody(containing("code=the-code")));
        String stored = storedToken("T0NEW").orElseThrow();
        assertThat(stored).startsWith("v1:").doesNotContain(INSTALLED_TOKEN).doesNotContain("xoxb");

        slack.adapter.platform().postTopLevel(new ChannelRef(NEW_TEAM, "C9"), ChatMessage.text("Hello, guild"));

        slack.slackApi.verify(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                .withHeader(
                        "Authorization",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + INSTALLED_TOKEN)));
    }

    @Test
    void callback_with_a_state_this_browser_was_not_given_installs_nothing() {
        String state = beginInstall();

        HttpResponse<String> forged = slack.get(
                "/slack/oauth_redirect?code=the-code&state=" + state,
                Map.of("Cookie", "slack-app-oauth-state=some-other-state"));
        HttpResponse<String> unknown = slack.get(
                "/slack/oauth_redirect?code=the-code&state=made-up", Map.of("Cookie", "slack-app-oauth-state=made-up"));

        assertThat(forged.statusCode()).isNotEqualTo(200);
        assertThat(unknown.statusCode()).isNotEqualTo(200);
        slack.slackApi.verify(0, postRequestedFor(urlPathEqualTo("/api/oauth.v2.access")));
        assertThat(storedToken("T0NEW")).isEmpty();
    }

    @Test
    void state_works_once() {
        String state = beginInstall();
        Map<String, String> cookie = Map.of("Cookie", "slack-app-oauth-state=" + state);

        slack.get("/slack/oauth_redirect?code=the-code&state=" + state, cookie);
        HttpResponse<String> replay = slack.get("/slack/oauth_redirect?code=the-code&state=" + state, cookie);

        assertThat(replay.statusCode()).isNotEqualTo(200);
        slack.slackApi.verify(1, postRequestedFor(urlPathEqualTo("/api/oauth.v2.access")));
    }

    @Test
    void uninstall_deletes_the_installation_and_posting_then_fails_permanently() throws Exception {
        String state = beginInstall();
        slack.get(
                "/slack/oauth_redirect?code=the-code&state=" + state,
                Map.of("Cookie", "slack-app-oauth-state=" + state));
        assertThat(storedToken("T0NEW")).isPresent();

        String uninstalled =
                "{\"token\":\"legacy\",\"team_id\":\"T0NEW\",\"api_app_id\":\"A1\",\"event\":{\"type\":\"app_uninstalled\","
                        + "\"event_ts\":\"1700000000.000100\"},\"type\":\"event_callback\",\"event_id\":\"EvU\",\"event_time\":1700000000}";
        assertThat(slack.event(uninstalled).statusCode()).isEqualTo(200);

        long deadline = System.currentTimeMillis() + 10_000;
        while (storedToken("T0NEW").isPresent() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(storedToken("T0NEW")).isEmpty();
        assertThatThrownBy(() ->
                        slack.adapter.platform().postTopLevel(new ChannelRef(NEW_TEAM, "C9"), ChatMessage.text("hi")))
                .isInstanceOfSatisfying(
                        ChatPlatformException.class,
                        e -> assertThat(e.permanent()).isTrue());
    }

    @Test
    void events_from_an_installed_workspace_reach_core() {
        String state = beginInstall();
        slack.get(
                "/slack/oauth_redirect?code=the-code&state=" + state,
                Map.of("Cookie", "slack-app-oauth-state=" + state));

        String reply = SlackPayloads.reply("EvR", "U2", "1700000001.000200", "1700000000.000100", "answer")
                .replace(SlackHarness.TEAM, "T0NEW");
        assertThat(slack.event(reply).statusCode()).isEqualTo(200);

        assertThat(core.events)
                .singleElement()
                .satisfies(e -> assertThat(e.channel().tenant()).isEqualTo(NEW_TEAM));
    }

    @Test
    void org_wide_install_serves_each_workspace_of_the_organisation() {
        slack.slackApi.stubFor(
                post(urlPathEqualTo("/api/oauth.v2.access"))
                        .willReturn(
                                okJson(
                                        "{\"ok\":true,\"app_id\":\"A1\",\"authed_user\":{\"id\":\"U1\"},\"scope\":\"chat:write\","
                                                + "\"token_type\":\"bot\",\"access_token\":\"xoxb-org-token\",\"bot_user_id\":\"UBOTORG\","
                                                + "\"team\":null,\"enterprise\":{\"id\":\"E1\",\"name\":\"Org\"},\"is_enterprise_install\":true}")));
        slack.slackApi.stubFor(post(urlPathEqualTo("/api/auth.test"))
                .willReturn(okJson(
                        "{\"ok\":true,\"url\":\"https://org.enterprise.slack.com/\",\"user\":\"shoptalk\",\"user_id\":\"UBOTORG\","
                                + "\"bot_id\":\"BORG\",\"enterprise_id\":\"E1\",\"is_enterprise_install\":true}")));
        String state = beginInstall();
        slack.get(
                "/slack/oauth_redirect?code=the-code&state=" + state,
                Map.of("Cookie", "slack-app-oauth-state=" + state));

        String reply = "{\"token\":\"legacy\",\"team_id\":\"T5\",\"enterprise_id\":\"E1\",\"api_app_id\":\"A1\","
                + "\"event\":{\"type\":\"message\",\"channel\":\"C5\",\"user\":\"U2\",\"text\":\"from the org\","
                + "\"ts\":\"1700000001.000200\",\"thread_ts\":\"1700000000.000100\",\"channel_type\":\"channel\"},"
                + "\"type\":\"event_callback\",\"event_id\":\"EvOrg\",\"event_time\":1700000000,"
                + "\"authorizations\":[{\"enterprise_id\":\"E1\",\"team_id\":null,\"user_id\":\"UBOTORG\","
                + "\"is_bot\":true,\"is_enterprise_install\":true}]}";
        assertThat(slack.event(reply).statusCode()).isEqualTo(200);
        Tenant workspace = new Tenant(Platform.SLACK, "T5");
        assertThat(core.events)
                .singleElement()
                .satisfies(e -> assertThat(e.channel().tenant()).isEqualTo(workspace));

        slack.adapter.platform().postTopLevel(new ChannelRef(workspace, "C5"), ChatMessage.text("Moment"));

        slack.slackApi.verify(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                .withHeader(
                        "Authorization",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer xoxb-org-token")));
    }

    /** Opens the install page as a browser would and returns the state Bolt put in the cookie and the link. */
    private String beginInstall() {
        HttpResponse<String> page = slack.get("/slack/install", Map.of());
        assertThat(page.statusCode()).isEqualTo(200);
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        Matcher m = Pattern.compile("slack-app-oauth-state=([^;]+)").matcher(cookie);
        assertThat(m.find()).isTrue();
        String state = m.group(1);
        assertThat(page.body())
                .contains("https://slack.com/oauth/v2/authorize")
                .contains("client_id=111.222")
                .contains("state=" + state)
                .contains("chat%3Awrite");
        return state;
    }

    private Optional<String> storedToken(String team) {
        List<String> tokens = slack.database.withHandle(h ->
                h.query("SELECT bot_token FROM slack_installation WHERE team_id = ?", rs -> rs.getString(1), team));
        return tokens.stream().findFirst();
    }
}

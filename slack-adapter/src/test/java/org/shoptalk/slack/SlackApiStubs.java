package org.shoptalk.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * The Slack Web API's answers that every test against a fake Slack needs, on a WireMock server: what Bolt asks about
 * itself (auth.test, bots.info) and friendly answers for the methods Shoptalk calls. Shared through this module's
 * test-jar (the app's tests stub their fake Slack with it too); a test stubs a method again to answer otherwise.
 */
public final class SlackApiStubs {
    public static final String TEAM = "T0TEAM";
    public static final String BOT_USER = "UBOT";
    /** Where the fake takes a slash command's delayed reply. */
    public static final String RESPONSE_URL_PATH = "/response-url";

    private SlackApiStubs() {}

    /** Stubs the basics on {@code api}; the catch-all answers {@code ok} at a low priority. */
    public static void basics(WireMockServer api) {
        api.stubFor(post(urlPathEqualTo("/api/auth.test"))
                .willReturn(okJson(
                        "{\"ok\":true,\"url\":\"https://test.slack.com/\",\"team\":\"Test\",\"user\":\"shoptalk\","
                                + "\"team_id\":\"" + TEAM + "\",\"user_id\":\"" + BOT_USER
                                + "\",\"bot_id\":\"BBOT\"}")));
        api.stubFor(post(urlPathEqualTo("/api/bots.info"))
                .willReturn(okJson("{\"ok\":true,\"bot\":{\"id\":\"BBOT\",\"user_id\":\"" + BOT_USER
                        + "\",\"name\":\"shoptalk\"}}")));
        api.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000.000100\"}")));
        api.stubFor(
                post(urlPathEqualTo("/api/chat.getPermalink"))
                        .willReturn(
                                okJson(
                                        "{\"ok\":true,\"channel\":\"C1\",\"permalink\":\"https://test.slack.com/archives/C1/p1700000000000100\"}")));
        api.stubFor(post(urlPathEqualTo("/api/chat.postEphemeral"))
                .willReturn(okJson("{\"ok\":true,\"message_ts\":\"1700000000.000200\"}")));
        api.stubFor(post(urlPathEqualTo("/api/chat.update")).willReturn(okJson("{\"ok\":true}")));
        api.stubFor(post(urlPathEqualTo("/api/views.publish")).willReturn(okJson("{\"ok\":true}")));
        api.stubFor(post(urlPathEqualTo("/api/views.open")).willReturn(okJson("{\"ok\":true}")));
        api.stubFor(post(urlPathEqualTo("/api/users.info"))
                .willReturn(
                        okJson("{\"ok\":true,\"user\":{\"id\":\"U1\",\"name\":\"ann\",\"real_name\":\"Ann Example\","
                                + "\"profile\":{\"display_name\":\"ann\"}}}")));
        api.stubFor(post(urlPathEqualTo(RESPONSE_URL_PATH))
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        api.stubFor(post(anyUrl()).atPriority(10).willReturn(okJson("{\"ok\":true}")));
    }
}

package org.shoptalk.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.Platform;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.digest.Digest;
import org.shoptalk.core.digest.DigestRenderer;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.testing.BusyWeek;
import org.shoptalk.core.testing.RecordingShoptalk;

/**
 * A busy week's digest reaches Slack within its limits, measured on the blocks Bolt sends: at most 50 blocks,
 * 3,000 characters a section, 150 a header and 12,000 characters of block text (slackapi/bolt-js#2509).
 */
class SlackDigestSizeTest {
    private static final Tenant TENANT = new Tenant(Platform.SLACK, SlackHarness.TEAM);
    private static final ChannelRef C1 = new ChannelRef(TENANT, "C1");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackHarness slack;

    @AfterEach
    void stop() throws Exception {
        if (slack != null) {
            slack.close();
        }
    }

    private void start() throws Exception {
        slack = SlackHarness.start(
                Map.of("SLACK_BOT_TOKEN", SlackHarness.BOT_TOKEN, "SLACK_SIGNING_SECRET", SlackHarness.SIGNING_SECRET),
                new RecordingShoptalk(),
                Clock.systemUTC());
    }

    /** What Slack counts in a message: the number of blocks and the text of each text object in them. */
    record Measured(int blocks, int longestSection, int longestHeader, int totalText, String allText) {
        static Measured of(JsonNode blocks) {
            int longestSection = 0;
            int longestHeader = 0;
            int total = 0;
            StringBuilder all = new StringBuilder();
            for (JsonNode block : blocks) {
                for (JsonNode text : block.findValues("text")) {
                    if (!text.isObject() || !text.has("text")) {
                        continue;
                    }
                    int length = text.get("text").asText().length();
                    total += length;
                    all.append(text.get("text").asText()).append('\n');
                    if (block.get("type").asText().equals("header")) {
                        longestHeader = Math.max(longestHeader, length);
                    } else if (block.get("type").asText().equals("section")) {
                        longestSection = Math.max(longestSection, length);
                    }
                }
                for (JsonNode element : block.path("elements")) {
                    if (element.has("text") && element.get("text").isTextual()) {
                        total += element.get("text").asText().length();
                        all.append(element.get("text").asText()).append('\n');
                    }
                }
            }
            return new Measured(blocks.size(), longestSection, longestHeader, total, all.toString());
        }
    }

    private Measured postAndMeasure(Digest digest) throws Exception {
        ChatMessage message = DigestRenderer.render(digest, Optional.of(BusyWeek.PAGE), slack.adapter.platform());
        slack.adapter.platform().postTopLevel(C1, message);
        List<LoggedRequest> posts = slack.slackApi.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage")));
        return Measured.of(JSON.readTree(form(posts.get(posts.size() - 1)).get("blocks")));
    }

    @ParameterizedTest(name = "{0}, {1} round(s)")
    @CsvSource({"EN, 1", "EN, 4", "NL, 1", "NL, 4", "EN, 12"})
    void a_week_of_100_answers_of_500_characters_fits_one_slack_message(Language language, int rounds)
            throws Exception {
        start();
        Measured m = postAndMeasure(BusyWeek.of(TENANT, language, rounds, 100, 500));

        assertThat(m.blocks()).isLessThanOrEqualTo(50);
        assertThat(m.longestSection()).isLessThanOrEqualTo(3_000);
        assertThat(m.longestHeader()).isLessThanOrEqualTo(150);
        assertThat(m.totalText()).as("block text").isLessThanOrEqualTo(12_000);
        assertThat(m.allText())
                .contains("<" + BusyWeek.PAGE + "|")
                .contains(
                        language == Language.EN
                                ? "Read all answers on the web (100 in all"
                                : "Lees alle antwoorden op het web (100 in totaal")
                .contains("Answer 0-")
                .contains("&lt;this week&gt;");
        System.out.printf(
                "Slack digest, %s, %d round(s), 100 answers of 500 characters: %d blocks, longest section %d,"
                        + " %d characters of block text%n",
                language, rounds, m.blocks(), m.longestSection(), m.totalText());
    }

    @Test
    void quoting_every_answer_would_not_fit_so_the_measure_can_fail() {
        Digest week = BusyWeek.of(TENANT, Language.EN, 4, 100, 500);
        ChatMessage.Builder everything = ChatMessage.builder().header("This week");
        week.rounds().forEach(r -> r.answers().forEach(a -> everything.quote(a.text(), a.authorName())));
        ChatMessage unshaped = everything.build();

        assertThat(BlockKit.fits(unshaped)).isFalse();
        assertThat(Measured.of(JSON.valueToTree(BlockKit.render(unshaped))).totalText())
                .isGreaterThan(12_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"msg_too_long", "msg_blocks_too_long", "invalid_blocks"})
    void a_refused_message_says_what_was_refused_and_that_a_smaller_one_may_pass(String error) throws Exception {
        start();
        slack.slackApi.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"" + error + "\"}")));

        assertThatThrownBy(() -> slack.adapter.platform().postTopLevel(C1, ChatMessage.text("digest")))
                .isInstanceOfSatisfying(ChatPlatformException.class, e -> {
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.messageRefused()).isTrue();
                    assertThat(e.code()).isEqualTo(error);
                });
    }

    @Test
    void a_413_and_a_missing_channel_are_told_apart() throws Exception {
        start();
        slack.slackApi.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .willReturn(aResponse().withStatus(413).withBody("Request Entity Too Large")));
        assertThatThrownBy(() -> slack.adapter.platform().postTopLevel(C1, ChatMessage.text("digest")))
                .isInstanceOfSatisfying(ChatPlatformException.class, e -> {
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.reason()).isEqualTo(ChatPlatformException.Reason.TOO_LARGE);
                });

        slack.slackApi.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"channel_not_found\"}")));
        assertThatThrownBy(() -> slack.adapter.platform().postTopLevel(C1, ChatMessage.text("digest")))
                .isInstanceOfSatisfying(ChatPlatformException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ChatPlatformException.Reason.CHANNEL_UNREACHABLE);
                    assertThat(e.code()).isEqualTo("channel_not_found");
                });
    }

    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> out = new HashMap<>();
        for (String pair : request.getBodyAsString().split("&", -1)) {
            int eq = pair.indexOf('=');
            out.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}

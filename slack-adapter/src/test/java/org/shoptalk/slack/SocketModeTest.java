package org.shoptalk.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.chat.ChatEvent;
import org.shoptalk.core.testing.RecordingShoptalk;

/**
 * Socket Mode against a loopback WebSocket server playing Slack: apps.connections.open (on WireMock)
 * hands out its URL, the adapter connects, and envelopes pushed down the socket reach the same
 * handlers as HTTP requests, with acks sent back.
 */
class SocketModeTest {
    private final RecordingShoptalk core = new RecordingShoptalk();
    private final FakeSocketSlack socket = new FakeSocketSlack();
    private SlackHarness slack;

    @BeforeEach
    void start() throws Exception {
        socket.start();
        assertThat(socket.started.await(10, TimeUnit.SECONDS)).isTrue();
        slack = SlackHarness.start(
                Map.of("SLACK_BOT_TOKEN", SlackHarness.BOT_TOKEN, "SLACK_APP_TOKEN", "xapp-1-test-app-token"),
                core,
                Clock.systemUTC());
        slack.slackApi.stubFor(post(urlPathEqualTo("/api/apps.connections.open"))
                .willReturn(okJson("{\"ok\":true,\"url\":\"ws://127.0.0.1:" + socket.getPort() + "/link\"}")));
        slack.adapter.start();
        assertThat(socket.connected.await(10, TimeUnit.SECONDS))
                .as("the adapter connects over Socket Mode")
                .isTrue();
    }

    @AfterEach
    void stop() throws Exception {
        slack.close();
        socket.stop(1000);
    }

    @Test
    void slash_command_over_the_socket_runs_in_core_and_the_reply_rides_on_the_ack() throws Exception {
        socket.push("{\"envelope_id\":\"env-1\",\"type\":\"slash_commands\",\"accepts_response_payload\":true,"
                + "\"payload\":{\"token\":\"legacy\",\"team_id\":\"" + SlackHarness.TEAM
                + "\",\"team_domain\":\"test\","
                + "\"channel_id\":\"C1\",\"channel_name\":\"guild-craft\",\"user_id\":\"U1\",\"user_name\":\"ann\","
                + "\"command\":\"/shoptalk\",\"text\":\"schedules\",\"api_app_id\":\"A1\","
                + "\"response_url\":\"" + slack.responseUrl() + "\",\"trigger_id\":\"1.2.3\"}}");

        String ack = socket.awaitAck("env-1");

        assertThat(core.commands)
                .singleElement()
                .satisfies(c -> assertThat(c.text()).isEqualTo("schedules"));
        assertThat(ack).contains("ok: schedules").contains("ephemeral");
    }

    @Test
    void thread_reply_over_the_socket_becomes_an_answer_and_is_acked() throws Exception {
        String event = SlackPayloads.reply("EvS1", "U2", "1700000001.000200", "1700000000.000100", "over the socket");
        socket.push("{\"envelope_id\":\"env-2\",\"type\":\"events_api\",\"accepts_response_payload\":false,"
                + "\"retry_attempt\":0,\"retry_reason\":\"\",\"payload\":" + event + "}");

        socket.awaitAck("env-2");

        assertThat(core.events)
                .singleElement()
                .isInstanceOfSatisfying(
                        ChatEvent.MessagePosted.class, e -> assertThat(e.text()).isEqualTo("over the socket"));
    }

    /** Slack's side of a Socket Mode connection, on loopback. */
    static final class FakeSocketSlack extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch connected = new CountDownLatch(1);
        final List<String> received = new CopyOnWriteArrayList<>();
        private volatile WebSocket client;

        FakeSocketSlack() {
            super(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
            setReuseAddr(true);
        }

        void push(String envelope) {
            client.send(envelope);
        }

        String awaitAck(String envelopeId) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                for (String m : received) {
                    if (m.contains("\"envelope_id\":\"" + envelopeId + "\"")) {
                        return m;
                    }
                }
                Thread.sleep(20);
            }
            throw new AssertionError("no ack for " + envelopeId + "; got " + received);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            client = conn;
            conn.send("{\"type\":\"hello\",\"num_connections\":1,\"connection_info\":{\"app_id\":\"A1\"}}");
            connected.countDown();
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

        @Override
        public void onMessage(WebSocket conn, String message) {
            received.add(message);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {}

        @Override
        public void onStart() {
            started.countDown();
        }
    }
}

package org.shoptalk.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Slack Web API on loopback, as little as Bolt and Shoptalk need: auth.test and bots.info about the bot,
 * chat.postMessage answering a new ts per message, and a response_url that records what arrives. Thread-safe.
 */
final class FakeSlackApi implements AutoCloseable {
    static final String TEAM = "T0BENCH";
    static final String BOT_USER = "UBOT";

    private final HttpServer server;
    private final AtomicLong ts = new AtomicLong();
    private final List<String> posted = new CopyOnWriteArrayList<>();
    private final List<Long> responseUrlArrivals = new CopyOnWriteArrayList<>();
    private volatile long postDelayMillis;

    private FakeSlackApi(HttpServer server) {
        this.server = server;
    }

    static FakeSlackApi start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-slack");
            t.setDaemon(true);
            return t;
        }));
        FakeSlackApi fake = new FakeSlackApi(server);
        server.createContext("/api/", fake::api);
        server.createContext("/response-url", fake::responseUrl);
        server.start();
        return fake;
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    String responseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/response-url";
    }

    /** The ts of every chat.postMessage, oldest first. */
    List<String> posted() {
        return posted;
    }

    /** Makes chat.postMessage answer this much later, as a slow Slack would. */
    void delayPosts(long millis) {
        postDelayMillis = millis;
    }

    /** When (System.nanoTime) each response_url post arrived. */
    List<Long> responseUrlArrivals() {
        return responseUrlArrivals;
    }

    private void api(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String json = switch (method) {
            case "auth.test" ->
                "{\"ok\":true,\"url\":\"https://bench.slack.com/\",\"team\":\"Bench\","
                        + "\"user\":\"shoptalk\",\"team_id\":\"" + TEAM + "\",\"user_id\":\"" + BOT_USER
                        + "\",\"bot_id\":\"BBOT\"}";
            case "bots.info" ->
                "{\"ok\":true,\"bot\":{\"id\":\"BBOT\",\"user_id\":\"" + BOT_USER + "\",\"name\":\"shoptalk\"}}";
            case "chat.postMessage" -> {
                if (postDelayMillis > 0) {
                    pause(postDelayMillis);
                }
                String t = "1700000000." + String.format("%06d", ts.incrementAndGet());
                posted.add(t);
                yield "{\"ok\":true,\"channel\":\"" + param(body, "channel") + "\",\"ts\":\"" + t + "\"}";
            }
            case "chat.getPermalink" ->
                "{\"ok\":true,\"channel\":\"C1\","
                        + "\"permalink\":\"https://bench.slack.com/archives/C1/p1700000000000001\"}";
            default -> "{\"ok\":true}";
        };
        reply(exchange, json);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void responseUrl(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        responseUrlArrivals.add(System.nanoTime());
        reply(exchange, "ok");
    }

    private static void reply(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String param(String form, String name) {
        for (String pair : form.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package org.shoptalk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Slack Web API on loopback, as little as Bolt and Shoptalk need: auth.test and bots.info about the bot,
 * chat.postMessage answering a new ts per message, conversations.history listing what was posted in a channel (how
 * core looks for a post whose outcome it does not know), and a response_url that records what arrives.
 *
 * <p>With {@link #limit(Limits)} chat.postMessage is rate limited as Slack does it (Slack's "Rate limits" page,
 * docs.slack.dev/apis/web-api/rate-limits: about one message per second per channel with short bursts allowed, and a
 * workspace-wide cap) and answers HTTP 429 with {@code Retry-After} in whole seconds when a bucket is empty; a share
 * of calls also fails on purpose: half of them 429, half HTTP 500, and half of those 500s after the message was
 * stored (it landed, the answer was lost). Thread-safe.
 */
final class FakeSlackApi implements AutoCloseable {
    static final String TEAM = "T0BENCH";
    static final String BOT_USER = "UBOT";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final AtomicLong ts = new AtomicLong();
    private final List<String> posted = new CopyOnWriteArrayList<>();
    private final List<Long> responseUrlArrivals = new CopyOnWriteArrayList<>();
    private final Map<String, List<Post>> byChannel = new ConcurrentHashMap<>();
    private final Map<String, Bucket> channelBuckets = new ConcurrentHashMap<>();
    private final AtomicLong limited = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile long postDelayMillis;
    private volatile Limits limits;
    private volatile Bucket workspaceBucket;
    private volatile Random faults = new Random(13);

    /**
     * Slack-like limits on chat.postMessage.
     *
     * @param perChannelPerSecond sustained posts per second in one channel
     * @param channelBurst posts one channel may take at once before it is limited
     * @param workspacePerSecond sustained posts per second in the whole workspace
     * @param workspaceBurst posts the workspace may take at once
     * @param faultShare share of calls (0-1) that fail on purpose, half 429 and half HTTP 500
     */
    record Limits(
            double perChannelPerSecond,
            int channelBurst,
            double workspacePerSecond,
            int workspaceBurst,
            double faultShare) {}

    /**
     * A message as posted.
     *
     * @param ts its Slack ts
     * @param threadTs the thread it went into, or null for a top-level message
     * @param text its fallback text
     * @param nanos when it was stored (System.nanoTime)
     */
    record Post(String ts, String threadTs, String text, long nanos) {}

    /** A token bucket; synchronized on itself. */
    private static final class Bucket {
        private final double perSecond;
        private final int burst;
        private double tokens;
        private long last = System.nanoTime();

        Bucket(double perSecond, int burst) {
            this.perSecond = perSecond;
            this.burst = burst;
            this.tokens = burst;
        }

        /** Takes a token and answers 0, or answers how many whole seconds until one is there. */
        synchronized long take() {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        }
    }

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

    /** Every message posted, by channel id, oldest first. */
    Map<String, List<Post>> postsByChannel() {
        return byChannel;
    }

    /** Turns Slack-like limits and injected failures on, or off with null; the buckets start full. */
    void limit(Limits l) {
        channelBuckets.clear();
        faults = new Random(13);
        workspaceBucket = l == null ? null : new Bucket(l.workspacePerSecond(), l.workspaceBurst());
        limits = l;
    }

    /** chat.postMessage calls answered 429, injected ones included. */
    long limitedCalls() {
        return limited.get();
    }

    /** chat.postMessage calls answered HTTP 500 on purpose. */
    long failedCalls() {
        return failed.get();
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
        if (method.equals("chat.postMessage")) {
            postMessage(exchange, body);
            return;
        }
        String json = switch (method) {
            case "auth.test" ->
                "{\"ok\":true,\"url\":\"https://bench.slack.com/\",\"team\":\"Bench\","
                        + "\"user\":\"shoptalk\",\"team_id\":\"" + TEAM + "\",\"user_id\":\"" + BOT_USER
                        + "\",\"bot_id\":\"BBOT\"}";
            case "bots.info" ->
                "{\"ok\":true,\"bot\":{\"id\":\"BBOT\",\"user_id\":\"" + BOT_USER + "\",\"name\":\"shoptalk\"}}";
            case "conversations.history" -> history(param(body, "channel"), param(body, "oldest"));
            case "chat.getPermalink" ->
                "{\"ok\":true,\"channel\":\"C1\","
                        + "\"permalink\":\"https://bench.slack.com/archives/C1/p1700000000000001\"}";
            default -> "{\"ok\":true}";
        };
        reply(exchange, json);
    }

    private void postMessage(HttpExchange exchange, String body) throws IOException {
        if (postDelayMillis > 0) {
            pause(postDelayMillis);
        }
        String channel = param(body, "channel");
        Limits l = limits;
        if (l != null) {
            long wait = rateLimit(l, channel);
            if (wait > 0) {
                limited.incrementAndGet();
                exchange.getResponseHeaders().add("Retry-After", Long.toString(wait));
                reply(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
                return;
            }
            double roll = nextRoll();
            if (roll < l.faultShare() / 2) {
                limited.incrementAndGet();
                exchange.getResponseHeaders().add("Retry-After", "1");
                reply(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
                return;
            }
            if (roll < l.faultShare()) {
                failed.incrementAndGet();
                if (roll < l.faultShare() * 3 / 4) {
                    store(channel, body); // landed, but the answer is lost
                }
                reply(exchange, 500, "{\"ok\":false,\"error\":\"internal_error\"}");
                return;
            }
        }
        String t = store(channel, body);
        reply(exchange, "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + t + "\"}");
    }

    private long rateLimit(Limits l, String channel) {
        long c = channelBuckets
                .computeIfAbsent(channel, k -> new Bucket(l.perChannelPerSecond(), l.channelBurst()))
                .take();
        if (c > 0) {
            return c;
        }
        Bucket w = workspaceBucket;
        return w == null ? 0 : w.take();
    }

    private synchronized double nextRoll() {
        return faults.nextDouble();
    }

    /** Stores a chat.postMessage; its ts is the current second and a counter, so "oldest" works as in Slack. */
    private String store(String channel, String form) {
        long n = ts.incrementAndGet();
        String t = (System.currentTimeMillis() / 1000) + "." + String.format("%06d", n % 1_000_000);
        posted.add(t);
        String thread = param(form, "thread_ts");
        byChannel
                .computeIfAbsent(channel, k -> new CopyOnWriteArrayList<>())
                .add(new Post(t, thread.isEmpty() ? null : thread, param(form, "text"), System.nanoTime()));
        return t;
    }

    /** The channel's messages at or after {@code oldest}, newest first, as Slack lists them. */
    private String history(String channel, String oldest) {
        double from = oldest.isEmpty() ? 0 : Double.parseDouble(oldest);
        List<Post> posts = new ArrayList<>(byChannel.getOrDefault(channel, List.of()));
        Collections.reverse(posts);
        ObjectNode root = JSON.createObjectNode().put("ok", true).put("has_more", false);
        ArrayNode messages = root.putArray("messages");
        for (Post p : posts) {
            if (Double.parseDouble(p.ts()) >= from) {
                ObjectNode m = messages.addObject()
                        .put("type", "message")
                        .put("user", BOT_USER)
                        .put("bot_id", "BBOT")
                        .put("text", p.text())
                        .put("ts", p.ts());
                if (p.threadTs() != null) {
                    m.put("thread_ts", p.threadTs());
                }
            }
        }
        return root.toString();
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
        reply(exchange, 200, body);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
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

package org.shoptalk.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers into one round through real signed Slack events, against the app's jar in a JVM of its own: closed loop
 * (the first and the last window of {@code bench.answers}, to see whether an answer costs more as the round grows),
 * open loop at fixed rates (ack latency as Slack would see it), the durability count (every acknowledged answer stored,
 * retried deliveries stored once, checked by message id and naming the answers that are not) and the slash command's
 * ack. The bare Javalin handler takes the same requests in the same run as the floor.
 */
final class IngestionBench {
    private static final Logger log = LoggerFactory.getLogger(IngestionBench.class);
    private static final Duration READY = Duration.ofMinutes(2);
    private static final Duration SLOW_POST = Duration.ofMillis(1500);
    /** How many missing or doubled answers the durability count names. */
    private static final int NAMED = 20;

    /** The bare handler's figures, which the app's are divided by. */
    record Floor(double perSecond, double cpuMillisPerRequest, Map<Integer, Double> openP99) {}

    private IngestionBench() {}

    static Floor floor(Settings s, Results r, Path dir) throws Exception {
        String cp = System.getProperty("java.class.path");
        try (ChildJvm bare = ChildJvm.start(
                s.appJvm(), List.of("-cp", cp, BareJavalin.class.getName()), Map.of(), dir, "bare-javalin")) {
            bare.awaitReady("/readyz", READY);
            HttpClient http = Load.client();
            SignedRequests req = new SignedRequests(bare.port, "http://127.0.0.1:9/unused");
            Load.closed(http, s.concurrency(), 0, s.window() / 4, i -> req.answer(i, "1700000000.000001"));
            double cpu0 = bare.cpuMillis();
            Load.Run closed = Load.closed(http, s.concurrency(), 0, s.window(), i -> req.answer(i, "1.1"));
            double cpu = (bare.cpuMillis() - cpu0) / closed.acked();
            String section = "bare";
            r.add(section, "closed loop c=" + s.concurrency() + ", requests/s", closed.perSecond(), "req/s", 1.0);
            r.add(section, "server CPU per request", cpu, "ms", 1.0);
            r.add(section, "closed loop p50", closed.percentileMillis(50), "ms");
            r.add(section, "closed loop p99", closed.percentileMillis(99), "ms");
            Map<Integer, Double> p99 = new java.util.HashMap<>();
            for (int rate : s.rates()) {
                Load.Run open = Load.open(http, rate, s.openSeconds(), 0, i -> req.answer(i, "1.1"));
                r.add(section, "open loop " + rate + "/s p50", open.percentileMillis(50), "ms");
                r.add(section, "open loop " + rate + "/s p99", open.percentileMillis(99), "ms");
                p99.put(rate, open.percentileMillis(99));
            }
            return new Floor(closed.perSecond(), cpu, p99);
        }
    }

    static void run(Settings s, Results r, Floor floor, Databases databases, String kind, Path dir) throws Exception {
        String section = "answers-" + kind;
        Databases.Target db = databases.fresh(kind, "ingest_" + kind);
        Set<String> acked = new HashSet<>();
        int retriesAcked = 0;
        try (AppUnderTest app = AppUnderTest.start(s, db, dir, "app-" + kind)) {
            FakeSlackApi slack = app.slack;
            HttpClient http = Load.client();
            SignedRequests req = app.requests();
            AppUnderTest.expect200(
                    http.send(req.command("guild create Bench lang en"), HttpResponse.BodyHandlers.ofString()));
            AppUnderTest.expect200(http.send(req.command("moment"), HttpResponse.BodyHandlers.ofString()));
            await(() -> !slack.posted().isEmpty(), "the moment's post");
            String root = slack.posted().get(0);

            int n = s.answers();
            int w = s.window();
            double cpu0 = app.jvm.cpuMillis();
            Load.Run first = Load.closed(http, s.concurrency(), 0, w, i -> req.answer(i, root));
            double cpu1 = app.jvm.cpuMillis();
            Load.Run middle = Load.closed(http, s.concurrency(), w, n - 2 * w, i -> req.answer(i, root));
            double cpu2 = app.jvm.cpuMillis();
            Load.Run last = Load.closed(http, s.concurrency(), n - w, w, i -> req.answer(i, root));
            double cpu3 = app.jvm.cpuMillis();
            for (Load.Run run : List.of(first, middle, last)) {
                acked.addAll(run.ackedIds());
            }
            String c = "c=" + s.concurrency();
            r.add(
                    section,
                    c + " answers/s, answers 1-" + w,
                    first.perSecond(),
                    "ans/s",
                    first.perSecond() / floor.perSecond());
            r.add(
                    section,
                    c + " answers/s, answers " + (n - w + 1) + "-" + n,
                    last.perSecond(),
                    "ans/s",
                    last.perSecond() / floor.perSecond());
            double cpuFirst = (cpu1 - cpu0) / Math.max(1, first.acked());
            double cpuLast = (cpu3 - cpu2) / Math.max(1, last.acked());
            r.add(
                    section,
                    "server CPU per answer, answers 1-" + w,
                    cpuFirst,
                    "ms",
                    cpuFirst / floor.cpuMillisPerRequest());
            r.add(
                    section,
                    "server CPU per answer, answers " + (n - w + 1) + "-" + n,
                    cpuLast,
                    "ms",
                    cpuLast / floor.cpuMillisPerRequest());
            r.add(
                    section,
                    "flatness: last window / first window throughput",
                    last.perSecond() / first.perSecond(),
                    "x");
            r.add(section, c + " p50 ack, first window", first.percentileMillis(50), "ms");
            r.add(section, c + " p99 ack, first window", first.percentileMillis(99), "ms");
            r.add(section, c + " p99 ack, last window", last.percentileMillis(99), "ms");
            log.info("{}: middle window {} answers/s", section, Math.round(middle.perSecond()));

            int next = n;
            for (int rate : s.rates()) {
                Load.Run open = Load.open(http, rate, s.openSeconds(), next, i -> req.answer(i, root));
                next += open.sent();
                acked.addAll(open.ackedIds());
                r.add(section, "open loop " + rate + "/s p50 ack", open.percentileMillis(50), "ms");
                Double base = floor.openP99().get(rate);
                r.add(
                        section,
                        "open loop " + rate + "/s p99 ack",
                        open.percentileMillis(99),
                        "ms",
                        base == null ? null : open.percentileMillis(99) / base);
                r.add(
                        section,
                        "open loop " + rate + "/s not acked within 3 s",
                        open.sent() - open.withinSlackLimit(),
                        "req");
            }
            // Slack retries a delivery it thinks failed: the same event again must not store a second answer.
            int retries = Math.min(100, w);
            for (int i = 0; i < retries; i++) {
                if (http.send(
                                        SignedRequests.retried(
                                                req.answer(i, root).request()),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    retriesAcked++;
                }
            }
            slashCommands(r, section, http, req, slack);
            if (kind.equals("postgres")) {
                durability(r, section, db, acked, retriesAcked);
            }
        }
        // An embedded H2 file is counted once the app that held it open has stopped.
        if (!kind.equals("postgres")) {
            durability(r, section, db, acked, retriesAcked);
        }
    }

    /**
     * "/shoptalk moment" posts a moment, against a Slack that takes {@link #SLOW_POST} to answer chat.postMessage: how
     * soon Slack gets the command's ack, and that the reply still arrives (on the ack or through the response_url).
     */
    private static void slashCommands(
            Results r, String section, HttpClient http, SignedRequests req, FakeSlackApi slack) throws Exception {
        int times = 5;
        slack.delayPosts(SLOW_POST.toMillis());
        long[] acks = new long[times];
        int inline = 0;
        for (int i = 0; i < times; i++) {
            int postsBefore = slack.posted().size();
            int repliesBefore = slack.responseUrlArrivals().size();
            long start = System.nanoTime();
            HttpResponse<String> ack = http.send(req.command("moment"), HttpResponse.BodyHandlers.ofString());
            acks[i] = System.nanoTime() - start;
            AppUnderTest.expect200(ack);
            if (!ack.body().isBlank()) {
                inline++;
            } else {
                await(() -> slack.responseUrlArrivals().size() > repliesBefore, "the follow-up on response_url");
            }
            await(() -> slack.posted().size() > postsBefore, "the moment's post");
        }
        slack.delayPosts(0);
        java.util.Arrays.sort(acks);
        r.add(
                section,
                "/shoptalk moment, Slack posting in 1.5 s: ack p50 (of " + times + ")",
                acks[times / 2] / 1e6,
                "ms");
        r.add(section, "/shoptalk moment: replies on the ack itself", inline, "of " + times);
    }

    /**
     * Answers stored against answers acknowledged, by message id (the ts each answer was sent with): which acknowledged
     * ones are not stored, which are stored more than once, and how many were stored without an ack (a request that
     * timed out on our side after the app took it). Up to {@value #NAMED} ids of each are printed; the counts go in
     * the results.
     */
    private static void durability(Results r, String section, Databases.Target db, Set<String> acked, int retriesAcked)
            throws Exception {
        Map<String, Long> stored = new HashMap<>();
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT message_id, COUNT(*) FROM answer GROUP BY message_id")) {
            while (rs.next()) {
                stored.put(rs.getString(1), rs.getLong(2));
            }
        }
        long rows = stored.values().stream().mapToLong(Long::longValue).sum();
        SortedSet<String> missing = new TreeSet<>(acked);
        missing.removeAll(stored.keySet());
        SortedSet<String> twice = new TreeSet<>();
        stored.forEach((id, times) -> {
            if (times > 1) {
                twice.add(id);
            }
        });
        long unacked =
                stored.keySet().stream().filter(id -> !acked.contains(id)).count();
        r.add(section, "durability: answers acknowledged", (double) acked.size(), "ans");
        r.add(section, "durability: answers stored", (double) rows, "ans");
        r.add(
                section,
                "durability: stored twice (" + retriesAcked + " retried deliveries acked)",
                (double) twice.size(),
                "ans");
        r.add(section, "durability: acknowledged but not stored", (double) missing.size(), "ans");
        r.add(section, "durability: stored without an ack", (double) unacked, "ans");
        name(section, "acknowledged but not stored", missing);
        name(section, "stored twice", twice);
    }

    /** Prints up to {@link #NAMED} of {@code ids} (message ts), in order, and how many more there are. */
    private static void name(String section, String what, SortedSet<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<String> shown = ids.stream().limit(NAMED).toList();
        System.out.printf(
                Locale.ROOT,
                "[bench] %-10s %s: %s%s%n",
                section,
                what,
                String.join(", ", shown),
                ids.size() > NAMED ? " (and " + (ids.size() - NAMED) + " more)" : "");
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited 60 s for " + what);
            }
            Thread.sleep(5);
        }
    }
}

package org.shoptalk.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One guild in {@code bench.channels} Slack channels posts one scheduled moment ({@code schedule at}, fired by core's
 * Quartz) in all of them, through the app's jar (and so the real slack-api-client) against the fake Slack Web API
 * with Slack-like limits on chat.postMessage and injected failures ({@link FakeSlackApi.Limits}): the time from the
 * due time to the last channel's post, as a ratio to the lower bound the limits allow, and how many channels got no
 * post or more than one.
 */
final class FanoutBench {
    private static final Logger log = LoggerFactory.getLogger(FanoutBench.class);

    /**
     * The fake's limits: Slack's one post per second per channel with a burst of 3; a workspace-wide cap of 10 posts a
     * second with a burst of 10 (Slack documents a workspace-wide limit on chat.postMessage without a figure: "several
     * hundred messages per minute", so 600 a minute here), and 5% injected failures.
     */
    static final FakeSlackApi.Limits LIMITS = new FakeSlackApi.Limits(1, 3, 10, 10, 0.05);

    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private FanoutBench() {}

    static void run(Settings s, Results r, Databases databases, Path dir) throws Exception {
        String section = "fanout";
        int n = s.channels();
        Databases.Target db = databases.fresh("h2", "fanout_" + n);
        try (AppUnderTest app = AppUnderTest.start(s, db, dir, "app-fanout")) {
            FakeSlackApi slack = app.slack;
            HttpClient http = Load.client();
            SignedRequests req = app.requests();
            AppUnderTest.expect200(http.send(
                    req.command(channel(0), "guild create Fanout lang en"), HttpResponse.BodyHandlers.ofString()));
            Load.Run added = Load.closed(
                    http, 4, 1, n - 1, i -> new Load.Call(req.command(channel(i), "guild channel add"), channel(i)));
            if (added.acked() != n - 1) {
                throw new IllegalStateException(
                        (n - 1 - added.acked()) + " 'guild channel add' commands were not acknowledged");
            }
            // Replies to the commands travel by response_url; give any stragglers a moment before measuring.
            Thread.sleep(2000);
            // A scheduled moment, fired by Quartz: that path comes back for channels that were rate limited or
            // failed. (A "/shoptalk moment" typed now posts where it can and says which channels it missed.)
            Instant due = Instant.now()
                    .plusSeconds(20)
                    .truncatedTo(ChronoUnit.MINUTES)
                    .plus(Duration.ofMinutes(1));
            AppUnderTest.expect200(http.send(
                    req.command(channel(0), "schedule at " + AT.format(due) + " tz UTC"),
                    HttpResponse.BodyHandlers.ofString()));
            slack.limit(LIMITS);
            long limited = System.nanoTime();
            long t0 = limited + Duration.between(Instant.now(), due).toNanos();
            long patience = Duration.ofSeconds(Math.max(60, n / 2)).toNanos();
            while (roundPostsPerChannel(slack, limited).size() < n && System.nanoTime() - t0 < patience) {
                Thread.sleep(200);
            }
            // Let late duplicates (a retry that posts again) show up before counting.
            Thread.sleep(5000);
            slack.limit(null);
            // Quartz may fire a little ahead of the due time (batch acquisition): posts count from when the limits
            // went on, the time from the due time.
            Map<String, List<FakeSlackApi.Post>> posts = roundPostsPerChannel(slack, limited);
            long last = posts.values().stream()
                    .mapToLong(p -> p.get(0).nanos())
                    .max()
                    .orElse(t0);
            double seconds = (last - t0) / 1e9;
            double bound = Math.max(0, n - LIMITS.workspaceBurst()) / LIMITS.workspacePerSecond();
            long twice = posts.values().stream().filter(p -> p.size() > 1).count();
            String c = n + " channels";
            r.add(section, c + ": posted", posts.size(), "of " + n);
            r.add(section, c + ": channels with more than one post", twice, "channels");
            r.add(section, c + ": channels with no post", n - posts.size(), "channels");
            r.add(section, c + ": due -> last post", seconds * 1000, "ms");
            r.add(section, c + ": lower bound the limits allow", bound * 1000, "ms");
            r.add(section, c + ": time / lower bound", bound == 0 ? Double.NaN : seconds / bound, "x");
            r.add(section, c + ": chat.postMessage answered 429", slack.limitedCalls(), "calls");
            r.add(section, c + ": chat.postMessage answered 500 on purpose", slack.failedCalls(), "calls");
            log.info("fanout: {} channels posted in {} s", posts.size(), Math.round(seconds));
        }
    }

    static String channel(int i) {
        return "CF" + i;
    }

    /**
     * The moment's top-level posts since {@code t0} (System.nanoTime), by channel: the text most channels got (a command's reply, if one
     * were posted, has another text and is left out).
     */
    private static Map<String, List<FakeSlackApi.Post>> roundPostsPerChannel(FakeSlackApi slack, long t0) {
        Map<String, List<FakeSlackApi.Post>> since = new HashMap<>();
        slack.postsByChannel().forEach((ch, list) -> {
            List<FakeSlackApi.Post> top = list.stream()
                    .filter(p -> p.nanos() >= t0 && p.threadTs() == null)
                    .toList();
            if (!top.isEmpty()) {
                since.put(ch, top);
            }
        });
        String text = since.values().stream()
                .flatMap(List::stream)
                .collect(Collectors.groupingBy(FakeSlackApi.Post::text, Collectors.counting()))
                .entrySet()
                .stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse("");
        Map<String, List<FakeSlackApi.Post>> out = new HashMap<>();
        since.forEach((ch, list) -> {
            List<FakeSlackApi.Post> round =
                    list.stream().filter(p -> p.text().equals(text)).toList();
            if (!round.isEmpty()) {
                out.put(ch, round);
            }
        });
        return out;
    }
}

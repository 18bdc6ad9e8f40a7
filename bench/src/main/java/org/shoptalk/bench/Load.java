package org.shoptalk.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * A small load generator on the JDK's HttpClient. Closed loop: {@code concurrency} senders, each sending its next
 * request when the previous one is answered. Open loop: requests start on a fixed schedule whatever the server does,
 * and latency counts from the planned start, so a server that falls behind is not flattered (no coordinated
 * omission). A request counts as acknowledged only with a 2xx status.
 */
final class Load {
    /** Slack gives up on a request after 3 s; we wait longer, to see how late the late ones are. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** A request and the id it is known by (for an answer, the message's ts it is stored under), for the durability count. */
    record Call(HttpRequest request, String id) {}

    /**
     * What a run did.
     *
     * @param latenciesNanos one per answered request, sorted
     */
    record Run(int sent, int acked, int failed, long elapsedNanos, List<Long> latenciesNanos, Set<String> ackedIds) {
        double perSecond() {
            return acked / (elapsedNanos / 1e9);
        }

        double percentileMillis(double p) {
            if (latenciesNanos.isEmpty()) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * latenciesNanos.size()) - 1;
            return latenciesNanos.get(Math.max(0, Math.min(i, latenciesNanos.size() - 1))) / 1e6;
        }

        /** Acknowledged within Slack's 3 s. */
        int withinSlackLimit() {
            return (int)
                    latenciesNanos.stream().filter(n -> n <= 3_000_000_000L).count();
        }
    }

    private Load() {}

    static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4, r -> {
                    Thread t = new Thread(r, "bench-http");
                    t.setDaemon(true);
                    return t;
                }))
                .build();
    }

    static Run closed(HttpClient http, int concurrency, int first, int count, IntFunction<Call> calls)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger(first);
        int end = first + count;
        AtomicInteger acked = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Set<String> ids = ConcurrentHashMap.newKeySet();
        ExecutorService senders = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            senders.execute(() -> {
                for (int i = next.getAndIncrement(); i < end; i = next.getAndIncrement()) {
                    Call call = calls.apply(i);
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<Void> r = http.send(call.request(), HttpResponse.BodyHandlers.discarding());
                        latencies.add(System.nanoTime() - sent);
                        if (r.statusCode() / 100 == 2) {
                            acked.incrementAndGet();
                            ids.add(call.id());
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        if (e instanceof InterruptedException) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(1, TimeUnit.HOURS);
        return new Run(count, acked.get(), failed.get(), System.nanoTime() - start, sorted(latencies), ids);
    }

    static Run open(HttpClient http, double perSecond, int seconds, int first, IntFunction<Call> calls) {
        int count = (int) Math.round(perSecond * seconds);
        long interval = (long) (1e9 / perSecond);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Set<String> ids = ConcurrentHashMap.newKeySet();
        AtomicInteger acked = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<?>> pending = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long planned = start + i * interval;
            long wait = planned - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Call call = calls.apply(first + i);
            HttpRequest timed = HttpRequest.newBuilder(call.request(), (n, v) -> true)
                    .timeout(TIMEOUT)
                    .build();
            pending.add(http.sendAsync(timed, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> {
                        if (e == null && r.statusCode() / 100 == 2) {
                            latencies.add(System.nanoTime() - planned);
                            acked.incrementAndGet();
                            ids.add(call.id());
                        } else {
                            failed.incrementAndGet();
                        }
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .exceptionally(e -> null)
                .join();
        return new Run(count, acked.get(), failed.get(), System.nanoTime() - start, sorted(latencies), ids);
    }

    private static List<Long> sorted(ConcurrentLinkedQueue<Long> values) {
        return values.stream().sorted().toList();
    }
}

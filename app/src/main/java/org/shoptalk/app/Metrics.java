package org.shoptalk.app;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The process's metrics in a Prometheus registry: JVM metrics, one timer per HTTP route, method and
 * status, and whatever {@link MeterBinder}s the process adds (the database's). Routes are tagged by their pattern ("/local/api/messages/{id}"), never by the path people sent,
 * so unknown paths cannot blow up the number of series. Thread-safe.
 */
final class Metrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    Metrics() {
        this(List.of());
    }

    /** With the JVM's metrics and those of the given binders (the database's, for one). */
    Metrics(List<MeterBinder> binders) {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        binders.forEach(binder -> binder.bindTo(registry));
    }

    /** Adds a binder's meters after construction: the database's, once the database is open. */
    void bind(MeterBinder binder) {
        binder.bindTo(registry);
    }

    void recordRequest(Context ctx, float millis) {
        timers.computeIfAbsent(
                        new TimerKey(ctx.method().name(), routeOf(ctx), ctx.statusCode()),
                        key -> Timer.builder("http.server.requests")
                                .description("HTTP requests the server answered")
                                .tag("method", key.method())
                                .tag("route", key.route())
                                .tag("status", Integer.toString(key.status()))
                                .register(registry))
                .record((long) (millis * TimeUnit.MILLISECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
    }

    /** Timers are built once per method, route pattern and status, not per request (issue 13). */
    private record TimerKey(String method, String route, int status) {}

    String scrape() {
        return registry.scrape();
    }

    private static String routeOf(Context ctx) {
        try {
            var endpoint = ctx.endpoints().lastHttpEndpoint();
            return endpoint == null ? "unmatched" : endpoint.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}

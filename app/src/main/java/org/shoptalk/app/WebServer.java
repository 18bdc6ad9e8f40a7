package org.shoptalk.app;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.shoptalk.core.Failures;
import org.shoptalk.core.local.LocalChat;
import org.shoptalk.core.web.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: health and readiness probes, Prometheus metrics, adapters' endpoints, digest pages and,
 * when it runs, the local console. Errors are answered as JSON; an unexpected one is logged by type only, since
 * a message could carry people's words. A transient failure (the database away) is 503, anything else 500.
 */
final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private final Javalin javalin;
    private final Metrics metrics;

    private WebServer(Javalin javalin, Metrics metrics) {
        this.javalin = javalin;
        this.metrics = metrics;
    }

    static WebServer start(
            ListenAddress listen,
            int port,
            Readiness readiness,
            Optional<LocalChat> localChat,
            List<Route> adapterRoutes) {
        return start(listen, port, readiness, localChat, adapterRoutes, Optional.empty());
    }

    static WebServer start(
            ListenAddress listen,
            int port,
            Readiness readiness,
            Optional<LocalChat> localChat,
            List<Route> adapterRoutes,
            Optional<DigestPages> digestPages) {
        return start(listen, port, readiness, localChat, adapterRoutes, digestPages, List.of());
    }

    /** @param meters more metrics for /metrics, beyond the JVM's and the HTTP server's */
    static WebServer start(
            ListenAddress listen,
            int port,
            Readiness readiness,
            Optional<LocalChat> localChat,
            List<Route> adapterRoutes,
            Optional<DigestPages> digestPages,
            List<MeterBinder> meters) {
        return start(listen, port, readiness, localChat, adapterRoutes, digestPages, new Metrics(meters));
    }

    /** @param metrics the registry /metrics shows and requests are timed in; closed with this server */
    static WebServer start(
            ListenAddress listen,
            int port,
            Readiness readiness,
            Optional<LocalChat> localChat,
            List<Route> adapterRoutes,
            Optional<DigestPages> digestPages,
            Metrics metrics) {
        try {
            Javalin javalin = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.startup.showOldJavalinVersionWarning = false;
                config.jetty.host = listen.host();
                config.jetty.port = port;
                config.requestLogger.http(metrics::recordRequest);
                var routes = config.routes;
                routes.get(
                        "/healthz",
                        ctx -> ctx.contentType("text/plain; charset=utf-8").result("ok"));
                routes.get("/readyz", ctx -> {
                    Optional<String> problem = readiness.problem();
                    Map<String, String> body = new LinkedHashMap<>();
                    body.put("status", problem.isEmpty() ? "ready" : "not ready");
                    problem.ifPresent(p -> body.put("reason", p));
                    JsonReplies.send(ctx, problem.isEmpty() ? 200 : 503, body);
                });
                routes.get(
                        "/metrics",
                        ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                                .result(metrics.scrape()));
                localChat.ifPresent(chat -> {
                    ConsoleGuard.mount(routes, listen.loopback());
                    new LocalConsoleApi(chat).mount(routes);
                    routes.get("/", ctx -> ctx.redirect("/local"));
                });
                digestPages.ifPresent(pages -> pages.mount(routes));
                RouteMount.mount(routes, adapterRoutes);
                routes.exception(
                        HttpResponseException.class, (e, ctx) -> JsonReplies.error(ctx, e.getStatus(), e.getMessage()));
                routes.exception(Exception.class, (e, ctx) -> {
                    LOG.error("{} {} failed: {}", ctx.method().name(), ctx.path(), Failures.describe(e));
                    if (Failures.isTransient(e)) {
                        JsonReplies.error(ctx, 503, "Shoptalk cannot reach its database right now; try again shortly");
                    } else {
                        JsonReplies.error(ctx, 500, "something went wrong on our side; the log has the details");
                    }
                });
            });
            javalin.start();
            return new WebServer(javalin, metrics);
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
    }

    int port() {
        return javalin.port();
    }

    /** The address and port the server's socket is bound to. */
    InetSocketAddress boundAddress() {
        for (Connector connector : javalin.jettyServer().server().getConnectors()) {
            if (connector instanceof ServerConnector server
                    && server.getTransport() instanceof ServerSocketChannel socket) {
                try {
                    return (InetSocketAddress) socket.getLocalAddress();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("the HTTP server has no bound socket");
    }

    @Override
    public void close() {
        javalin.stop();
        metrics.close();
    }
}

package org.shoptalk.teams;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.shoptalk.core.web.HttpAnswer;
import org.shoptalk.core.web.HttpCall;
import org.shoptalk.core.web.Route;

/** Serves adapter routes on 127.0.0.1, on a free port, the way the app's server would. */
final class RouteServer implements AutoCloseable {
    private final HttpServer server;

    RouteServer(List<Route> routes) {
        try {
            server = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Route route : routes) {
            server.createContext(route.path(), exchange -> {
                try (exchange) {
                    if (!exchange.getRequestMethod().equalsIgnoreCase(route.method())) {
                        exchange.sendResponseHeaders(405, -1);
                        return;
                    }
                    HttpCall call = new HttpCall(
                            exchange.getRequestMethod(),
                            exchange.getRequestURI().getPath(),
                            Map.of(),
                            exchange.getRequestHeaders(),
                            exchange.getRequestBody().readAllBytes(),
                            exchange.getRemoteAddress().getAddress().getHostAddress());
                    HttpAnswer answer = route.endpoint().handle(call);
                    answer.headers()
                            .forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                    exchange.getResponseHeaders().add("Content-Type", answer.contentType());
                    byte[] body = answer.body();
                    exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
                    if (body.length > 0) {
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(body);
                        }
                    }
                }
            });
        }
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package org.shoptalk.bench;

import io.javalin.Javalin;

/**
 * The floor: a Javalin server whose Slack endpoint reads the body and answers 200 with nothing else (and whose
 * {@code GET /digest/{token}} answers a fixed one-line page), in a JVM of its own with the app's JVM options. Every ingestion figure is also given as a ratio to this one, measured in the same
 * run on the same machine.
 */
public final class BareJavalin {
    private BareJavalin() {}

    public static void main(String[] args) {
        int port = Integer.parseInt(System.getenv("SHOPTALK_PORT"));
        Javalin.create(config -> {
                    config.startup.showJavalinBanner = false;
                    config.jetty.host = "127.0.0.1";
                    config.jetty.port = port;
                    config.routes.get("/readyz", ctx -> ctx.result("ready"));
                    config.routes.post("/slack/events", ctx -> {
                        ctx.bodyAsBytes();
                        ctx.status(200);
                    });
                    // The floor for the digest page: a fixed small page, no database, no template.
                    config.routes.get(
                            "/digest/{token}",
                            ctx -> ctx.html("<!doctype html><title>digest</title><p>"
                                    + ctx.pathParam("token").length()));
                })
                .start();
    }
}

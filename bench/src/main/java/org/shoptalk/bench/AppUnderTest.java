package org.shoptalk.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The app's jar in a JVM of its own, talking to a fake Slack Web API and to one database, started and ready
 * ({@code /readyz} answers 200): what the ingestion and fan-out sections measure. Closing stops the app, then the fake.
 */
final class AppUnderTest implements AutoCloseable {
    private static final Duration READY = Duration.ofMinutes(2);
    static final String SECRET = "bench-installation-secret-0123456789";

    final FakeSlackApi slack;
    final ChildJvm jvm;

    private AppUnderTest(FakeSlackApi slack, ChildJvm app) {
        this.slack = slack;
        this.jvm = app;
    }

    /** Starts the fake Slack and the app on {@code db}; its log goes to {@code dir/name.log}. Waits at most 2 minutes. */
    static AppUnderTest start(Settings s, Databases.Target db, Path dir, String name) throws Exception {
        FakeSlackApi slack = FakeSlackApi.start();
        ChildJvm app = null;
        try {
            Map<String, String> env = Map.of(
                    "SLACK_BOT_TOKEN", "xoxb-bench-token",
                    "SLACK_SIGNING_SECRET", SignedRequests.SECRET,
                    "SLACK_API_URL", slack.apiUrl(),
                    "SHOPTALK_SECRET", SECRET,
                    "SHOPTALK_DB_URL", db.url(),
                    "SHOPTALK_DB_USER", db.user(),
                    "SHOPTALK_DB_PASSWORD", db.password());
            app = ChildJvm.start(
                    s.appJvm(), List.of("-jar", s.jar().toAbsolutePath().toString()), env, dir, name);
            app.awaitReady("/readyz", READY);
            return new AppUnderTest(slack, app);
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (app != null) {
                app.close();
            }
            slack.close();
            throw e;
        }
    }

    /** Signed Slack requests to this app, whose replies go to the fake's response_url. */
    SignedRequests requests() {
        return new SignedRequests(jvm.port, slack.responseUrl());
    }

    static void expect200(HttpResponse<?> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("expected 200, got " + response.statusCode() + ": " + response.body());
        }
    }

    @Override
    public void close() {
        try {
            jvm.close();
        } finally {
            slack.close();
        }
    }
}

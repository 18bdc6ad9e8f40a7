package org.shoptalk.app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The app as someone runs it on their own machine, for tests: the local console on an H2 file database in the
 * test's folder, on a free port, with no Slack or Teams. Register it on a field,
 * {@code @RegisterExtension final LocalApp local = new LocalApp();}; what it started is closed after each test.
 */
final class LocalApp implements AfterEachCallback {
    private ShoptalkApp app;

    /** Starts the app on the database in {@code dir}; answers a client for its HTTP port. */
    Http start(Path dir) {
        return start(dir, Map.of());
    }

    /** As {@link #start(Path)}, with {@code env} on top (e.g. SHOPTALK_SECRET, SHOPTALK_PUBLIC_URL). */
    Http start(Path dir, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put("SHOPTALK_DB_URL", "jdbc:h2:file:" + dir.resolve("shoptalk"));
        app = ShoptalkApp.start(AppConfig.fromEnvironment(all).withPort(0), List.of());
        return new Http(app.port());
    }

    ShoptalkApp app() {
        return app;
    }

    /** The address a browser opens, e.g. {@code url("/local?channel=craft")}. */
    String url(String path) {
        return "http://localhost:" + app.port() + path;
    }

    /** Stops the app now: a test of a restart starts it again on the same folder. */
    void stop() {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stop();
    }
}

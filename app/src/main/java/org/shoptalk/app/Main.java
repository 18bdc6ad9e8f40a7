package org.shoptalk.app;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar shoptalk.jar}: reads the environment, starts Shoptalk, stops it cleanly on shutdown. */
public final class Main {
    static final int BAD_CONFIGURATION = 2;
    static final int FAILED_TO_START = 1;

    private Main() {
    }

    public static void main(String[] args) {
        AppConfig config;
        try {
            config = AppConfig.fromEnvironment(System.getenv());
        } catch (ConfigException e) {
            // One line, no stack trace: the person starting us needs to know which variable to fix.
            System.err.println("Shoptalk cannot start: " + e.getMessage());
            System.exit(BAD_CONFIGURATION);
            return;
        }
        Logger log = LoggerFactory.getLogger(Main.class);
        ShoptalkApp app;
        try {
            app = ShoptalkApp.start(config, List.of());
        } catch (RuntimeException e) {
            log.error("Shoptalk could not start: {}", rootMessage(e));
            log.debug("start failure", e);
            System.exit(FAILED_TO_START);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shoptalk-shutdown"));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }
}

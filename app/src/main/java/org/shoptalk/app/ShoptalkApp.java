package org.shoptalk.app;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.shoptalk.core.ShoptalkCore;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.local.LocalChat;
import org.shoptalk.core.web.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running process: database, core with its scheduler, the chat platforms and the HTTP server, started
 * in that order and stopped in reverse. Wiring only.
 */
public final class ShoptalkApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ShoptalkApp.class);

    private final Database database;
    private final ShoptalkCore core;
    private final WebServer server;

    private ShoptalkApp(Database database, ShoptalkCore core, WebServer server) {
        this.database = database;
        this.core = core;
        this.server = server;
    }

    /** Starts everything; {@code adapterRoutes} are the HTTP endpoints of the platform adapters in use. */
    public static ShoptalkApp start(AppConfig config, List<Route> adapterRoutes) {
        Database database = Database.start(config.database());
        ShoptalkCore core = null;
        try {
            Clock clock = Clock.systemUTC();
            core = ShoptalkCore.create(database, config.core(), clock);
            ShoptalkCore started = core;
            Optional<LocalChat> local = config.localConsole()
                    ? Optional.of(new LocalChat(database, clock, started::shoptalk))
                    : Optional.empty();
            local.ifPresent(core::register);
            core.start();
            Readiness readiness = () -> !database.isReachable() ? Optional.of("database unreachable")
                    : !started.schedulerStarted() ? Optional.of("scheduler not started")
                    : Optional.empty();
            WebServer server = WebServer.start(config.port(), readiness, local, adapterRoutes);
            LOG.info("Shoptalk is up on port {} (database: {}, local console: {})", server.port(),
                    config.database().dialect(), local.isPresent() ? "on at /local" : "off");
            return new ShoptalkApp(database, core, server);
        } catch (RuntimeException e) {
            if (core != null) {
                core.close();
            }
            database.close();
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
        core.close();
        database.close();
        LOG.info("Shoptalk stopped");
    }
}

package org.shoptalk.app;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.shoptalk.core.Failures;
import org.shoptalk.core.ShoptalkCore;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.DbSettings;
import org.shoptalk.core.digest.DigestTokens;
import org.shoptalk.core.digest.SignedDigestLinks;
import org.shoptalk.core.local.LocalChat;
import org.shoptalk.core.record.RecordTokens;
import org.shoptalk.core.web.Route;
import org.shoptalk.slack.SlackAdapter;
import org.shoptalk.teams.TeamsAdapter;
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
    private final List<AutoCloseable> adapters;
    private final WebServer server;

    private ShoptalkApp(Database database, ShoptalkCore core, List<AutoCloseable> adapters, WebServer server) {
        this.database = database;
        this.core = core;
        this.adapters = adapters;
        this.server = server;
    }

    /**
     * Starts everything; {@code adapterRoutes} are the HTTP endpoints of the platform adapters in use. Returns once
     * all of it is started; /readyz answers 503 until then.
     *
     * <p>Work that does not depend on the other runs beside it on a second thread (issue 13: start to /readyz within
     * 3 s on H2): the metrics registry is built and core's built-in data read while the database opens and migrates,
     * and core's scheduler and the adapters start while the HTTP server does. Adapters still start after core (Socket
     * Mode may deliver events at once).
     */
    public static ShoptalkApp start(AppConfig config, List<Route> adapterRoutes) {
        ExecutorService beside = Executors.newSingleThreadExecutor(task -> new Thread(task, "shoptalk-start"));
        try {
            return start(config, adapterRoutes, beside);
        } finally {
            beside.shutdown();
        }
    }

    private static ShoptalkApp start(AppConfig config, List<Route> adapterRoutes, ExecutorService beside) {
        Future<Metrics> metrics = beside.submit(() -> new Metrics());
        // Core's own data (prompts, methods, goal vocabularies) needs no database: read it while the database opens.
        Future<?> builtIns = beside.submit(ShoptalkCore::loadBuiltIns);
        Database database;
        try {
            database = openDatabase(config.database());
        } catch (RuntimeException e) {
            closeWhenDone(metrics);
            throw e;
        }
        ShoptalkCore core = null;
        List<AutoCloseable> adapters = new ArrayList<>();
        Future<?> coreStart = null;
        WebServer server = null;
        try {
            Clock clock = Clock.systemUTC();
            Failures.await(builtIns, "starting");
            core = ShoptalkCore.create(database, config.core(), clock);
            ShoptalkCore started = core;
            Optional<LocalChat> local = config.localConsole()
                    ? Optional.of(new LocalChat(database, clock, started::shoptalk))
                    : Optional.empty();
            local.map(LocalChat::platform).ifPresent(core::register);
            List<Route> routes = new ArrayList<>(adapterRoutes);
            Optional<SlackAdapter> slack =
                    config.slack().map(settings -> new SlackAdapter(settings, started.shoptalk(), database, clock));
            slack.ifPresent(s -> {
                started.register(s.platform());
                routes.addAll(s.routes());
                adapters.add(s);
            });
            Optional<TeamsAdapter> teams =
                    config.teams().map(settings -> new TeamsAdapter(settings, started.shoptalk(), database, clock));
            teams.ifPresent(t -> {
                started.register(t.platform());
                routes.addAll(t.routes());
                adapters.add(t);
            });
            DigestPageConfig pages = config.digestPages();
            DigestTokens tokens = pages.secret().isPresent()
                    ? DigestTokens.withSecret(pages.secret().get(), clock)
                    : DigestTokens.withStoredKey(database, clock);
            // Without SHOPTALK_PUBLIC_URL the links point here, at whatever port the server gets.
            AtomicReference<String> publicUrl =
                    new AtomicReference<>(pages.publicUrl().orElse(null));
            core.useDigestLinks(new SignedDigestLinks(publicUrl::get, tokens, pages.linkValidity(), clock));
            // Personal record exports live next to the digest page, under their own key (docs/record.md).
            routes.add(core.useRecordLinks(
                    publicUrl::get,
                    pages.secret().isPresent()
                            ? RecordTokens.withSecret(pages.secret().get(), clock)
                            : RecordTokens.withStoredKey(database, clock)));
            // Not ready until all is started, nor within about the connection timeout of the database going away.
            StartReadiness readiness = new StartReadiness(database::isReachable, started::schedulerStarted);
            coreStart = beside.submit(() -> {
                started.start();
                // Adapters start after core: Socket Mode may deliver events at once.
                slack.ifPresent(SlackAdapter::start);
                teams.ifPresent(TeamsAdapter::start);
            });
            Metrics serverMetrics = Failures.await(metrics, "starting");
            serverMetrics.bind(new DatabaseMetrics(database));
            server = WebServer.start(
                    config.listen(),
                    config.port(),
                    readiness,
                    local,
                    routes,
                    Optional.of(new DigestPages(core.digestHistory(), tokens)),
                    serverMetrics);
            Failures.await(coreStart, "starting");
            readiness.markStarted();
            publicUrl.compareAndSet(null, "http://localhost:" + server.port());
            StartChecks.digestLinks(pages.publicUrl(), publicUrl.get(), slack.isPresent() || teams.isPresent())
                    .ifPresent(LOG::warn);
            if (local.isPresent() && !config.listen().loopback()) {
                LOG.warn(
                        "The local console has no login and listens on {}: anyone who can reach this port can read"
                                + " and post as any name. Unset SHOPTALK_HOST to keep it on this machine.",
                        config.listen().host());
            }
            LOG.info(
                    "Shoptalk is up on {} port {} (database: {}, local console: {}, Slack: {}, Teams: {})",
                    config.listen().host(),
                    server.port(),
                    config.database().dialect(),
                    local.isPresent() ? "on at /local" : "off",
                    config.slack().isPresent() ? "on" : "off",
                    config.teams().isPresent() ? "on" : "off");
            return new ShoptalkApp(database, core, adapters, server);
        } catch (RuntimeException e) {
            // Whatever runs beside is finished before anything it uses is closed.
            if (coreStart != null) {
                awaitQuietly(coreStart);
            }
            if (server != null) {
                server.close();
            } else {
                closeWhenDone(metrics);
            }
            closeAll(adapters);
            if (core != null) {
                core.close();
            }
            database.close();
            throw e;
        }
    }

    private static void awaitQuietly(Future<?> work) {
        try {
            Failures.await(work, "starting");
        } catch (RuntimeException alreadyFailing) {
            // The failure being thrown says what went wrong first.
        }
    }

    private static void closeWhenDone(Future<Metrics> metrics) {
        try {
            Failures.await(metrics, "starting").close();
        } catch (RuntimeException alreadyFailing) {
            // Nothing to close.
        }
    }

    /** The database with every migration, core's and each adapter's: also for one-off commands such as export. */
    static Database openDatabase(DbSettings settings) {
        // Every adapter's migrations run even when it is off, so switching one on later never meets an older version.
        return Database.start(settings, SlackAdapter.MIGRATIONS, TeamsAdapter.MIGRATIONS);
    }

    private static void closeAll(List<AutoCloseable> adapters) {
        for (AutoCloseable adapter : adapters) {
            try {
                adapter.close();
            } catch (Exception e) {
                LOG.warn("an adapter did not stop cleanly: {}", e.getMessage());
            }
        }
    }

    public int port() {
        return server.port();
    }

    /** The database the app runs on, every migration applied. */
    Database database() {
        return database;
    }

    /** The address and port the HTTP server is bound to. */
    InetSocketAddress boundAddress() {
        return server.boundAddress();
    }

    @Override
    public void close() {
        server.close();
        closeAll(adapters);
        core.close();
        database.close();
        LOG.info("Shoptalk stopped");
    }
}

package org.shoptalk.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.util.http.SlackHttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.shoptalk.core.Shoptalk;
import org.shoptalk.core.chat.ChatPlatform;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.web.HttpAnswer;
import org.shoptalk.core.web.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shoptalk as a Slack app, built on Bolt for Java and hosted on the app's own HTTP server (or Socket
 * Mode). Incoming Slack payloads become core commands and events; core's messages become Block Kit.
 * Create it, register {@link #platform()} with core, mount {@link #routes()}, then {@link #start()}.
 * Thread-safe once started.
 */
public final class SlackAdapter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SlackAdapter.class);

    /** Flyway location of this adapter's tables (versions 100-199); pass it to {@code Database.start}. */
    public static final String MIGRATIONS = "classpath:org/shoptalk/slack/db/migration";

    static final String EVENTS_PATH = "/slack/events";
    static final String INSTALL_PATH = "/slack/install";
    static final String REDIRECT_PATH = "/slack/oauth_redirect";

    /**
     * How long a slash command's ack waits for core's reply to ride on it; a slower reply follows through the
     * response_url. Short, so a slow command does not spend most of Slack's 3 s on waiting (issue 13).
     */
    static final Duration INLINE_REPLY_WAIT = Duration.ofMillis(300);

    private final SlackSettings settings;
    private final App app;
    private final BoltBridge bridge;
    private final SlackChatPlatform platform;
    private final ExecutorService work;
    private final Slack slack;
    private SocketModeApp socketMode;

    public SlackAdapter(SlackSettings settings, Shoptalk shoptalk, Database database, Clock clock) {
        this(settings, shoptalk, database, clock, new SlackCalls(clock), INLINE_REPLY_WAIT);
    }

    SlackAdapter(
            SlackSettings settings,
            Shoptalk shoptalk,
            Database database,
            Clock clock,
            SlackCalls calls,
            Duration inlineReplyWait) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(shoptalk, "shoptalk");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(clock, "clock");
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(settings.apiUrl());
        slackConfig.setStatsEnabled(false);
        // OkHttp by default sends a request again after a connection failure, even a POST Slack may have
        // accepted; SlackCalls reports that as an unknown outcome instead, so core can avoid a double post.
        SlackHttpClient http = new SlackHttpClient(SlackHttpClient.buildOkHttpClient(slackConfig)
                .newBuilder()
                .retryOnConnectionFailure(false)
                .build());
        http.setConfig(slackConfig);
        this.slack = Slack.getInstance(slackConfig, http);
        this.work = Executors.newFixedThreadPool(8, daemonThreads());

        AppConfig config = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret())
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .redirectUri(settings.redirectUri())
                .scope(settings.oauth() ? SlackSettings.BOT_SCOPES : null)
                .userScope(null)
                .oauthCancellationUrl(null)
                .oauthCompletionUrl(null)
                .authTestCacheEnabled(true)
                .subtypedMessageEventsAutoAckEnabled(true)
                .allEventsApiAutoAckEnabled(true)
                // BoltBridge checks signatures before Bolt parses a body, without Bolt's per-request costs.
                .requestVerificationEnabled(false)
                .build();
        config.setAppPath("/slack");
        config.setOauthInstallPath("/install");
        config.setOauthRedirectUriPath("/oauth_redirect");
        this.app = new App(config);

        JdbcInstallationService installations = null;
        if (settings.oauth()) {
            installations = new JdbcInstallationService(database, new TokenCipher(settings.encryptionSecret()), clock);
            app.asOAuthApp(true);
            app.service(installations);
            app.service(new JdbcOAuthStateService(database, clock));
            app.enableTokenRevocationHandlers();
        }
        // Bolt builds its own middleware (signature check, authorization) on the first use(), from the services set
        // by then, so ours come after the OAuth services. Freshness first: nothing stale or future-dated goes further.
        app.use(new RequestFreshness(clock));
        if (installations != null) {
            JdbcInstallationService store = installations;
            app.use((request, response, chain) -> {
                // Org-wide installs: learn which organisation each workspace belongs to, for posting later.
                String team = request.getContext().getTeamId();
                if (team == null && request.getRequestType() == RequestType.Event) {
                    team = SlackIds.payloadTeam(request.getRequestBodyAsString());
                }
                store.rememberWorkspace(request.getContext().getEnterpriseId(), team);
                return chain.next(request);
            });
            app.oauthCallbackStateError((request, response) -> {
                // Bolt's default answers 200 and logs the code; an unknown or reused state is a bad request.
                log.info("Slack install callback refused: unknown, expired or reused state");
                response.setStatusCode(400);
                response.setContentType("text/html; charset=utf-8");
                response.setBody(config.getOAuthRedirectUriPageRenderer()
                        .renderFailurePage(config.getOauthInstallRequestURI(), "invalid_state"));
                return response;
            });
        }
        this.platform = new SlackChatPlatform(slack::methods, tokens(settings, installations), calls, clock);
        AppHome home = new AppHome(shoptalk, work, calls, platform::locale);
        SlackCommands commands = new SlackCommands(shoptalk, work, calls, inlineReplyWait, home);
        commands.register(app);
        home.register(app);
        new SlackEvents(shoptalk, clock, commands).register(app);

        this.bridge = new BoltBridge(app, new SlackSignatureCheck(settings.signingSecret(), clock));
    }

    private static SlackChatPlatform.BotTokens tokens(SlackSettings settings, JdbcInstallationService installations) {
        if (installations == null) {
            String token = settings.botToken();
            return team -> token;
        }
        return team -> {
            Bot bot = installations.findBotForWorkspace(team);
            if (bot == null || bot.getBotAccessToken() == null) {
                throw new ChatPlatformException("Shoptalk is not installed in Slack workspace " + team, true);
            }
            return bot.getBotAccessToken();
        };
    }

    /** Core's way to post in Slack. */
    public ChatPlatform platform() {
        return platform;
    }

    /** The endpoints Slack calls: events, commands and interactivity on one URL, and the OAuth install pair. */
    public List<Route> routes() {
        Route.Endpoint oauth = settings.oauth()
                ? bridge::handle
                : call -> HttpAnswer.text(
                        404,
                        "Slack OAuth install is off: this Shoptalk serves one workspace (SLACK_BOT_TOKEN). "
                                + "Set SLACK_CLIENT_ID and SLACK_CLIENT_SECRET instead to let workspaces install it.");
        return List.of(
                new Route("POST", EVENTS_PATH, bridge::handle),
                new Route("GET", INSTALL_PATH, oauth),
                new Route("GET", REDIRECT_PATH, oauth));
    }

    /**
     * Starts Bolt (single workspace: checks the bot token with auth.test, failing with a clear message)
     * and, with an app token, connects Socket Mode.
     */
    public void start() {
        app.start();
        if (settings.socketMode()) {
            try {
                socketMode = new SocketModeApp(settings.appToken(), SocketModeClient.Backend.JavaWebSocket, app);
                socketMode.startAsync();
                log.info("Slack Socket Mode connecting");
            } catch (Exception e) {
                throw new IllegalStateException(
                        "Slack Socket Mode could not connect (check SLACK_APP_TOKEN): " + e.getMessage(), e);
            }
        }
        log.info("Slack adapter started: {}", settings);
    }

    @Override
    public void close() {
        if (socketMode != null) {
            try {
                socketMode.close();
            } catch (Exception e) {
                log.warn("Closing Slack Socket Mode: {}", e.toString());
            }
        }
        app.stop();
        work.shutdown();
        try {
            if (!work.awaitTermination(10, TimeUnit.SECONDS)) {
                work.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            work.shutdownNow();
        }
        try {
            slack.close();
        } catch (Exception e) {
            log.debug("Closing the Slack client: {}", e.toString());
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "shoptalk-slack-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

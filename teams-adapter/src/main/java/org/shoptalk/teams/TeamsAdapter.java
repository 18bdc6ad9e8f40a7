package org.shoptalk.teams;

import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.shoptalk.core.Shoptalk;
import org.shoptalk.core.chat.ChatPlatform;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.web.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shoptalk in Microsoft Teams, through the Bot Framework SDK for Java. The app registers
 * {@link #platform()} with core, mounts {@link #routes()} and passes {@link #MIGRATIONS} to the database.
 * The SDK stays inside this module: core sees only its own commands, events and messages.
 */
public final class TeamsAdapter implements AutoCloseable {
    /** Flyway location of the adapter's tables (versions 200-299). */
    public static final String MIGRATIONS = "classpath:org/shoptalk/teams/db/migration";

    private static final Logger LOG = LoggerFactory.getLogger(TeamsAdapter.class);

    private final TeamsSettings settings;
    private final TeamsPlatform platform;
    private final Commands commands;
    private final MessagesEndpoint endpoint;

    public TeamsAdapter(TeamsSettings settings, Shoptalk shoptalk, Database database, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(shoptalk, "shoptalk");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(clock, "clock");
        this.settings = settings;
        // The SDK reads the metadata location from a static; one Teams bot per process is our case.
        ChannelValidation.setOpenIdMetaDataUrl(settings.openIdMetadataUrl());
        AppCredentials credentials = settings.tokenUrl() == null
                ? new MicrosoftAppCredentials(settings.appId(), settings.appPassword(), settings.appTenantId())
                : new TokenEndpointCredentials(settings, clock);
        TeamsStore store = new TeamsStore(database, clock);
        Connector connector = new Connector(credentials, clock);
        this.platform = new TeamsPlatform(settings, store, connector);
        this.commands = new Commands(shoptalk, platform);
        People people = new People(store, connector);
        Installs installs = new Installs(shoptalk, store, connector, commands, platform);
        this.endpoint =
                new MessagesEndpoint(settings, new TeamsInbound(shoptalk, store, people, commands, installs), clock);
    }

    /** Core's port for posting to Teams: Adaptive Cards, new channel posts via createConversation. */
    public ChatPlatform platform() {
        return platform;
    }

    /** The Bot Framework messaging endpoint, to configure in the Azure Bot as https://HOST/api/messages. */
    public List<Route> routes() {
        return List.of(new Route("POST", "/api/messages", endpoint));
    }

    /** Work starts with incoming activities and core's calls; this says where the bot listens. */
    public void start() {
        LOG.info(
                "Teams adapter ready on POST /api/messages for app {} (keys from {})",
                settings.appId(),
                settings.openIdMetadataUrl());
    }

    /** Test hook: waits until commands handed to the background have been handled. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        return commands.awaitIdle(timeout);
    }

    @Override
    public void close() {
        commands.close();
    }
}

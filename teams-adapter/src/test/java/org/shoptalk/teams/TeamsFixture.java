package org.shoptalk.teams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.shoptalk.core.Shoptalk;
import org.shoptalk.core.chat.Platform;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.db.DbSettings;

/**
 * One Teams bot under test: an H2 database in a temp dir, the adapter with its routes on loopback, and
 * the fake Bot Framework around it. Activities are realistic Teams payloads from test resources with
 * the ids below filled in.
 */
final class TeamsFixture implements AutoCloseable {
    static final String APP_ID = TeamsActivities.APP_ID;
    static final String TENANT_ID = TeamsActivities.TENANT_ID;
    static final Tenant TENANT = new Tenant(Platform.TEAMS, TENANT_ID);
    static final String TEAM_ID = TeamsActivities.TEAM_ID;
    static final String CHANNEL_ID = TeamsActivities.CHANNEL_ID;
    static final String AAD_GROUP_ID = TeamsActivities.AAD_GROUP_ID;
    static final TeamsActivities.Person LEAD = TeamsActivities.LEAD;
    static final TeamsActivities.Person MEMBER = TeamsActivities.MEMBER;

    final BotFrameworkFake botFramework;
    final TeamsSettings settings;
    final Database database;
    final Shoptalk shoptalk;
    final TeamsAdapter adapter;
    final RouteServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    TeamsFixture(Path dir, Function<Database, Shoptalk> core) {
        this(dir, core, Clock.systemUTC());
    }

    /** @param clock the adapter's clock: receive times, stored rows, and what an HTTP-date Retry-After is measured from */
    TeamsFixture(Path dir, Function<Database, Shoptalk> core, Clock clock) {
        this(dir, core, clock, new BotFrameworkFake());
    }

    /** @param botFramework the Microsoft side, for a test that needs it to publish its keys differently */
    TeamsFixture(Path dir, Function<Database, Shoptalk> core, Clock clock, BotFrameworkFake botFramework) {
        this.botFramework = botFramework;
        settings = new TeamsSettings(
                APP_ID, "test-secret", TENANT_ID, botFramework.openIdMetadataUrl(), botFramework.tokenUrl());
        database = Database.start(new DbSettings("jdbc:h2:file:" + dir + "/db", "sa", "", 5), TeamsAdapter.MIGRATIONS);
        shoptalk = core.apply(database);
        adapter = new TeamsAdapter(settings, shoptalk, database, clock);
        adapter.start();
        server = new RouteServer(adapter.routes());
    }

    /** Fills a payload template; {@code vars} override the defaults (lead in the guild channel). */
    String activity(String name, Map<String, String> vars) {
        return TeamsActivities.fill(TeamsActivities.template(name), botFramework.serviceUrl(), vars);
    }

    /** A mention entity for a person, to put in {@code extraMention}, and its text for the message. */
    static String mentionEntity(TeamsActivities.Person person) {
        return TeamsActivities.mentionEntity(person);
    }

    HttpResponse<String> post(String json) {
        return post(json, "Bearer " + botFramework.token(APP_ID, botFramework.serviceUrl()));
    }

    HttpResponse<String> post(String json, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/api/messages"))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts an activity signed like the Bot Framework does and expects it accepted. */
    void deliver(String name, Map<String, String> vars) {
        HttpResponse<String> response = post(activity(name, vars));
        if (response.statusCode() != 200) {
            throw new AssertionError(
                    "activity " + name + " answered " + response.statusCode() + ": " + response.body());
        }
        awaitIdle();
    }

    void awaitIdle() {
        try {
            if (!adapter.awaitIdle(Duration.ofSeconds(30))) {
                throw new AssertionError("the adapter did not finish its background work in 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int connectorCalls(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pattern) {
        return botFramework.wireMock.findAll(pattern).size();
    }

    @Override
    public void close() {
        server.close();
        adapter.close();
        database.close();
        botFramework.close();
    }
}

package org.shoptalk.teams;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
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
    static final String APP_ID = "3f1e2d4c-5b6a-4789-9abc-def012345678";
    static final String TENANT_ID = "5e3c1a2b-9d8f-4e7a-b6c5-0a1b2c3d4e5f";
    static final Tenant TENANT = new Tenant(Platform.TEAMS, TENANT_ID);
    static final String TEAM_ID = "19:Xf3a9c2e1b7d4c6a8e5f0b2d4a6c8e0f@thread.tacv2";
    static final String CHANNEL_ID = "19:c1a2b3d4e5f60718293a4b5c6d7e8f90@thread.tacv2";
    static final String AAD_GROUP_ID = "e8a1c2d3-4b5f-4a6e-9d7c-1b2a3c4d5e6f";
    static final Person LEAD =
            new Person("29:1LeadU5erIdFromTeamsAbCdEfGh", "0a1b2c3d-1111-4222-8333-444455556666", "Lena Lead");
    static final Person MEMBER =
            new Person("29:1MemberIdFromTeamsXyZ", "0a1b2c3d-2222-4333-8444-555566667777", "Milan Member");

    record Person(String id, String aad, String name) {}

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
        Map<String, String> all = new HashMap<>();
        all.put("appId", APP_ID);
        all.put("tenantId", TENANT_ID);
        all.put("teamId", TEAM_ID);
        all.put("channelId", CHANNEL_ID);
        all.put("channelName", "Craft guild");
        all.put("aadGroupId", AAD_GROUP_ID);
        all.put("serviceUrl", botFramework.serviceUrl());
        all.put("fromId", LEAD.id());
        all.put("fromAad", LEAD.aad());
        all.put("fromName", LEAD.name());
        all.put("id", "1763802902123");
        all.put("root", "1763802902123");
        all.put("text", "");
        all.put("extraMention", "");
        all.put("value", "{}");
        all.put("eventType", "channelCreated");
        all.putAll(vars);
        String json = template(name);
        for (Map.Entry<String, String> e : all.entrySet()) {
            String value = e.getKey().equals("text") ? jsonEscape(e.getValue()) : e.getValue();
            json = json.replace("${" + e.getKey() + "}", value);
        }
        return json;
    }

    /** A mention entity for a person, to put in {@code extraMention}, and its text for the message. */
    static String mentionEntity(Person person) {
        return "{\"mentioned\": {\"id\": \"" + person.id() + "\", \"name\": \"" + person.name() + "\"}, "
                + "\"text\": \"<at>" + person.name() + "</at>\", \"type\": \"mention\"},";
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

    private static String template(String name) {
        try (InputStream in = TeamsFixture.class.getResourceAsStream("/activities/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no activity template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String jsonEscape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    @Override
    public void close() {
        server.close();
        adapter.close();
        database.close();
        botFramework.close();
    }
}

package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shoptalk.core.testing.Await;
import org.shoptalk.core.testing.StoppablePostgres;

/**
 * The whole process, as a Slack app on a PostgreSQL that is shut down mid-test: readiness, metrics and Slack's
 * requests must say so within Slack's 3 s, and everything must come back by itself when the database does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseAwayAppTest {
    private static final String SIGNING_SECRET = "away-test-signing-secret-0123456789";
    private static final Duration SLACK_DEADLINE = Duration.ofSeconds(3);
    private static final Pattern DATABASE_UP = Pattern.compile("(?m)^shoptalk_database_up (\\S+)$");

    private StoppablePostgres postgres;
    private FakeSlack slack;
    private ShoptalkApp app;
    private Http http;
    private SlackSender sender;
    private int events;

    @BeforeAll
    void start() {
        postgres = StoppablePostgres.started();
        slack = FakeSlack.start();
        AppConfig config = AppConfig.fromEnvironment(Map.of(
                        "SLACK_BOT_TOKEN",
                        "xoxb-away-test-token",
                        "SLACK_SIGNING_SECRET",
                        SIGNING_SECRET,
                        "SHOPTALK_SECRET",
                        "away-test-secret-0123456789abcdef",
                        "SLACK_API_URL",
                        slack.apiUrl()))
                .withPort(0)
                .withDatabase(postgres.settings());
        app = ShoptalkApp.start(config, List.of());
        http = new Http(app.port());
        sender = new SlackSender(http, SIGNING_SECRET, slack.responseUrl());
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        if (slack != null) {
            slack.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void databaseIsThere() throws InterruptedException {
        Await.until(() -> http.get("/readyz").status() == 200, Duration.ofSeconds(30));
    }

    @Test
    void readyz_says_not_ready_within_two_seconds_of_the_database_going_away_and_ready_again_after_it_is_back()
            throws InterruptedException {
        assertThat(databaseUp()).isEqualTo("1.0");

        postgres.stop();
        long stopped = System.nanoTime();
        Http.Answer notReady;
        try {
            AtomicReference<Http.Answer> last = new AtomicReference<>();
            Await.until(
                    () -> {
                        last.set(http.get("/readyz"));
                        return last.get().status() == 503;
                    },
                    Duration.ofSeconds(5));
            notReady = last.get();
            Duration noticed = Duration.ofNanos(System.nanoTime() - stopped);
            System.out.printf(
                    "database away: /readyz said not ready %d ms after the database stopped%n", noticed.toMillis());
            assertThat(noticed).isLessThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(notReady.json().get("reason").asText()).isEqualTo("database unreachable");
            assertThat(databaseUp()).isEqualTo("0.0");
        } finally {
            postgres.start();
        }

        long restarted = System.nanoTime();
        Await.until(() -> http.get("/readyz").status() == 200, Duration.ofSeconds(10));
        System.out.printf(
                "database back: /readyz said ready %d ms after the database started%n",
                Duration.ofNanos(System.nanoTime() - restarted).toMillis());
        assertThat(databaseUp()).isEqualTo("1.0");
    }

    @Test
    void a_slack_event_that_needs_the_absent_database_gets_503_within_slacks_three_seconds_and_200_once_it_is_back()
            throws InterruptedException {
        assertThat(threadReply().status()).isEqualTo(200);

        postgres.stop();
        Http.Answer away;
        Duration took;
        try {
            long sent = System.nanoTime();
            away = threadReply();
            took = Duration.ofNanos(System.nanoTime() - sent);
        } finally {
            postgres.start();
        }
        System.out.printf("database away: a Slack event got %d after %d ms%n", away.status(), took.toMillis());
        assertThat(away.status()).isEqualTo(503);
        assertThat(took).isLessThan(SLACK_DEADLINE);
        // The pool's own figures are published; whether this request timed out waiting or met a dropped connection
        // depends on how far PostgreSQL's shutdown had got.
        assertThat(http.get("/metrics").body()).contains("hikaricp_connections_timeout_total{pool=\"shoptalk\"}");

        Await.until(() -> threadReply().status() == 200, Duration.ofSeconds(10));
    }

    private Http.Answer threadReply() {
        events++;
        return sender.event(
                SlackSender.message(
                        "EvAway" + events,
                        "U2",
                        "1700000100.0001" + events,
                        "1700000000.000100",
                        "An answer while the database may be away."),
                Map.of());
    }

    private String databaseUp() {
        Matcher m = DATABASE_UP.matcher(http.get("/metrics").body());
        assertThat(m.find()).as("shoptalk_database_up in /metrics").isTrue();
        return m.group(1);
    }
}

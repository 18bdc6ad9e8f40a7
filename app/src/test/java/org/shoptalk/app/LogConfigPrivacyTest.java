package org.shoptalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.Configurator;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.util.SlackRequestParser;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shoptalk.core.testing.LogCapture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shipped logging configuration keeps the SDKs from writing message text, even with the root logger turned up
 * to DEBUG: Bolt's parser, handed a body it does not know, and Slack's signature check, which dumps bodies at DEBUG.
 */
class LogConfigPrivacyTest {
    private static final String SECRET = "Our reorg plan leaks to the press on Monday";
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

    @BeforeEach
    void shippedConfiguration() {
        context.reset();
        LogSetup.apply(context);
    }

    @AfterEach
    void testConfiguration() throws Exception {
        configure(getClass().getClassLoader().getResource("logback-test.xml"));
    }

    private void configure(URL config) throws Exception {
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(config);
    }

    @Test
    void the_shipped_setup_is_used_when_nobody_configured_logging() {
        context.reset();
        Configurator.ExecutionStatus status = new LogSetup(name -> false, Optional.empty()).configure(context);

        assertThat(status).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("console"))
                .isNotNull();
        assertThat(context.getLogger("com.slack.api.bolt.util.SlackRequestParser")
                        .getLevel())
                .isEqualTo(Level.ERROR);
    }

    @Test
    void a_logback_file_of_ones_own_wins_over_the_shipped_setup() {
        context.reset();
        Configurator.ExecutionStatus fromProperty =
                new LogSetup(name -> false, Optional.of("/etc/shoptalk/logback.xml")).configure(context);
        Configurator.ExecutionStatus fromClassPath =
                new LogSetup(name -> name.equals("logback.xml"), Optional.empty()).configure(context);

        assertThat(fromProperty).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(fromClassPath).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("console"))
                .isNull();
    }

    @Test
    void sdk_loggers_write_no_message_text_even_with_root_at_debug() {
        String body = "{\"type\":\"event_callback_v2\",\"event\":{\"type\":\"message\",\"text\":\"" + SECRET + "\"}}";
        try (LogCapture logs = LogCapture.start().atLevel("ROOT", Level.DEBUG)) {
            Map<String, List<String>> headers = new HashMap<>();
            headers.put("content-type", List.of("application/json"));
            SlackRequestParser parser = new SlackRequestParser(com.slack.api.bolt.AppConfig.builder()
                    .signingSecret("a-signing-secret")
                    .singleTeamBotToken("xoxb-x")
                    .build());
            parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri("/slack/events")
                    .queryString(new HashMap<>())
                    .headers(new RequestHeaders(headers))
                    .requestBody(body)
                    .remoteAddress("127.0.0.1")
                    .build());
            new SlackSignature.Verifier(new SlackSignature.Generator("a-signing-secret")).isValid("1", body, "v0=00");

            assertThat(logs.linesContaining("reorg")).isEmpty();
        }
    }

    @Test
    void the_guard_sees_what_bolt_writes_when_its_parser_is_not_silenced() {
        context.getLogger("com.slack.api.bolt.util.SlackRequestParser").setLevel(Level.WARN);
        String body = "{\"type\":\"event_callback_v2\",\"event\":{\"text\":\"" + SECRET + "\"}}";
        try (LogCapture logs = LogCapture.start()) {
            new SlackRequestParser(com.slack.api.bolt.AppConfig.builder()
                            .signingSecret("s")
                            .singleTeamBotToken("xoxb-x")
                            .build())
                    .parse(SlackRequestParser.HttpRequest.builder()
                            .requestUri("/slack/events")
                            .queryString(new HashMap<>())
                            .headers(new RequestHeaders(new HashMap<>()))
                            .requestBody(body)
                            .remoteAddress("127.0.0.1")
                            .build());

            assertThat(logs.linesContaining("reorg")).isNotEmpty();
        }
    }
}

package org.shoptalk.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;

/**
 * Shoptalk's logging, set up in code rather than from a {@code logback.xml}: parsing XML was about a tenth of the
 * start (issue 13; logback loads some 500 classes for it, and this set-up about half that). Logback finds this class as
 * a service ({@code META-INF/services/ch.qos.logback.classic.spi.Configurator}) before its own file search.
 *
 * <p>A configuration of one's own still wins, as logback's rules say: {@code -Dlogback.configurationFile=...}, or a
 * {@code logback-test.xml} or {@code logback.xml} on the class path (the tests' own), and then this class leaves the
 * set-up to logback. Thread-safe (logback calls it once).
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";

    private final Predicate<String> onClassPath;
    private final Optional<String> configurationFile;

    /** As logback creates it: looks at the class path and the system property. */
    public LogSetup() {
        this(
                name -> LogSetup.class.getClassLoader().getResource(name) != null,
                Optional.ofNullable(System.getProperty("logback.configurationFile")));
    }

    LogSetup(Predicate<String> onClassPath, Optional<String> configurationFile) {
        this.onClassPath = onClassPath;
        this.configurationFile = configurationFile;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (configurationFile.isPresent() || onClassPath.test("logback-test.xml") || onClassPath.test("logback.xml")) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** One short line per event to standard output. Shoptalk never logs message text, so neither may this format. */
    static void apply(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setEncoder(encoder);
        console.start();
        for (String chatty :
                new String[] {"org.eclipse.jetty", "io.javalin", "com.zaxxer.hikari", "org.flywaydb", "org.quartz"}) {
            context.getLogger(chatty).setLevel(Level.WARN);
        }
        // SDK loggers that write request or response bodies (people's words): pinned, so raising root to DEBUG does not
        // turn them on. Bolt's parser logs a whole unrecognised body at WARN (the adapter refuses those before Bolt);
        // Slack's client, signature check and Socket Mode dump bodies at DEBUG.
        context.getLogger("com.slack.api").setLevel(Level.INFO);
        context.getLogger("com.slack.api.bolt.util.SlackRequestParser").setLevel(Level.ERROR);
        context.getLogger("com.slack.api.bolt.socket_mode.SocketModeApp").setLevel(Level.ERROR);
        context.getLogger("com.microsoft.bot").setLevel(Level.INFO);
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
    }
}

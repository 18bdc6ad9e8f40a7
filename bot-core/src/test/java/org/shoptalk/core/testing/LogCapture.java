package org.shoptalk.core.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Everything every logger writes while open, whoever the writer: an appender on the root logger sees each event
 * that passes its logger's level, SDK loggers included. {@link #atLevel} lowers loggers for the duration so a test
 * can also see what would be written if an operator turned them up; {@link #close} restores the levels.
 */
public final class LogCapture implements AutoCloseable {
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Map<Logger, Level> saved = new HashMap<>();

    private LogCapture() {
        appender.setContext(context);
        appender.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }

    /** Starts capturing with the configured levels. */
    public static LogCapture start() {
        return new LogCapture();
    }

    /** Sets a logger's level ("ROOT" for the root logger) until {@link #close}. */
    public LogCapture atLevel(String logger, Level level) {
        Logger l = context.getLogger(logger);
        saved.putIfAbsent(l, l.getLevel());
        l.setLevel(level);
        return this;
    }

    /** Each captured line as it would be written: logger, level, formatted message and any exception text. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent e : List.copyOf(appender.list)) {
            StringBuilder line = new StringBuilder(e.getLoggerName())
                    .append(' ')
                    .append(e.getLevel())
                    .append(' ')
                    .append(e.getFormattedMessage());
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The captured lines that contain the text. */
    public List<String> linesContaining(String text) {
        return lines().stream().filter(l -> l.contains(text)).toList();
    }

    @Override
    public void close() {
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
        saved.forEach(Logger::setLevel);
    }
}

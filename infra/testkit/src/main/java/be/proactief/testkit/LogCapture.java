package be.proactief.testkit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Every log event written while it is open, on the root logger and the project's own (audit, voucher summaries,
 * metrics; those three at INFO whatever the test logging says): for privacy, "one clear line" and log-format checks.
 */
public final class LogCapture implements AutoCloseable {

    /** Fixes each event's logging context (request id, …) when it is logged, as an appender that writes at once sees it. */
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            super.append(event);
        }
    };
    private final List<Logger> loggers = List.of((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME),
            (Logger) LoggerFactory.getLogger("proactief.audit"), (Logger) LoggerFactory.getLogger("proactief.voucher"),
            (Logger) LoggerFactory.getLogger("proactief.metrics"));
    private final List<Level> levels = new ArrayList<>();

    public LogCapture() {
        appender.start();
        for (Logger l : loggers) {
            levels.add(l.getLevel());
            if (!l.getName().equals(org.slf4j.Logger.ROOT_LOGGER_NAME)) l.setLevel(Level.INFO);
            l.addAppender(appender);
        }
    }

    /** The events, as logback made them (with their logging context). */
    public List<ILoggingEvent> events() {
        return appender.list.stream().distinct().toList();
    }

    /** Logger, level and message of every event (one "line" each; an event logged by two captured loggers once). */
    public List<String> lines() {
        return appender.list.stream().distinct().map(e -> e.getLoggerName() + " " + e.getLevel() + " " + e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage())).toList();
    }

    /** The messages of the events of the loggers whose name ends in {@code loggerSuffix}. */
    public List<String> lines(String loggerSuffix) {
        return appender.list.stream().distinct().filter(e -> e.getLoggerName().endsWith(loggerSuffix)).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).detachAppender(appender);
            if (!loggers.get(i).getName().equals(org.slf4j.Logger.ROOT_LOGGER_NAME)) loggers.get(i).setLevel(levels.get(i));
        }
        appender.stop();
    }
}

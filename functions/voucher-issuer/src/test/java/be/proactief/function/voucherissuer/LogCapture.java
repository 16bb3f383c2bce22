package be.proactief.function.voucherissuer;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Every log line written while it is open (the root logger and the audit logger), for privacy and "one clear line" checks. */
final class LogCapture implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final List<Logger> loggers = List.of((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME),
            (Logger) LoggerFactory.getLogger("proactief.audit"), (Logger) LoggerFactory.getLogger("proactief.voucher"),
            (Logger) LoggerFactory.getLogger("proactief.metrics"));

    LogCapture() {
        appender.start();
        loggers.forEach(l -> l.addAppender(appender));
    }

    List<String> lines() {
        return appender.list.stream().map(e -> e.getLoggerName() + " " + e.getLevel() + " " + e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage())).toList();
    }

    List<String> lines(String loggerSuffix) {
        return appender.list.stream().filter(e -> e.getLoggerName().endsWith(loggerSuffix)).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        loggers.forEach(l -> l.detachAppender(appender));
        appender.stop();
    }
}

package be.proactief.aws.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The functions' logging, set up in code: one JSON object per event and line on stdout for CloudWatch Logs
 * ({@link JsonLineLayout}: level, logger, the invocation's request id and X-Ray trace id, the message); the audit trail ({@code proactief.audit}, JSON lines), run
 * summaries ({@code proactief.voucher}) and {@code be.proactief} at INFO, everything else at
 * WARN. Metrics ({@code proactief.metrics}, Embedded Metric Format) go out as the bare JSON
 * document on its own line, or CloudWatch does not extract them. Never log an INSZ.
 *
 * <p>Set up in code because reading a {@code logback.xml} starts an XML parser: about a tenth
 * of a Lambda cold start (BENCHMARKS.md). Where a {@code logback-test.xml} or
 * {@code logback.xml} is on the class path (tests, the local launcher, the benchmarks), or
 * {@code -Dlogback.configurationFile} is given, that file wins and this does nothing.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LambdaLogConfigurator extends ContextAwareBase implements Configurator {

    /** Embedded Metric Format: nothing but the JSON document. */
    static final String METRICS_PATTERN = "%msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        return configure(context, LambdaLogConfigurator.class.getClassLoader());
    }

    ExecutionStatus configure(LoggerContext context, ClassLoader resources) {
        if (aConfigurationFileIsGiven(resources)) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        JsonLineLayout json = new JsonLineLayout();
        json.setContext(context);
        json.start();
        ch.qos.logback.core.encoder.LayoutWrappingEncoder<ILoggingEvent> lines = new ch.qos.logback.core.encoder.LayoutWrappingEncoder<>();
        lines.setContext(context);
        lines.setLayout(json);
        lines.start();
        ConsoleAppender<ILoggingEvent> stdout = stdout(context, "STDOUT", lines);
        ConsoleAppender<ILoggingEvent> metrics = stdout(context, "EMF", pattern(context, METRICS_PATTERN));
        ch.qos.logback.classic.Logger metricsLogger = context.getLogger("proactief.metrics");
        metricsLogger.setLevel(Level.INFO);
        metricsLogger.setAdditive(false);
        metricsLogger.addAppender(metrics);
        context.getLogger("proactief.audit").setLevel(Level.INFO);
        context.getLogger("proactief.voucher").setLevel(Level.INFO);
        context.getLogger("be.proactief").setLevel(Level.INFO);
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stdout);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static PatternLayoutEncoder pattern(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }

    private static ConsoleAppender<ILoggingEvent> stdout(LoggerContext context, String name, ch.qos.logback.core.encoder.Encoder<ILoggingEvent> encoder) {
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(name);
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }

    private static boolean aConfigurationFileIsGiven(ClassLoader loader) {
        return System.getProperty("logback.configurationFile") != null
                || loader.getResource("logback-test.xml") != null
                || loader.getResource("logback.xml") != null;
    }
}

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
 * The functions' logging, set up in code: one line per event on stdout for CloudWatch Logs
 * ({@code LEVEL Logger message}); the audit trail ({@code proactief.audit}, JSON lines), run
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

    static final String PATTERN = "%level %logger{0} %msg%n";
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
        ConsoleAppender<ILoggingEvent> stdout = stdout(context, "STDOUT", PATTERN);
        ConsoleAppender<ILoggingEvent> metrics = stdout(context, "EMF", METRICS_PATTERN);
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

    private static ConsoleAppender<ILoggingEvent> stdout(LoggerContext context, String name, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
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

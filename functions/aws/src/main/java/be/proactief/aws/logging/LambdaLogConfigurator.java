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
 * ({@code LEVEL Logger message}); the audit trail ({@code proactief.audit}, JSON lines) and
 * {@code be.proactief} at INFO, everything else at WARN. Never log an INSZ.
 *
 * <p>Set up in code because reading a {@code logback.xml} starts an XML parser: about a tenth
 * of a Lambda cold start (BENCHMARKS.md). Where a {@code logback-test.xml} or
 * {@code logback.xml} is on the class path (tests, the local launcher, the benchmarks), or
 * {@code -Dlogback.configurationFile} is given, that file wins and this does nothing.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LambdaLogConfigurator extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%level %logger{0} %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        return configure(context, LambdaLogConfigurator.class.getClassLoader());
    }

    ExecutionStatus configure(LoggerContext context, ClassLoader resources) {
        if (aConfigurationFileIsGiven(resources)) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stdout = new ConsoleAppender<>();
        stdout.setContext(context);
        stdout.setName("STDOUT");
        stdout.setEncoder(encoder);
        stdout.start();
        context.getLogger("proactief.audit").setLevel(Level.INFO);
        context.getLogger("be.proactief").setLevel(Level.INFO);
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stdout);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static boolean aConfigurationFileIsGiven(ClassLoader loader) {
        return System.getProperty("logback.configurationFile") != null
                || loader.getResource("logback-test.xml") != null
                || loader.getResource("logback.xml") != null;
    }
}

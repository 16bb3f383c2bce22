package be.proactief.aws.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class LambdaLogConfiguratorTest {

    /** The class path of a deployed function: no logback.xml, no logback-test.xml. */
    private static final ClassLoader FUNCTION_JAR = new ClassLoader(LambdaLogConfiguratorTest.class.getClassLoader()) {
        @Override
        public URL getResource(String name) {
            return name.startsWith("logback") ? null : super.getResource(name);
        }
    };

    @Test
    void aFunctionWithoutLogbackFileLogsOneJsonLinePerEventWithItsRequestIdWithAuditAndOwnCodeAtInfoAndTheRestAtWarn() {
        LoggerContext context = new LoggerContext();
        LambdaLogConfigurator configurator = new LambdaLogConfigurator();
        configurator.setContext(context);

        assertThat(configurator.configure(context, FUNCTION_JAR)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        assertThat(context.getLogger("proactief.audit").getEffectiveLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("be.proactief.magda.MagdaClient").getEffectiveLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("software.amazon.awssdk.core").getEffectiveLevel()).isEqualTo(Level.WARN);
        ConsoleAppender<?> stdout = (ConsoleAppender<?>) context.getLogger("ROOT").getAppender("STDOUT");
        assertThat(stdout.getTarget()).isEqualTo("System.out");
        @SuppressWarnings("unchecked")
        ch.qos.logback.core.encoder.Encoder<ch.qos.logback.classic.spi.ILoggingEvent> encoder =
                (ch.qos.logback.core.encoder.Encoder<ch.qos.logback.classic.spi.ILoggingEvent>) stdout.getEncoder();
        LoggingEvent event = new LoggingEvent("x", context.getLogger("proactief.audit"), Level.INFO, "{\"audit\":\"CHECK\"}", null, null);
        event.setMDCPropertyMap(java.util.Map.of("AWSRequestId", "req-7"));
        assertThat(new String(encoder.encode(event), StandardCharsets.UTF_8))
                .isEqualTo("{\"level\":\"INFO\",\"logger\":\"proactief.audit\",\"requestId\":\"req-7\",\"audit\":\"CHECK\"}" + System.lineSeparator());
        LoggingEvent failed = new LoggingEvent("x", context.getLogger("be.proactief.x"), Level.ERROR, "failed",
                new IllegalStateException("outer", new IllegalArgumentException("INSZ 85073003328 refused")), null);
        failed.setMDCPropertyMap(java.util.Map.of());
        assertThat(new String(encoder.encode(failed), StandardCharsets.UTF_8)).as("the causes, the number masked")
                .contains("\"exception\":\"java.lang.IllegalStateException: outer at ", " <- java.lang.IllegalArgumentException: INSZ ")
                .doesNotContain("85073003328");
        LoggingEvent plain = new LoggingEvent("x", context.getLogger("be.proactief.x"), Level.WARN, "a \"quoted\" line", null, null);
        plain.setMDCPropertyMap(java.util.Map.of());
        assertThat(new String(encoder.encode(plain), StandardCharsets.UTF_8))
                .isEqualTo("{\"level\":\"WARN\",\"logger\":\"be.proactief.x\",\"message\":\"a \\\"quoted\\\" line\"}" + System.lineSeparator());
    }

    @Test
    void metricsGoOutAsTheBareEmbeddedMetricFormatDocumentAndRunSummariesAtInfo() {
        LoggerContext context = new LoggerContext();
        LambdaLogConfigurator configurator = new LambdaLogConfigurator();
        configurator.setContext(context);
        configurator.configure(context, FUNCTION_JAR);

        ch.qos.logback.classic.Logger metrics = context.getLogger("proactief.metrics");
        assertThat(metrics.getEffectiveLevel()).isEqualTo(Level.INFO);
        assertThat(metrics.isAdditive()).as("not also through the root's LEVEL-prefixed appender").isFalse();
        ConsoleAppender<?> emf = (ConsoleAppender<?>) metrics.getAppender("EMF");
        PatternLayoutEncoder encoder = (PatternLayoutEncoder) emf.getEncoder();
        String document = "{\"_aws\":{\"CloudWatchMetrics\":[]},\"issued\":3}";
        LoggingEvent event = new LoggingEvent("x", metrics, Level.INFO, document, null, null);
        assertThat(new String(encoder.encode(event), StandardCharsets.UTF_8)).isEqualTo(document + System.lineSeparator());
        assertThat(context.getLogger("proactief.voucher").getEffectiveLevel()).isEqualTo(Level.INFO);
    }

    @Test
    void aLogbackFileOnTheClassPathWins() {
        LoggerContext context = new LoggerContext();
        LambdaLogConfigurator configurator = new LambdaLogConfigurator();
        configurator.setContext(context);

        // this module's tests carry a logback-test.xml
        assertThat(configurator.configure(context, getClass().getClassLoader())).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger("ROOT").getAppender("STDOUT")).isNull();
    }
}

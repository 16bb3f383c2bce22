package be.proactief.function.checkapi;

import be.proactief.aws.logging.JsonLineLayout;
import be.proactief.testkit.EmbeddedMetricFormat;
import be.proactief.testkit.LogCapture;
import be.proactief.testkit.lambda.LocalLambdaContext;
import be.proactief.testkit.magda.Persona;
import be.proactief.testkit.magda.Personas;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What check-api writes to CloudWatch Logs for one check: JSON lines that carry the invocation's request id and
 * X-Ray trace id (the audit line among them, with the resident's pseudonym, never her number), and metric lines
 * that are Embedded Metric Format.
 */
class LogLinesTest {

    static final String TRACE = "Root=1-67484c2e-3f1b7c2a5e9d4b6a1c8e0f27;Parent=53995c3f42cd8ad8;Sampled=1";

    @Test
    void a_check_logs_json_lines_with_its_request_and_trace_id_and_metrics_as_emf() throws Exception {
        Persona resident = Personas.leefloon();
        List<ILoggingEvent> events;
        try (CheckApiStack stack = new CheckApiStack(); ApplicationContext context = stack.context()) {
            stack.magda.register(resident);
            CheckApiHandler handler = new CheckApiHandler(context);
            Events samples = new Events(context);
            System.setProperty("com.amazonaws.xray.traceHeader", TRACE);
            try (LogCapture logs = new LogCapture()) {
                assertThat(handler.handleRequest(samples.load("check.json", Map.of("INSZ", resident.insz().digits())),
                        new LocalLambdaContext("req-check-1")).getStatusCode()).isEqualTo(200);
                events = logs.events();
            } finally {
                System.clearProperty("com.amazonaws.xray.traceHeader");
            }
        }
        JsonLineLayout layout = new JsonLineLayout();
        List<String> lines = events.stream().filter(e -> !e.getLoggerName().equals("proactief.metrics")).map(layout::doLayout).toList();
        assertThat(lines).filteredOn(l -> l.contains("\"audit\":\"CHECK\"")).singleElement().satisfies(l -> {
            assertThat(l).startsWith("{\"level\":\"INFO\",\"logger\":\"proactief.audit\",\"requestId\":\"req-check-1\",\"traceId\":\"1-67484c2e-3f1b7c2a5e9d4b6a1c8e0f27\"")
                    .contains("\"subject\":\"s_", "\"caller\":\"uitpas-desk\"", "\"application\":\"uitpas-desk\"").endsWith("}" + System.lineSeparator());
            assertThat((Object) new org.yaml.snakeyaml.Yaml().load(l)).as("one JSON object").isInstanceOf(Map.class);
        });
        assertThat(String.join("", lines)).doesNotContain(resident.insz().digits());
        List<Map<String, Object>> metrics = events.stream().filter(e -> e.getLoggerName().equals("proactief.metrics"))
                .map(e -> EmbeddedMetricFormat.parse(e.getFormattedMessage())).toList();
        assertThat(metrics).anySatisfy(m -> assertThat(m).containsEntry("Checks", 1).containsEntry("Scheme", "uitpas-kansentarief")
                .containsEntry("Outcome", "ENTITLED"));
        assertThat(metrics).anySatisfy(m -> assertThat(m).containsEntry("PlatformQuestions", 1).containsEntry("PlatformAnswers", 1)
                .containsKey("PlatformLatency"));
    }
}

package be.proactief.function.invoicediscounter;

import be.proactief.aws.logging.JsonLineLayout;
import be.proactief.core.insz.Insz;
import be.proactief.testkit.EmbeddedMetricFormat;
import be.proactief.testkit.LogCapture;
import be.proactief.testkit.lambda.LocalLambdaContext;
import be.proactief.testkit.magda.Persona;
import be.proactief.testkit.magda.StatusPeriod;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static be.proactief.testkit.magda.StatusNames.LIVING_WAGES_PCSA_HELP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What invoice-discounter writes to CloudWatch Logs for a batch: JSON lines with the invocation's request id and
 * X-Ray trace id, never a child's number, and metric lines that are Embedded Metric Format (invoices discounted,
 * the discount granted, checks by outcome, platform questions).
 */
class LogLinesTest {

    static final String TRACE = "Root=1-67484c2e-0d1b7c2a5e9d4b6a1c8e0f28;Parent=53995c3f42cd8ad9;Sampled=1";

    @Test
    void a_batch_logs_json_lines_with_its_request_and_trace_id_and_metrics_as_emf() {
        Insz leefloon = InvoiceStack.newChild();
        Insz increased = InvoiceStack.newChild();
        Insz noStatus = InvoiceStack.newChild();
        List<ILoggingEvent> events;
        try (InvoiceStack stack = new InvoiceStack(); ApplicationContext context = stack.context()) {
            StatusPeriod years = StatusPeriod.years(2020, 2030);
            stack.magda.register(Persona.of(leefloon).with(years, LIVING_WAGES_PCSA_HELP)).register(Persona.of(increased)).register(Persona.of(noStatus));
            SQSEvent event = InvoiceStack.load(context, "invoices-batch.json", Map.of("PERIOD", InvoiceStack.thisMonth().toString(),
                    "LEEFLOON_INSZ", leefloon.digits(), "INCREASED_ALLOWANCE_INSZ", increased.digits(), "NO_STATUS_INSZ", noStatus.digits(),
                    "BAD_INSZ", noStatus.digits()));
            InvoiceDiscounterHandler handler = new InvoiceDiscounterHandler(context);
            System.setProperty("com.amazonaws.xray.traceHeader", TRACE);
            try (LogCapture logs = new LogCapture()) {
                handler.handleRequest(event, new LocalLambdaContext("req-batch-1", "invoice-discounter"));
                events = logs.events();
            } finally {
                System.clearProperty("com.amazonaws.xray.traceHeader");
            }
        }
        JsonLineLayout layout = new JsonLineLayout();
        List<String> lines = events.stream().filter(e -> !e.getLoggerName().equals("proactief.metrics")).map(layout::doLayout).toList();
        assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l)
                .contains("\"requestId\":\"req-batch-1\"", "\"traceId\":\"1-67484c2e-0d1b7c2a5e9d4b6a1c8e0f28\""));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"audit\":\"CHECK\""));
        assertThat(String.join("", lines)).doesNotContain(leefloon.digits(), increased.digits(), noStatus.digits());
        List<Map<String, Object>> metrics = events.stream().filter(e -> e.getLoggerName().equals("proactief.metrics"))
                .map(e -> EmbeddedMetricFormat.parse(e.getFormattedMessage())).toList();
        assertThat(metrics).anySatisfy(m -> assertThat(m).containsEntry("Scheme", "school-discount").containsEntry("InvoicesDiscounted", 1)
                .containsEntry("InvoicesWithDiscount", 1).containsKey("DiscountCents"));
        assertThat(metrics).anySatisfy(m -> assertThat(m).containsEntry("Checks", 1).containsEntry("Outcome", "NOT_ENTITLED"));
        assertThat(metrics).anySatisfy(m -> assertThat(m).containsEntry("PlatformQuestions", 1));
    }
}

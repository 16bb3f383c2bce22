package be.proactief.function.voucherissuer;

import be.proactief.aws.logging.JsonLineLayout;
import be.proactief.testkit.EmbeddedMetricFormat;
import be.proactief.testkit.LogCapture;
import be.proactief.testkit.city.SyntheticCity;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the two voucher functions write to CloudWatch Logs: JSON lines with the invocation's request id (the run's
 * {@code run-…}, each work batch's {@code work-…}) and X-Ray trace id, never a resident's number, and metric lines
 * that are Embedded Metric Format (households read and enqueued; vouchers, credits, checks by outcome).
 */
class LogLinesTest {

    static final String TRACE = "Root=1-67484c2e-1d1b7c2a5e9d4b6a1c8e0f29;Parent=53995c3f42cd8ada;Sampled=1";

    @Test
    void the_run_and_its_work_batches_log_json_lines_with_their_request_and_trace_ids_and_metrics_as_emf() {
        SyntheticCity city = SyntheticCity.generate(12, 5);
        List<ILoggingEvent> run;
        List<ILoggingEvent> work;
        try (VoucherEnv env = new VoucherEnv()) {
            city.registerWith(env.magda);
            env.writeRoster(city.toJsonLines());
            System.setProperty("com.amazonaws.xray.traceHeader", TRACE);
            try {
                try (LogCapture logs = new LogCapture()) {
                    env.run("2026", "log-lines");
                    run = logs.events();
                }
                try (LogCapture logs = new LogCapture()) {
                    env.drainWork();
                    work = logs.events();
                }
            } finally {
                System.clearProperty("com.amazonaws.xray.traceHeader");
            }
        }
        JsonLineLayout layout = new JsonLineLayout();
        List<String> runLines = run.stream().filter(e -> !e.getLoggerName().equals("proactief.metrics")).map(layout::doLayout).toList();
        assertThat(runLines).anySatisfy(l -> assertThat(l).contains("\"event\":\"VOUCHER_RUN\"", "\"requestId\":\"run-",
                "\"traceId\":\"1-67484c2e-1d1b7c2a5e9d4b6a1c8e0f29\""));
        List<String> workLines = work.stream().filter(e -> !e.getLoggerName().equals("proactief.metrics")).map(layout::doLayout).toList();
        assertThat(workLines).anySatisfy(l -> assertThat(l).contains("\"event\":\"VOUCHER_BATCH\"", "\"requestId\":\"work-"));
        assertThat(workLines).anySatisfy(l -> assertThat(l).contains("\"audit\":\"HOUSEHOLD_CHECK\"", "\"requestId\":\"work-", "\"subject\":\"h_"));
        String all = String.join("", runLines) + String.join("", workLines);
        city.households().forEach(h -> h.members().forEach(m -> assertThat(all).doesNotContain(m.insz().digits())));

        assertThat(run.stream().filter(e -> e.getLoggerName().equals("proactief.metrics")).map(e -> EmbeddedMetricFormat.parse(e.getFormattedMessage())))
                .anySatisfy(m -> assertThat(m).containsEntry("Scheme", "waste-bags").containsEntry("HouseholdsEnqueued", 12));
        List<Map<String, Object>> workMetrics = work.stream().filter(e -> e.getLoggerName().equals("proactief.metrics"))
                .map(e -> EmbeddedMetricFormat.parse(e.getFormattedMessage())).toList();
        assertThat(workMetrics).anySatisfy(m -> assertThat(m).containsEntry("Scheme", "waste-bags").containsKeys("Vouchers", "Credits"));
        assertThat(workMetrics).anySatisfy(m -> assertThat(m).containsEntry("Checks", 1).containsKey("Outcome"));
    }
}

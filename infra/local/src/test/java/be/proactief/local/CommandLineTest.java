package be.proactief.local;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Unknown flags and bad values give one clear line and exit 2; --help works on each command. */
class CommandLineTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void an_unknown_flag_is_one_line_and_exit_2() {
        assertThat(run("demo", "--housholds", "10")).isEqualTo(2);
        assertThat(err()).isEqualTo("proactief: demo: unknown flag --housholds (see ./proactief demo --help)" + System.lineSeparator());
    }

    @Test
    void a_bad_value_is_exit_2() {
        assertThat(run("demo", "--households", "many")).isEqualTo(2);
        assertThat(err()).contains("--households must be a whole number");
        assertThat(run("serve", "--backend", "cloud")).isEqualTo(2);
        assertThat(run("trigger", "voucher-run", "--period", "27")).isEqualTo(2);
    }

    @Test
    void an_unknown_command_is_exit_2() {
        assertThat(run("deploy")).isEqualTo(2);
        assertThat(err()).contains("unknown command 'deploy'");
    }

    @Test
    void every_command_has_help() {
        for (String command : List.of("demo", "serve", "invoke", "trigger")) {
            assertThat(run(command, "--help")).isZero();
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: ./proactief demo", "Usage: ./proactief serve",
                "Usage: ./proactief invoke", "Usage: ./proactief trigger");
    }

    @Test
    void invoke_runs_a_function_on_an_event_file_and_prints_its_response() throws Exception {
        java.nio.file.Path event = java.nio.file.Path.of(getClass().getResource("/list-schemes-event.json").toURI());
        assertThat(run("invoke", "check-api", "--event", event.toString())).as(err()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"statusCode\":200", "school-discount");
    }

    @Test
    void invoke_reads_an_sqs_event_as_the_lambda_runtime_does_and_the_function_handles_its_records() throws Exception {
        java.nio.file.Path event = java.nio.file.Files.createTempFile("sqs-event", ".json");
        String text = new String(getClass().getResourceAsStream("/sqs-event.json").readAllBytes(), StandardCharsets.UTF_8)
                .replace("${MESSAGE_ID}", "m-1").replace("${QUEUE}", "invoices").replace("${BODY}", "{\\\"invoiceId\\\":\\\"INV-1\\\"}");
        java.nio.file.Files.writeString(event, text);

        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(be.proactief.aws.sqs.DeadLetterQueue.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log = new ch.qos.logback.core.read.ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            assertThat(run("invoke", "invoice-discounter", "--event", event.toString())).as(err()).isZero();
        } finally {
            logger.detachAppender(log);
        }

        // before: read as a map, the event had no records, and nothing was handled at all
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"batchItemFailures\":[]");
        assertThat(log.list).as("the invalid invoice went to its DLQ").singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).contains("INVOICE_REJECTED", "m-1", "INV-1"));
    }

    @Test
    void invoke_of_an_unknown_function_names_the_known_ones() throws Exception {
        java.nio.file.Path event = java.nio.file.Path.of(getClass().getResource("/list-schemes-event.json").toURI());
        assertThat(run("invoke", "nope", "--event", event.toString())).isEqualTo(2);
        assertThat(err()).contains("CheckApiFunction");
    }

    @Test
    void trigger_for_a_period_in_the_future_is_a_usage_error_saying_why() {
        String next = Integer.toString(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Brussels")).getYear() + 1);

        assertThat(run("trigger", "voucher-run", "--period", next)).isEqualTo(2);
        assertThat(err()).contains("trigger: period " + next + " lies in the future");
    }

    @Test
    void trigger_fires_the_voucher_run_as_the_scheduler_would_and_processes_the_fan_out() {
        assertThat(run("trigger", "voucher-run", "--period", "2026")).as(err()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"period\":\"2026\"", "\"householdsEnqueued\":" + Main.SERVE_CITY_HOUSEHOLDS,
                "processed: ");
    }

    @Test
    void the_demo_ends_by_saying_how_to_open_the_console() {
        assertThat(run("demo", "--households", "8")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).strip().lines().reduce((a, b) -> b).orElse(""))
                .startsWith("The desk and caseworker console: run ./proactief serve and open the CONSOLE= address it prints");
    }
}

package be.proactief.local;

import be.proactief.testkit.aws.AwsBackend;
import be.proactief.testkit.magda.Personas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./proactief invoke} and {@code trigger} with a {@code serve} running in another process, as README promises:
 * they attach to its emulators and platform instead of starting their own. Both failed with
 * {@code UnknownOperationException (Service: DynamoDb)}: attached, they set up TTL on the serve's dynalite.
 */
class AttachedToServeTest {

    static ServeProcess serve;
    static Path stateDir;
    static String previousStateDir;

    @BeforeAll
    static void startServeInAnotherProcess() throws Exception {
        stateDir = Files.createTempDirectory("proactief-state-");
        serve = new ServeProcess(stateDir, Map.of());
        previousStateDir = System.setProperty("proactief.state.dir", stateDir.toString());
    }

    @AfterAll
    static void stop() throws Exception {
        if (previousStateDir == null) System.clearProperty("proactief.state.dir");
        else System.setProperty("proactief.state.dir", previousStateDir);
        serve.close();
    }

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void invoke_attaches_to_the_running_serve() throws Exception {
        Path event = Path.of(getClass().getResource("/check-event.json").toURI());
        Path withBody = Files.writeString(Files.createTempFile("check", ".json"), Files.readString(event)
                .replace("${BODY}", "{\\\"insz\\\":\\\"" + Personas.leefloon().insz().digits() + "\\\",\\\"scheme\\\":\\\"uitpas-kansentarief\\\"}"));

        assertThat(run("invoke", "check-api", "--event", withBody.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"statusCode\":200", "ENTITLED");
        // the decision is in the serve's table: the attached invoke used the serve's DynamoDB, keys and platform
        try (AwsBackend served = serve.backends()) {
            assertThat(served.dynamoDb().scan(b -> b.tableName("Decisions")).items()).isNotEmpty();
        }
    }

    /** Each sample event of the repository, as it is, through {@code invoke}: the launcher fills its placeholders. */
    @Test
    void every_sample_event_works_with_invoke_as_it_is() throws Exception {
        Map<String, String> functionOf = Map.of("check-api", "check-api", "invoice-discounter", "invoice-discounter");
        java.util.List<Path> events = new java.util.ArrayList<>();
        for (String module : java.util.List.of("check-api", "invoice-discounter", "voucher-issuer")) {
            try (var files = Files.list(be.proactief.testkit.ProjectPaths.root().resolve("functions/" + module + "/src/test/resources/events"))) {
                files.filter(f -> f.toString().endsWith(".json")).sorted().forEach(events::add);
            }
        }
        assertThat(events).hasSizeGreaterThanOrEqualTo(13);
        for (Path event : events) {
            String module = event.getParent().getParent().getParent().getParent().getParent().getFileName().toString();
            String function = functionOf.getOrDefault(module, event.getFileName().toString().startsWith("sqs-") ? "VoucherWorkFunction" : "VoucherRunFunction");
            out.reset();
            err.reset();
            assertThat(run("invoke", function, "--event", event.toString())).as(event + ": " + err.toString(StandardCharsets.UTF_8)).isZero();
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(printed).as(event.toString()).isNotBlank().doesNotContain("${").doesNotContain("\"statusCode\":5");
            if (module.equals("check-api")) assertThat(printed).as(event.toString()).containsPattern("\"statusCode\":(200|201|204|404)");
        }
    }

    @Test
    void trigger_attaches_to_the_running_serve_which_processes_the_fan_out() throws Exception {
        Path roster = Files.writeString(Files.createTempFile("roster", ".jsonl"), "{\"householdId\":\"HH-ATTACHED-1\",\"members\":[{\"insz\":\""
                + Personas.increasedAllowance().insz().digits() + "\"}],\"size\":1,\"zone\":\"BAGS\",\"wastePassId\":\"AFP-ATT-1\"}\n");

        assertThat(run("trigger", "voucher-run", "--period", "2026", "--roster", roster.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"householdsEnqueued\":1", "the running serve processes the voucher-work queue");
        try (AwsBackend served = serve.backends()) {
            String vouchers = served.sqs().getQueueUrl(b -> b.queueName("vouchers")).queueUrl();
            List<Message> got = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (got.isEmpty() && System.nanoTime() < deadline) {
                got.addAll(served.sqs().receiveMessage(b -> b.queueUrl(vouchers).waitTimeSeconds(1).maxNumberOfMessages(10)).messages());
            }
            assertThat(got).as(String.join("\n", serve.output)).anySatisfy(m -> assertThat(m.body()).contains("HH-ATTACHED-1"));
        }
    }

    @Test
    void redrive_moves_a_dlq_back_to_its_queue_on_the_running_serve_which_processes_it() throws Exception {
        String month = java.time.YearMonth.now(java.time.ZoneId.of("Europe/Brussels")).toString();
        String invoice = "{\"invoiceId\":\"INV-REDRIVE-1\",\"issuer\":\"basisschool-de-knipoog\",\"period\":\"" + month + "\",\"child\":{\"insz\":\""
                + Personas.leefloon().insz().digits() + "\"},\"currency\":\"EUR\",\"lines\":[{\"lineId\":\"1\",\"category\":\"MAALTIJD\","
                + "\"description\":\"warme maaltijden\",\"quantity\":10,\"unitPriceCents\":325,\"amountCents\":3250}]}";
        try (AwsBackend served = serve.backends()) {
            String dlq = served.sqs().getQueueUrl(b -> b.queueName("invoices-dlq")).queueUrl();
            served.sqs().sendMessage(b -> b.queueUrl(dlq).messageBody(invoice).messageAttributes(java.util.Map.of("errorReason",
                    software.amazon.awssdk.services.sqs.model.MessageAttributeValue.builder().dataType("String").stringValue("UNKNOWN 20 times").build())));

            assertThat(run("redrive", "invoices-dlq")).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("REDRIVEN=1");

            String statements = served.sqs().getQueueUrl(b -> b.queueName("discounted-invoices")).queueUrl();
            List<String> got = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (got.stream().noneMatch(m -> m.contains("INV-REDRIVE-1")) && System.nanoTime() < deadline) {
                served.sqs().receiveMessage(b -> b.queueUrl(statements).maxNumberOfMessages(10).waitTimeSeconds(1)).messages().forEach(m -> got.add(m.body()));
            }
            assertThat(got).anySatisfy(m -> assertThat(m).contains("INV-REDRIVE-1", "\"outcome\":\"ENTITLED\""));
            assertThat(served.sqs().receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(0)).messages()).isEmpty();
        }
        assertThat(run("redrive", "no-such-dlq")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not a DLQ of template.yaml", "invoices-dlq", "voucher-work-dlq");
    }
}

package be.proactief.bench;

import be.proactief.function.invoicediscounter.InvoiceDiscounterHandler;
import be.proactief.testkit.FunctionSettings;
import be.proactief.testkit.ProjectPaths;
import be.proactief.testkit.aws.AwsBackend;
import be.proactief.testkit.city.SyntheticCity;
import be.proactief.testkit.lambda.LocalLambdaContext;
import be.proactief.testkit.lambda.SqsEvents;
import be.proactief.testkit.magda.MagdaSimulator;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * invoice-discounter throughput: the real handler on batches of 10 received from ElasticMQ (as Lambda's event source
 * mapping delivers them), dynalite for decisions, the MAGDA simulator for the platform with the given latency. One
 * instance, one batch at a time, as on Lambda; <b>the same invoices twice in one run</b>, each time on fresh backends:
 * the records of a batch one after another ({@code PROACTIEF_BATCH_CONCURRENCY=1}) and ten at once (the default).
 * The invoices of a month arrive school by school, so one child's invoices are spread over the month's queue
 * (shuffled, fixed seed).
 *
 * <p>Arguments: {@code [households (1000)] [--platform-latency 200ms (0)] [--invoices-per-child 3]}.
 */
public final class InvoiceBenchmark {

    public static void main(String[] args) throws Exception {
        BenchArgs a = BenchArgs.parse(args, 1000);
        int invoicesPerChild = a.intOption("--invoices-per-child", 3);
        SyntheticCity city = SyntheticCity.generate(a.households(), 11);
        YearMonth month = YearMonth.of(2026, 11);
        List<String> bodies = new ArrayList<>();
        int n = 0;
        for (SyntheticCity.Resident child : city.children()) {
            for (int i = 0; i < invoicesPerChild; i++) {
                n++;
                bodies.add("{\"invoiceId\":\"INV-" + month + "-" + n + "\",\"issuer\":\"school-" + i + "\",\"period\":\"" + month
                        + "\",\"child\":{\"insz\":\"" + child.insz().digits() + "\"},\"currency\":\"EUR\",\"lines\":["
                        + "{\"lineId\":\"1\",\"category\":\"MAALTIJD\",\"description\":\"Maaltijd\",\"quantity\":12,\"unitPriceCents\":375,\"amountCents\":4500},"
                        + "{\"lineId\":\"2\",\"category\":\"OPVANG\",\"description\":\"Opvang\",\"quantity\":9,\"unitPriceCents\":95,\"amountCents\":855}]}");
            }
        }
        Collections.shuffle(bodies, new Random(42));
        List<Phase> phases = new ArrayList<>();
        for (int concurrency : new int[] {1, 10}) phases.add(run(city, bodies, a.platformLatency(), concurrency));
        Phase seq = phases.get(0);
        Phase par = phases.get(1);
        int children = city.children().size();
        String md = String.format(Locale.ROOT, """
                        | measure | one after another | ten at once | ratio |
                        |---|---|---|---|
                        | invoices (%d children × %d), platform latency %d ms | %d | %d | |
                        | processed / failed | %d / %d | %d / %d | |
                        | **throughput, one instance** (handler time incl. emulator I/O) | %.1f invoices/s | %.1f invoices/s | **%.2f×** |
                        | end-to-end incl. receive and delete | %.1f invoices/s | %.1f invoices/s | %.2f× |
                        | batch of 10: p50 / p99 | %.0f ms / %.0f ms | %.0f ms / %.0f ms | |
                        | platform calls per child-month | %.3f (%d calls) | %.3f (%d calls) | |
                        | peak heap (all pools, this JVM incl. ElasticMQ) | %d MiB | %d MiB | |
                        | peak live threads | %d | %d | |
                        """, children, invoicesPerChild, a.platformLatency().toMillis(), bodies.size(), bodies.size(),
                seq.processed, seq.failed, par.processed, par.failed,
                seq.handlerRate(), par.handlerRate(), par.handlerRate() / seq.handlerRate(),
                seq.endToEndRate(), par.endToEndRate(), par.endToEndRate() / seq.endToEndRate(),
                seq.p50(), seq.p99(), par.p50(), par.p99(),
                seq.calls / (double) children, seq.calls, par.calls / (double) children, par.calls,
                seq.memory.peakHeapMiB(), par.memory.peakHeapMiB(), seq.memory.peakThreads(), par.memory.peakThreads());
        System.out.println(md);
        Path out = ProjectPaths.root().resolve("bench/target/invoice-results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
    }

    /** One pass over the month's invoices on fresh backends. */
    private static Phase run(SyntheticCity city, List<String> bodies, Duration latency, int concurrency) throws Exception {
        try (AwsBackend aws = AwsBackend.embedded().provision(); MagdaSimulator magda = new MagdaSimulator().start()) {
            city.registerWith(magda);
            magda.faults().latency(latency);
            Map<String, Object> p = FunctionSettings.forEmulators(aws, magda.endpoint(), "bench-development-subject-key-0123456789abcdef");
            p.put("proactief.discounted.invoices.queue.url", aws.resources().queueUrl("DiscountedInvoicesQueue"));
            p.put("proactief.invoices.dlq.url", aws.resources().queueUrl("InvoicesDeadLetterQueue"));
            p.put("proactief.batch.concurrency", Integer.toString(concurrency));
            String invoices = aws.resources().queueUrl("InvoicesQueue");
            for (int i = 0; i < bodies.size(); i += 10) {
                List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                for (int j = i; j < Math.min(i + 10, bodies.size()); j++) {
                    entries.add(SendMessageBatchRequestEntry.builder().id("m" + j).messageBody(bodies.get(j)).build());
                }
                aws.sqs().sendMessageBatch(b -> b.queueUrl(invoices).entries(entries));
            }
            try (ApplicationContext ctx = ApplicationContext.builder().properties(p).start()) {
                InvoiceDiscounterHandler handler = new InvoiceDiscounterHandler(ctx);
                Phase phase = new Phase();
                phase.memory = MemoryWatch.start();
                long start = System.nanoTime();
                while (phase.processed + phase.failed < bodies.size()) {
                    List<Message> batch = aws.sqs().receiveMessage(b -> b.queueUrl(invoices).maxNumberOfMessages(10).waitTimeSeconds(1)
                            .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
                    if (batch.isEmpty()) break;
                    SQSEvent event = SqsEvents.of(batch, aws.resources().queueArns().get("InvoicesQueue"));
                    long t0 = System.nanoTime();
                    SQSBatchResponse response = handler.handleRequest(event, new LocalLambdaContext("b" + phase.batchNanos.size(), "invoice-discounter"));
                    phase.batchNanos.add(System.nanoTime() - t0);
                    phase.failed += response.getBatchItemFailures().size();
                    phase.processed += batch.size() - response.getBatchItemFailures().size();
                    aws.sqs().deleteMessageBatch(b -> b.queueUrl(invoices).entries(batch.stream().map(m ->
                            DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle()).build()).toList()));
                }
                phase.seconds = (System.nanoTime() - start) / 1e9;
                phase.memory.stop();
                phase.calls = magda.callCount();
                return phase;
            }
        }
    }

    /** What one pass measured. */
    static final class Phase {
        final List<Long> batchNanos = new ArrayList<>();
        long processed;
        long failed;
        double seconds;
        long calls;
        MemoryWatch memory;

        double handlerRate() {
            long sum = 0;
            for (long v : batchNanos) sum += v;
            return processed / (sum / 1e9);
        }

        double endToEndRate() {
            return processed / seconds;
        }

        double p50() {
            return CheckApiBenchmark.pct(batchNanos.stream().mapToLong(Long::longValue).toArray(), 50) / 1e6;
        }

        double p99() {
            return CheckApiBenchmark.pct(batchNanos.stream().mapToLong(Long::longValue).toArray(), 99) / 1e6;
        }
    }
}

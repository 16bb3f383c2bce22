package be.proactief.bench;

import be.proactief.function.invoicediscounter.InvoiceDiscounterHandler;
import be.proactief.testkit.ProjectPaths;
import be.proactief.testkit.FunctionSettings;
import be.proactief.testkit.aws.AwsBackend;
import be.proactief.testkit.city.SyntheticCity;
import be.proactief.testkit.lambda.LocalLambdaContext;
import be.proactief.testkit.lambda.SqsEvents;
import be.proactief.testkit.magda.MagdaSimulator;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * invoice-discounter throughput: the real handler on batches of 10 received from ElasticMQ
 * (as Lambda's event source mapping delivers them), dynalite for decisions, the MAGDA simulator
 * for the platform; three invoices per child. One instance, sequential batches; within a batch the records run
 * {@code PROACTIEF_BATCH_CONCURRENCY} at once ({@code -Dproactief.batch.concurrency=1} for one after another).
 * Arguments: households (1000), platform latency in ms added by the simulator (0).
 */
public final class InvoiceBenchmark {

    public static void main(String[] args) throws Exception {
        int households = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long latencyMs = args.length > 1 ? Long.parseLong(args[1]) : 0;
        int invoicesPerChild = 3;
        SyntheticCity city = SyntheticCity.generate(households, 11);
        try (AwsBackend aws = AwsBackend.embedded().provision(); MagdaSimulator magda = new MagdaSimulator().start()) {
            city.registerWith(magda);
            magda.faults().latency(java.time.Duration.ofMillis(latencyMs));
            Map<String, Object> p = FunctionSettings.forEmulators(aws, magda.endpoint(), "bench-development-subject-key-0123456789abcdef");
            p.put("proactief.discounted.invoices.queue.url", aws.resources().queueUrl("DiscountedInvoicesQueue"));
            p.put("proactief.invoices.dlq.url", aws.resources().queueUrl("InvoicesDeadLetterQueue"));
            String invoices = aws.resources().queueUrl("InvoicesQueue");
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
            for (int i = 0; i < bodies.size(); i += 10) {
                List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                for (int j = i; j < Math.min(i + 10, bodies.size()); j++) {
                    entries.add(SendMessageBatchRequestEntry.builder().id("m" + j).messageBody(bodies.get(j)).build());
                }
                aws.sqs().sendMessageBatch(b -> b.queueUrl(invoices).entries(entries));
            }
            try (ApplicationContext ctx = ApplicationContext.builder().properties(p).start()) {
                InvoiceDiscounterHandler handler = new InvoiceDiscounterHandler(ctx);
                List<Long> batchNanos = new ArrayList<>();
                long processed = 0, failed = 0;
                long start = System.nanoTime();
                while (processed + failed < bodies.size()) {
                    List<Message> batch = aws.sqs().receiveMessage(b -> b.queueUrl(invoices).maxNumberOfMessages(10).waitTimeSeconds(1)
                            .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
                    if (batch.isEmpty()) break;
                    SQSEvent event = SqsEvents.of(batch, aws.resources().queueArns().get("InvoicesQueue"));
                    long t0 = System.nanoTime();
                    SQSBatchResponse response = handler.handleRequest(event, new LocalLambdaContext("b" + batchNanos.size(), "invoice-discounter"));
                    batchNanos.add(System.nanoTime() - t0);
                    failed += response.getBatchItemFailures().size();
                    processed += batch.size() - response.getBatchItemFailures().size();
                    aws.sqs().deleteMessageBatch(b -> b.queueUrl(invoices).entries(batch.stream().map(m ->
                            software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle()).build()).toList()));
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long[] nanos = batchNanos.stream().mapToLong(Long::longValue).toArray();
                long peakHeap = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP) peakHeap += pool.getPeakUsage().getUsed();
                }
                String md = String.format(Locale.ROOT, """
                        | measure | value |
                        |---|---|
                        | invoices (children × %d) | %d (%d children) |
                        | processed / failed | %d / %d |
                        | throughput, one instance (handler time incl. emulator I/O, receive/delete excluded) | %.1f invoices/s |
                        | end-to-end incl. receive and delete | %.1f invoices/s |
                        | batch of 10: p50 / p99 | %.1f ms / %.1f ms |
                        | platform calls per invoice | %.3f (%d calls) |
                        | peak heap (all pools, this JVM incl. ElasticMQ) | %d MiB |
                        """, invoicesPerChild, bodies.size(), city.children().size(), processed, failed,
                        processed / (sum(nanos) / 1e9), processed / seconds,
                        CheckApiBenchmark.pct(nanos, 50) / 1e6, CheckApiBenchmark.pct(nanos, 99) / 1e6,
                        magda.callCount() / (double) bodies.size(), magda.callCount(), peakHeap / (1024 * 1024));
                System.out.println(md);
                Path out = ProjectPaths.root().resolve("bench/target/invoice-results.md");
                Files.createDirectories(out.getParent());
                Files.writeString(out, md);
            }
        }
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) s += v;
        return s;
    }
}

package be.proactief.bench;

import be.proactief.function.voucherissuer.RunResult;
import be.proactief.function.voucherissuer.ScheduledVoucherRun;
import be.proactief.function.voucherissuer.VoucherRunHandler;
import be.proactief.function.voucherissuer.VoucherWorkHandler;
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
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * voucher-issuer throughput: the scheduled run handler fans a synthetic city's roster out to
 * voucher-work; the work handler takes batches of 10 as the event source mapping delivers
 * them, on one instance, against dynalite, ElasticMQ and the MAGDA simulator.
 */
public final class VoucherBenchmark {

    public static void main(String[] args) throws Exception {
        int households = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        SyntheticCity city = SyntheticCity.generate(households, 5);
        Path roster = city.writeJsonLines(Files.createTempFile("bench-roster-", ".jsonl"));
        try (AwsBackend aws = AwsBackend.embedded().provision(); MagdaSimulator magda = new MagdaSimulator().start()) {
            city.registerWith(magda);
            Map<String, Object> p = FunctionSettings.forEmulators(aws, magda.endpoint(), "bench-development-subject-key-0123456789abcdef");
            p.put("proactief.voucher.work.queue.url", aws.resources().queueUrl("VoucherWorkQueue"));
            p.put("proactief.vouchers.queue.url", aws.resources().queueUrl("VouchersQueue"));
            p.put("proactief.voucher.work.dlq.url", aws.resources().queueUrl("VoucherWorkDeadLetterQueue"));
            p.put("proactief.roster.file", roster.toString());
            String work = aws.resources().queueUrl("VoucherWorkQueue");
            try (ApplicationContext runCtx = ApplicationContext.builder().properties(p).start();
                 ApplicationContext workCtx = ApplicationContext.builder().properties(p).start()) {
                long t0 = System.nanoTime();
                RunResult run = new VoucherRunHandler(runCtx).handleRequest(new ScheduledVoucherRun("waste-bags", "2027", "bench", null),
                        new LocalLambdaContext("run", "voucher-run"));
                double fanOutSeconds = (System.nanoTime() - t0) / 1e9;
                VoucherWorkHandler handler = new VoucherWorkHandler(workCtx);
                List<Long> batchNanos = new ArrayList<>();
                long done = 0;
                long t1 = System.nanoTime();
                while (true) {
                    List<Message> batch = aws.sqs().receiveMessage(b -> b.queueUrl(work).maxNumberOfMessages(10).waitTimeSeconds(1)
                            .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
                    if (batch.isEmpty()) break;
                    SQSEvent event = SqsEvents.of(batch, aws.resources().queueArns().get("VoucherWorkQueue"));
                    long b0 = System.nanoTime();
                    SQSBatchResponse response = handler.handleRequest(event, new LocalLambdaContext("w" + batchNanos.size(), "voucher-work"));
                    batchNanos.add(System.nanoTime() - b0);
                    done += batch.size() - response.getBatchItemFailures().size();
                    aws.sqs().deleteMessageBatch(b -> b.queueUrl(work).entries(batch.stream()
                            .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle()).build()).toList()));
                }
                double workSeconds = (System.nanoTime() - t1) / 1e9;
                long[] nanos = batchNanos.stream().mapToLong(Long::longValue).toArray();
                long handlerNanos = 0;
                for (long n : nanos) handlerNanos += n;
                String md = String.format(Locale.ROOT, """
                        | measure | value |
                        |---|---|
                        | households (residents) | %d (%d) |
                        | scheduled run: read and enqueued | %d / %d in %.1f s |
                        | households decided | %d |
                        | work throughput, one instance (handler time incl. emulator I/O) | %.1f households/s |
                        | end-to-end incl. receive and delete | %.1f households/s |
                        | batch of 10: p50 / p99 | %.1f ms / %.1f ms |
                        | platform calls per household | %.2f (%d calls) |
                        """, households, city.residents().size(), run.householdsRead(), run.householdsEnqueued(), fanOutSeconds, done,
                        done / (handlerNanos / 1e9), done / workSeconds, CheckApiBenchmark.pct(nanos, 50) / 1e6, CheckApiBenchmark.pct(nanos, 99) / 1e6,
                        magda.callCount() / (double) households, magda.callCount());
                System.out.println(md);
                Path out = ProjectPaths.root().resolve("bench/target/voucher-results.md");
                Files.createDirectories(out.getParent());
                Files.writeString(out, md);
            }
        }
    }
}

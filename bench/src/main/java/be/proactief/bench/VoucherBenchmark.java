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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * voucher-issuer throughput: the scheduled run handler fans a synthetic city's roster out to voucher-work; the work
 * handler takes batches of 10 as the event source mapping delivers them, on one instance, against dynalite, ElasticMQ
 * and the MAGDA simulator with the given latency. <b>Twice in one run</b>, each time on fresh backends: the households of
 * a batch one after another ({@code PROACTIEF_BATCH_CONCURRENCY=1}) and ten at once (the default). A household's members
 * are still asked in order until one is entitled.
 *
 * <p>Arguments: {@code [households (1000)] [--platform-latency 200ms (0)]}.
 */
public final class VoucherBenchmark {

    public static void main(String[] args) throws Exception {
        BenchArgs a = BenchArgs.parse(args, 1000);
        SyntheticCity city = SyntheticCity.generate(a.households(), 5);
        Path roster = city.writeJsonLines(Files.createTempFile("bench-roster-", ".jsonl"));
        Phase seq = run(city, roster, a.platformLatency(), 1);
        Phase par = run(city, roster, a.platformLatency(), 10);
        String md = String.format(Locale.ROOT, """
                | measure | one after another | ten at once | ratio |
                |---|---|---|---|
                | households (residents), platform latency %d ms | %d (%d) | %d (%d) | |
                | scheduled run: read and enqueued | %d / %d in %.1f s | %d / %d in %.1f s | |
                | households decided | %d | %d | |
                | **work throughput, one instance** (handler time incl. emulator I/O) | %.1f households/s | %.1f households/s | **%.2f×** |
                | end-to-end incl. receive and delete | %.1f households/s | %.1f households/s | %.2f× |
                | batch of 10: p50 / p99 | %.0f ms / %.0f ms | %.0f ms / %.0f ms | |
                | platform calls per household | %.2f (%d calls) | %.2f (%d calls) | |
                | peak heap (all pools, this JVM incl. ElasticMQ) | %d MiB | %d MiB | |
                | peak live threads | %d | %d | |
                """, a.platformLatency().toMillis(), a.households(), city.residents().size(), a.households(), city.residents().size(),
                seq.run.householdsRead(), seq.run.householdsEnqueued(), seq.fanOutSeconds, par.run.householdsRead(), par.run.householdsEnqueued(), par.fanOutSeconds,
                seq.done, par.done, seq.handlerRate(), par.handlerRate(), par.handlerRate() / seq.handlerRate(),
                seq.endToEndRate(), par.endToEndRate(), par.endToEndRate() / seq.endToEndRate(),
                seq.pct(50), seq.pct(99), par.pct(50), par.pct(99),
                seq.calls / (double) a.households(), seq.calls, par.calls / (double) a.households(), par.calls,
                seq.memory.peakHeapMiB(), par.memory.peakHeapMiB(), seq.memory.peakThreads(), par.memory.peakThreads());
        System.out.println(md);
        Path out = ProjectPaths.root().resolve("bench/target/voucher-results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
    }

    private static Phase run(SyntheticCity city, Path roster, Duration latency, int concurrency) throws Exception {
        try (AwsBackend aws = AwsBackend.embedded().provision(); MagdaSimulator magda = new MagdaSimulator().start()) {
            city.registerWith(magda);
            magda.faults().latency(latency);
            Map<String, Object> p = FunctionSettings.forEmulators(aws, magda.endpoint(), "bench-development-subject-key-0123456789abcdef");
            p.put("proactief.voucher.work.queue.url", aws.resources().queueUrl("VoucherWorkQueue"));
            p.put("proactief.vouchers.queue.url", aws.resources().queueUrl("VouchersQueue"));
            p.put("proactief.voucher.work.dlq.url", aws.resources().queueUrl("VoucherWorkDeadLetterQueue"));
            p.put("proactief.roster.file", roster.toString());
            p.put("proactief.batch.concurrency", Integer.toString(concurrency));
            String work = aws.resources().queueUrl("VoucherWorkQueue");
            try (ApplicationContext runCtx = ApplicationContext.builder().properties(p).start();
                 ApplicationContext workCtx = ApplicationContext.builder().properties(p).start()) {
                Phase phase = new Phase();
                long t0 = System.nanoTime();
                phase.run = new VoucherRunHandler(runCtx).handleRequest(new ScheduledVoucherRun("waste-bags", "2026", "bench", null),
                        new LocalLambdaContext("run", "voucher-run", Duration.ofSeconds(900)));
                phase.fanOutSeconds = (System.nanoTime() - t0) / 1e9;
                VoucherWorkHandler handler = new VoucherWorkHandler(workCtx);
                phase.memory = MemoryWatch.start();
                long t1 = System.nanoTime();
                while (true) {
                    List<Message> batch = aws.sqs().receiveMessage(b -> b.queueUrl(work).maxNumberOfMessages(10).waitTimeSeconds(1)
                            .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
                    if (batch.isEmpty()) break;
                    SQSEvent event = SqsEvents.of(batch, aws.resources().queueArns().get("VoucherWorkQueue"));
                    long b0 = System.nanoTime();
                    SQSBatchResponse response = handler.handleRequest(event, new LocalLambdaContext("w" + phase.batchNanos.size(), "voucher-work",
                            Duration.ofSeconds(60)));
                    phase.batchNanos.add(System.nanoTime() - b0);
                    phase.done += batch.size() - response.getBatchItemFailures().size();
                    aws.sqs().deleteMessageBatch(b -> b.queueUrl(work).entries(batch.stream()
                            .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle()).build()).toList()));
                }
                phase.workSeconds = (System.nanoTime() - t1) / 1e9;
                phase.memory.stop();
                phase.calls = magda.callCount();
                return phase;
            }
        }
    }

    static final class Phase {
        final List<Long> batchNanos = new ArrayList<>();
        RunResult run;
        double fanOutSeconds;
        double workSeconds;
        long done;
        long calls;
        MemoryWatch memory;

        double handlerRate() {
            long sum = 0;
            for (long v : batchNanos) sum += v;
            return done / (sum / 1e9);
        }

        double endToEndRate() {
            return done / workSeconds;
        }

        double pct(int p) {
            return CheckApiBenchmark.pct(batchNanos.stream().mapToLong(Long::longValue).toArray(), p) / 1e6;
        }
    }
}

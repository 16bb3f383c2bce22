package be.proactief.function.voucherissuer;

import be.proactief.testkit.FunctionSettings;
import be.proactief.testkit.ProjectPaths;
import be.proactief.testkit.aws.AwsBackend;
import be.proactief.testkit.lambda.LocalLambdaContext;
import be.proactief.testkit.magda.MagdaSimulator;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One test's voucher-issuer deployment: its own tables and queues (from template.yaml, with a name
 * prefix), a roster file, the two handlers on one application context, and what the Lambda service
 * does around them: the SQS event source mapping ({@link #pollWorkOnce()}: receive up to 10, invoke
 * with a Lambda SQS event, delete what succeeded, let failures come back) and the scheduler
 * ({@link #trigger}: the schedule's Input as the event).
 */
final class VoucherEnv implements AutoCloseable {

    static final String SUBJECT_KEY = "voucher-issuer-tests-development-subject-key-0123";
    private static final AtomicInteger PREFIXES = new AtomicInteger();

    final Backends backends = Backends.get();
    final MagdaSimulator magda = backends.magda;
    final SqsClient sqs;
    final String prefix = "v" + PREFIXES.incrementAndGet() + "-";
    final AwsBackend.Resources resources;
    final Path roster;
    final ApplicationContext context;
    final JsonMapper json;
    final VoucherRunHandler runHandler;
    final VoucherWorkHandler workHandler;
    private final AtomicInteger invocations = new AtomicInteger();
    /** Lambda's Invoke API: where the run sends itself to go on (the events are only recorded here). */
    final be.proactief.testkit.aws.LambdaInvokeApi lambda = new be.proactief.testkit.aws.LambdaInvokeApi();

    VoucherEnv() {
        this(Map.of());
    }

    VoucherEnv(Map<String, Object> extraProperties) {
        synchronized (Backends.class) {
            resources = backends.aws.provision(ProjectPaths.template(), Map.of("NamePrefix", prefix)).resources();
        }
        sqs = backends.aws.sqs();
        try {
            roster = Files.createTempFile("roster-" + prefix, ".jsonl");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> p = new HashMap<>(properties());
        p.putAll(extraProperties);
        context = ApplicationContext.builder().properties(p).start();
        json = context.getBean(JsonMapper.class);
        runHandler = new VoucherRunHandler(context);
        workHandler = new VoucherWorkHandler(context);
    }

    /** The functions' configuration, as SAM would set it in environment variables. */
    Map<String, Object> properties() {
        Map<String, Object> p = new HashMap<>();
        p.putAll(FunctionSettings.forEmulatorsFailingFast(backends.aws, magda.endpoint(), SUBJECT_KEY));
        p.put("proactief.decisions.table", resources.table("DecisionsTable"));
        p.put("proactief.overrides.table", resources.table("OverridesTable"));
        p.put("proactief.voucher.work.queue.url", resources.queueUrl("VoucherWorkQueue"));
        p.put("proactief.vouchers.queue.url", resources.queueUrl("VouchersQueue"));
        p.put("proactief.voucher.work.dlq.url", resources.queueUrl("VoucherWorkDeadLetterQueue"));
        p.put("proactief.roster.file", roster.toString());
        p.put("proactief.roster.page.size", "25");
        p.put("magda.circuit.open.duration", "50ms");
        p.put("proactief.lambda.endpoint", lambda.endpoint().toString());
        return p;
    }

    void writeRoster(String jsonLines) {
        try {
            Files.writeString(roster, jsonLines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** EventBridge Scheduler invokes the run function with the schedule's Input (a sample event with placeholders filled). */
    RunResult trigger(String eventFile, Map<String, String> values) {
        String text = resource("/events/" + eventFile);
        for (Map.Entry<String, String> e : values.entrySet()) text = text.replace("${" + e.getKey() + "}", e.getValue());
        return invokeRun(text);
    }

    /** Invokes the run function with this event text, as the Lambda runtime would (deserialised with the function's JSON mapper). */
    RunResult invokeRun(String text) {
        return invokeRun(text, java.time.Duration.ofMinutes(15)); // the template's Timeout: 900 s
    }

    /** Invokes the run function with this event text and so much time for the invocation. */
    RunResult invokeRun(String text, java.time.Duration timeout) {
        try {
            ScheduledVoucherRun input = json.readValue(text, ScheduledVoucherRun.class);
            return runHandler.handleRequest(input, new LocalLambdaContext("run-" + invocations.incrementAndGet(), "proactief-voucher-run", timeout));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RunResult run(String period, String runId) {
        return trigger("manual-run.json", Map.of("PERIOD", period, "RUN_ID", runId));
    }

    /**
     * One poll of the SQS event source mapping: up to 10 messages, one invocation; messages the
     * handler reports as failed become visible again at once (instead of after the visibility
     * timeout), so redelivery is quick; the queue's redrive policy still counts receives.
     *
     * @return the number of messages handed to the function (0: nothing to receive)
     */
    int pollWorkOnce() {
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(workQueue()).maxNumberOfMessages(10).waitTimeSeconds(0)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        if (messages.isEmpty()) return 0;
        SQSBatchResponse response = workHandler.handleRequest(sqsEvent(messages),
                new LocalLambdaContext("work-" + invocations.incrementAndGet(), "proactief-voucher-work"));
        Set<String> failed = new HashSet<>();
        response.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
        for (Message m : messages) {
            if (failed.contains(m.messageId())) {
                sqs.changeMessageVisibility(b -> b.queueUrl(workQueue()).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
            } else {
                sqs.deleteMessage(b -> b.queueUrl(workQueue()).receiptHandle(m.receiptHandle()));
            }
        }
        return messages.size();
    }

    /** Polls until the work queue is empty (all handled, dead-lettered or redriven); returns the invocations. */
    int drainWork() {
        int polls = 0;
        long deadline = deadline();
        while (true) {
            giveUpAfter(deadline, workQueue());
            if (pollWorkOnce() > 0) {
                polls++;
                continue;
            }
            if (approximateMessages(workQueue()) == 0) return polls;
        }
    }

    SQSEvent sqsEvent(List<Message> messages) {
        try {
            Map<String, Object> template = json.readValue(resource("/events/sqs-voucher-work.json"), Argument.mapOf(String.class, Object.class));
            @SuppressWarnings("unchecked")
            String recordTemplate = json.writeValueAsString(((List<Map<String, Object>>) template.get("Records")).get(0));
            List<Map<String, Object>> records = new ArrayList<>();
            for (Message m : messages) {
                Map<String, Object> r = json.readValue(recordTemplate, Argument.mapOf(String.class, Object.class));
                r.put("messageId", m.messageId());
                r.put("receiptHandle", m.receiptHandle());
                r.put("body", m.body());
                r.put("md5OfBody", m.md5OfBody());
                r.put("eventSourceARN", resources.queueArns().get("VoucherWorkQueue"));
                @SuppressWarnings("unchecked")
                Map<String, Object> attributes = (Map<String, Object>) r.get("attributes");
                Map<MessageSystemAttributeName, String> a = m.attributes();
                attributes.put("ApproximateReceiveCount", a.getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"));
                attributes.put("SentTimestamp", a.getOrDefault(MessageSystemAttributeName.SENT_TIMESTAMP, "0"));
                attributes.put("ApproximateFirstReceiveTimestamp", a.getOrDefault(MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP, "0"));
                records.add(r);
            }
            return json.readValue(json.writeValueAsString(Map.of("Records", records)), SQSEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes (receives and deletes) every message now on the vouchers queue, parsed. */
    List<Map<String, Object>> takeVouchers() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Message m : takeAll(resources.queueUrl("VouchersQueue"))) {
            try {
                out.add(json.readValue(m.body(), Argument.mapOf(String.class, Object.class)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** Takes every message now on the voucher-work DLQ, with its attributes. */
    List<Message> takeDeadLetters() {
        return takeAll(resources.queueUrl("VoucherWorkDeadLetterQueue"));
    }

    List<Message> takeAll(String queueUrl) {
        List<Message> all = new ArrayList<>();
        long deadline = deadline();
        while (true) {
            giveUpAfter(deadline, queueUrl);
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .messageAttributeNames("All")).messages();
            if (batch.isEmpty()) {
                if (approximateMessages(queueUrl) == 0) return all;
                continue;
            }
            for (Message m : batch) {
                all.add(m);
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
    }

    /** No scenario needs more than seconds; a message stuck in flight (360 s visibility) must fail the test, not hang it. */
    private static long deadline() {
        return System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    }

    private void giveUpAfter(long deadline, String queueUrl) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("gave up after 2 minutes: " + approximateMessages(queueUrl) + " messages left on " + queueUrl);
        }
    }

    String workQueue() {
        return resources.queueUrl("VoucherWorkQueue");
    }

    int approximateMessages(String queueUrl) {
        Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    static String resource(String name) {
        try (InputStream in = VoucherEnv.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalArgumentException("no test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        context.close();
        lambda.close();
        sqs.close();
        try {
            Files.deleteIfExists(roster);
        } catch (IOException ignored) {
            // temp file
        }
    }
}

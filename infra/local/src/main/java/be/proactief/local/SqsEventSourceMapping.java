package be.proactief.local;

import be.proactief.testkit.aws.AwsBackend;
import be.proactief.testkit.lambda.SqsEvents;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lambda's SQS event source mapping, locally: polls the queue with the template's batch size
 * and batching window, invokes the handler with an {@link SQSEvent}, deletes what succeeded,
 * and leaves {@code batchItemFailures} (or the whole batch, if the handler throws) for
 * redelivery after the visibility timeout; the queue's redrive policy moves poison to its DLQ.
 */
final class SqsEventSourceMapping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqsEventSourceMapping.class);

    private final LocalFunctions functions;
    private final FunctionSpec function;
    private final FunctionSpec.SqsSource source;
    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong failedRecords = new AtomicLong();
    private final List<Thread> pollers = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger busyPollers = new java.util.concurrent.atomic.AtomicInteger();

    /** Concurrent pollers (each its own handler instance): the template's MaximumConcurrency, capped for one laptop. */
    static final int LOCAL_CONCURRENCY_CAP = 3;

    SqsEventSourceMapping(LocalFunctions functions, FunctionSpec function, FunctionSpec.SqsSource source, SqsClient sqs,
                          AwsBackend.Resources resources) {
        this.functions = functions;
        this.function = function;
        this.source = source;
        this.sqs = sqs;
        this.queueUrl = resources.queueUrl(source.queueLogicalId());
        this.queueArn = resources.queueArns().get(source.queueLogicalId());
        int concurrency = Math.max(1, Math.min(source.maximumConcurrency(), LOCAL_CONCURRENCY_CAP));
        for (int i = 0; i < concurrency; i++) {
            int instance = i;
            Thread poller = new Thread(() -> poll(instance), "esm-" + function.logicalId() + "-" + source.eventName() + "-" + i);
            poller.setDaemon(true);
            poller.start();
            pollers.add(poller);
        }
    }

    private void poll(int instance) {
        while (running.get()) {
            try {
                List<Message> batch = receiveBatch();
                if (batch.isEmpty()) continue;
                busyPollers.incrementAndGet();
                try {
                    deliver(instance, batch);
                } finally {
                    busyPollers.decrementAndGet();
                }
            } catch (RuntimeException e) {
                if (running.get()) {
                    LOG.warn("{} poller: {}", function.logicalId(), e.toString());
                    sleep(500);
                }
            }
        }
    }

    /** Up to BatchSize messages, waiting at most MaximumBatchingWindowInSeconds (at least one long poll) to fill the batch. */
    private List<Message> receiveBatch() {
        List<Message> batch = new ArrayList<>();
        long deadline = System.nanoTime() + Math.max(1, source.maximumBatchingWindowSeconds()) * 1_000_000_000L;
        while (running.get() && batch.size() < source.batchSize()) {
            int want = Math.min(10, source.batchSize() - batch.size());
            ReceiveMessageResponse r = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(want).waitTimeSeconds(batch.isEmpty() ? 1 : 0)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All"));
            batch.addAll(r.messages());
            if (r.messages().isEmpty() && (!batch.isEmpty() || System.nanoTime() > deadline)) break;
            if (source.maximumBatchingWindowSeconds() == 0 && !batch.isEmpty()) break;
            if (System.nanoTime() > deadline) break;
        }
        return batch;
    }

    private void deliver(int instance, List<Message> batch) {
        SQSEvent event = SqsEvents.of(batch, queueArn);
        Set<String> failed = new HashSet<>();
        invocations.incrementAndGet();
        try {
            Object result = functions.invoke(function, instance, event);
            if (result instanceof SQSBatchResponse response && source.reportBatchItemFailures() && response.getBatchItemFailures() != null) {
                response.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
            }
        } catch (RuntimeException e) {
            LOG.warn("{} failed on a batch of {}: {}", function.logicalId(), batch.size(), be.proactief.core.insz.Insz.redact(String.valueOf(e.getMessage())));
            batch.forEach(m -> failed.add(m.messageId()));
        }
        failedRecords.addAndGet(failed.size());
        List<DeleteMessageBatchRequestEntry> done = batch.stream().filter(m -> !failed.contains(m.messageId()))
                .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle()).build()).toList();
        if (!done.isEmpty()) sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(done));
    }

    String queueUrl() {
        return queueUrl;
    }

    long invocations() {
        return invocations.get();
    }

    long failedRecords() {
        return failedRecords.get();
    }

    boolean busy() {
        return busyPollers.get() > 0;
    }

    @Override
    public void close() {
        running.set(false);
        for (Thread poller : pollers) {
            try {
                poller.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

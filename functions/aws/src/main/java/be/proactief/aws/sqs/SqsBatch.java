package be.proactief.aws.sqs;

import be.proactief.aws.lambda.InvocationTime;
import be.proactief.core.insz.Insz;
import be.proactief.core.messaging.InvalidMessageException;
import be.proactief.core.messaging.RetryDelay;
import be.proactief.core.messaging.RetryLaterException;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one SQS batch policy of both queue functions ({@code ReportBatchItemFailures}). Each record ends one of three ways:
 * <ul>
 *   <li><b>done</b>: processed (a REVIEW is done too: its statement or its case is the result);</li>
 *   <li><b>never</b>: an {@link InvalidMessageException} goes to the function's DLQ at once with {@code errorReason
 *       INVALID_MESSAGE <why>} and counts as handled;</li>
 *   <li><b>later</b>: any other failure (UNKNOWN above all) is reported in {@code batchItemFailures} and its visibility
 *       set to {@link RetryDelay#after max(retryAfter, base × 2^(receives − 1)), capped}, so a platform outage is waited
 *       out instead of being retried every visibility timeout into the DLQ.</li>
 * </ul>
 * At most {@link BatchSettings#concurrency()} records run at once (the processor must be thread-safe; the logging
 * context, with the invocation's request id, is copied to each). A record not yet started when the invocation has less
 * than {@link BatchSettings#deadlineMargin()} left is reported failed untouched: never half done, never lost. One log
 * line per failure, INSZ masked.
 */
@Singleton
public final class SqsBatch {

    private static final Logger LOG = LoggerFactory.getLogger(SqsBatch.class);

    private final SqsClient sqs;
    private final BatchSettings settings;
    private final InvocationTime time;
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();

    public SqsBatch(SqsClient sqs, BatchSettings settings, InvocationTime time) {
        this.sqs = sqs;
        this.settings = settings;
        this.time = time;
    }

    /** What one record's processing needs: throw to fail the record. */
    @FunctionalInterface
    public interface RecordProcessor {
        void process(SQSEvent.SQSMessage message) throws Exception;
    }

    /** How one record ended. */
    private sealed interface Ending {
        Ending DONE = new Done();
        Ending NOT_STARTED = new NotStarted();

        record Done() implements Ending {
        }

        record NotStarted() implements Ending {
        }

        /** @param retryAfter what the platform asked for, or null */
        record Later(Duration retryAfter) implements Ending {
        }
    }

    /** The batch's response: exactly the records that did not end done, in the batch's order. */
    public SQSBatchResponse process(SQSEvent event, RecordProcessor processor, DeadLetterQueue deadLetters) {
        if (event == null || event.getRecords() == null || event.getRecords().isEmpty()) return new SQSBatchResponse(new ArrayList<>());
        List<SQSEvent.SQSMessage> records = event.getRecords();
        Ending[] endings = new Ending[records.size()];
        int threads = Math.max(1, Math.min(settings.concurrency(), records.size()));
        if (threads == 1) {
            for (int i = 0; i < records.size(); i++) endings[i] = handle(records.get(i), processor, deadLetters);
        } else {
            Map<String, String> logContext = MDC.getCopyOfContextMap();
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "sqs-batch-record");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<Ending>> running = new ArrayList<>();
                for (SQSEvent.SQSMessage message : records) {
                    running.add(pool.submit(() -> withLogContext(logContext, () -> handle(message, processor, deadLetters))));
                }
                for (int i = 0; i < running.size(); i++) endings[i] = result(running.get(i), records.get(i));
            } finally {
                pool.shutdownNow();
            }
        }
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> later = new ArrayList<>();
        List<Duration> delays = new ArrayList<>();
        int notStarted = 0;
        for (int i = 0; i < records.size(); i++) {
            if (endings[i] == Ending.DONE) continue;
            failures.add(new SQSBatchResponse.BatchItemFailure(records.get(i).getMessageId()));
            if (endings[i] instanceof Ending.Later l) {
                later.add(records.get(i));
                delays.add(settings.retryDelay().after(receiveCount(records.get(i)), l.retryAfter()));
            } else {
                notStarted++;
            }
        }
        if (notStarted > 0) {
            LOG.warn("{} of {} messages not started: the invocation had less than {} s left; they come back after the visibility timeout",
                    notStarted, records.size(), settings.deadlineMargin().toSeconds());
        }
        postpone(later, delays);
        return new SQSBatchResponse(failures);
    }

    private Ending handle(SQSEvent.SQSMessage message, RecordProcessor processor, DeadLetterQueue deadLetters) {
        if (time.remaining().map(left -> left.compareTo(settings.deadlineMargin()) < 0).orElse(false)) return Ending.NOT_STARTED;
        try {
            try {
                processor.process(message);
            } catch (InvalidMessageException invalid) {
                deadLetters.reject(message, invalid.getMessage()); // should the DLQ be unreachable: retried as any failure
            }
            return Ending.DONE;
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable e) { // an Error of a library too: this record fails, the batch goes on, on every path alike
            LOG.warn("message {} failed (receive count {}): {}", message.getMessageId(), receiveCount(message),
                    Insz.redact(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return new Ending.Later(e instanceof RetryLaterException r ? r.retryAfter() : null);
        }
    }

    private static <T> T withLogContext(Map<String, String> logContext, java.util.concurrent.Callable<T> task) throws Exception {
        if (logContext != null) MDC.setContextMap(logContext);
        try {
            return task.call();
        } finally {
            MDC.clear();
        }
    }

    private static Ending result(Future<Ending> future, SQSEvent.SQSMessage message) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Ending.Later(null);
        } catch (ExecutionException e) {
            LOG.warn("message {} failed: {}", message.getMessageId(), e.getCause() == null ? e : e.getCause().getClass().getSimpleName());
            return new Ending.Later(null);
        }
    }

    /**
     * Keeps the failed-for-now messages out of sight for their delay. Should this fail, they come back after the queue's
     * visibility timeout, as before: one log line, nothing lost.
     */
    private void postpone(List<SQSEvent.SQSMessage> messages, List<Duration> delays) {
        for (int from = 0; from < messages.size(); from += 10) {
            int to = Math.min(from + 10, messages.size());
            String arn = messages.get(from).getEventSourceArn();
            try {
                String url = queueUrl(arn);
                List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
                for (int i = from; i < to; i++) {
                    SQSEvent.SQSMessage m = messages.get(i);
                    if (!arn.equals(m.getEventSourceArn())) continue; // one queue per event source mapping; never mix
                    entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id("m" + i).receiptHandle(m.getReceiptHandle())
                            .visibilityTimeout(visibilitySeconds(delays.get(i))).build());
                }
                var response = sqs.changeMessageVisibilityBatch(b -> b.queueUrl(url).entries(entries));
                if (!response.failed().isEmpty()) {
                    LOG.warn("{} of {} messages keep the queue's visibility timeout: {}", response.failed().size(), entries.size(),
                            response.failed().get(0).code());
                }
            } catch (RuntimeException e) {
                LOG.warn("{} messages keep the queue's visibility timeout (could not postpone them: {})", to - from, e.getClass().getSimpleName());
            }
        }
    }

    /** Whole seconds, rounded up (a delay of 500 ms must not become 0: at once). */
    static int visibilitySeconds(Duration delay) {
        long seconds = (delay.toMillis() + 999) / 1000;
        return (int) Math.max(1, Math.min(seconds, RetryDelay.MAX_VISIBILITY.toSeconds()));
    }

    /** {@code arn:aws:sqs:region:account:name} → the queue's URL, asked once per queue and instance. */
    private String queueUrl(String arn) {
        if (arn == null) throw new IllegalArgumentException("a record without eventSourceARN");
        return queueUrls.computeIfAbsent(arn, a -> sqs.getQueueUrl(b -> b.queueName(a.substring(a.lastIndexOf(':') + 1))).queueUrl());
    }

    private static int receiveCount(SQSEvent.SQSMessage message) {
        String count = message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
        try {
            return count == null ? 1 : Integer.parseInt(count);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}

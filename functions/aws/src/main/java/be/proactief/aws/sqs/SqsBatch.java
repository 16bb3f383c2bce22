package be.proactief.aws.sqs;

import be.proactief.core.insz.Insz;
import be.proactief.core.messaging.InvalidMessageException;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The one SQS batch policy of both queue functions ({@code ReportBatchItemFailures}): each record is processed
 * on its own; a record that can never succeed ({@link InvalidMessageException}) goes to the DLQ at once with
 * {@code errorReason INVALID_MESSAGE <why>} and counts as handled; any other failure is reported in
 * {@code batchItemFailures} (SQS redelivers it, and after {@code maxReceiveCount} the redrive policy moves it to
 * the DLQ) while the others complete. One log line per failure, INSZ masked.
 */
public final class SqsBatch {

    private static final Logger LOG = LoggerFactory.getLogger(SqsBatch.class);

    private SqsBatch() {
    }

    /** What one record's processing needs: throw to fail the record. */
    @FunctionalInterface
    public interface RecordProcessor {
        void process(SQSEvent.SQSMessage message) throws Exception;
    }

    /** The records one after another. */
    public static SQSBatchResponse process(SQSEvent event, RecordProcessor processor, DeadLetterQueue deadLetters) {
        return process(event, processor, deadLetters, 1);
    }

    /**
     * At most {@code concurrency} records at once ({@code PROACTIEF_BATCH_CONCURRENCY}, 10 by default): a platform
     * answer of 200 ms no longer makes a batch of ten take two seconds. The response names exactly the failed records,
     * in the batch's order. The processor must be safe to call from several threads.
     */
    public static SQSBatchResponse process(SQSEvent event, RecordProcessor processor, DeadLetterQueue deadLetters, int concurrency) {
        if (event == null || event.getRecords() == null || event.getRecords().isEmpty()) return new SQSBatchResponse(new ArrayList<>());
        List<SQSEvent.SQSMessage> records = event.getRecords();
        boolean[] failed = new boolean[records.size()];
        int threads = Math.max(1, Math.min(concurrency, records.size()));
        if (threads == 1) {
            for (int i = 0; i < records.size(); i++) failed[i] = !handle(records.get(i), processor, deadLetters);
        } else {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "sqs-batch-record");
                t.setDaemon(true);
                return t;
            });
            try {
                List<java.util.concurrent.Future<Boolean>> done = new ArrayList<>();
                for (SQSEvent.SQSMessage message : records) done.add(pool.submit(() -> handle(message, processor, deadLetters)));
                for (int i = 0; i < done.size(); i++) failed[i] = !result(done.get(i), records.get(i));
            } finally {
                pool.shutdownNow();
            }
        }
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (failed[i]) failures.add(new SQSBatchResponse.BatchItemFailure(records.get(i).getMessageId()));
        }
        return new SQSBatchResponse(failures);
    }

    /** Whether the record is done (processed, or on its DLQ). One log line when not. */
    private static boolean handle(SQSEvent.SQSMessage message, RecordProcessor processor, DeadLetterQueue deadLetters) {
        try {
            try {
                processor.process(message);
            } catch (InvalidMessageException invalid) {
                deadLetters.reject(message, invalid.getMessage()); // should the DLQ be unreachable: retried as any failure
            }
            return true;
        } catch (Exception e) {
            LOG.warn("message {} failed (receive count {}): {}", message.getMessageId(), receiveCount(message),
                    Insz.redact(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return false;
        }
    }

    private static boolean result(java.util.concurrent.Future<Boolean> future, SQSEvent.SQSMessage message) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.warn("message {} failed: {}", message.getMessageId(), e.getCause() == null ? e : e.getCause().getClass().getSimpleName());
            return false;
        }
    }

    private static String receiveCount(SQSEvent.SQSMessage message) {
        return message.getAttributes() == null ? "?" : message.getAttributes().getOrDefault("ApproximateReceiveCount", "?");
    }
}

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

    public static SQSBatchResponse process(SQSEvent event, RecordProcessor processor, DeadLetterQueue deadLetters) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        if (event == null || event.getRecords() == null) return new SQSBatchResponse(failures);
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                try {
                    processor.process(message);
                } catch (InvalidMessageException invalid) {
                    deadLetters.reject(message, invalid.getMessage()); // should the DLQ be unreachable: retried as any failure
                }
            } catch (Exception e) {
                LOG.warn("message {} failed (receive count {}): {}", message.getMessageId(), receiveCount(message),
                        Insz.redact(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    private static String receiveCount(SQSEvent.SQSMessage message) {
        return message.getAttributes() == null ? "?" : message.getAttributes().getOrDefault("ApproximateReceiveCount", "?");
    }
}

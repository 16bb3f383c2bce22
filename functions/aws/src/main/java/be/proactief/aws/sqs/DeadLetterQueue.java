package be.proactief.aws.sqs;

import be.proactief.aws.audit.Json;
import be.proactief.core.insz.Insz;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts a message that can never succeed (an invalid invoice, a household without members, not a message of the
 * contract at all) straight on its queue's DLQ, with message attribute {@code errorReason}
 * {@code INVALID_MESSAGE <why>}, and logs one line ({@code event} as given, e.g. {@code VOUCHER_WORK_REJECTED}).
 * Retrying such a message would only delay the alarm; transient failures (UNKNOWN) go the other way, through SQS
 * redelivery. {@link SqsBatch} is the one caller.
 */
public final class DeadLetterQueue {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterQueue.class);

    public static final String INVALID_MESSAGE = "INVALID_MESSAGE ";
    public static final String ERROR_REASON = "errorReason";
    public static final String SOURCE_MESSAGE_ID = "sourceMessageId";
    public static final String FAILED_AT = "failedAt";
    /** The message attributes added here; a redrive leaves them behind. */
    public static final java.util.List<String> ADDED_ATTRIBUTES = java.util.List.of(ERROR_REASON, SOURCE_MESSAGE_ID, FAILED_AT);

    private final SqsClient sqs;
    private final String queueUrl;
    private final String event;
    private final Clock clock;

    /** @param event the {@code event} of the log line, e.g. {@code VOUCHER_WORK_REJECTED} */
    public DeadLetterQueue(SqsClient sqs, String queueUrl, String event, Clock clock) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.event = event;
        this.clock = clock;
    }

    /** @param why free of personal data (INSZ masked); redacted again to be sure */
    public void reject(SQSEvent.SQSMessage message, String why) {
        rejectBody(message.getBody(), message.getMessageId(), why);
    }

    /**
     * A message that never was on the queue (a work item its queue refused) to the DLQ.
     *
     * @param sourceId what the message came from (a message id, a run)
     * @param why      free of personal data (INSZ masked); redacted again to be sure
     */
    public void rejectBody(String body, String sourceId, String why) {
        String safe = Insz.redact(INVALID_MESSAGE + why);
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body).messageAttributes(Map.of(
                ERROR_REASON, text(safe.length() > 250 ? safe.substring(0, 250) + "…" : safe),
                SOURCE_MESSAGE_ID, text(sourceId),
                FAILED_AT, text(clock.instant().toString()))));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", event);
        line.put("messageId", sourceId);
        line.put("reason", safe);
        line.put("movedTo", queueUrl.substring(queueUrl.lastIndexOf('/') + 1));
        LOG.warn(Json.object(line));
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}

package be.proactief.function.voucherissuer.queue;

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
 * Puts a work message that can never succeed (no members, a bad INSZ, an unknown zone, not a work
 * message at all) straight on the {@code voucher-work-dlq}, with the reason as message attribute
 * {@code errorReason}, and logs one line. Retrying such a message five times would only delay the
 * alarm; transient failures (UNKNOWN) go the other way, through SQS redelivery.
 */
public final class DeadLetterQueue {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterQueue.class);

    private final SqsClient sqs;
    private final String queueUrl;
    private final Clock clock;

    public DeadLetterQueue(SqsClient sqs, String queueUrl, Clock clock) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.clock = clock;
    }

    /** @param reason free of personal data (INSZ masked); redacted again to be sure */
    public void reject(SQSEvent.SQSMessage message, String reason) {
        String safe = Insz.redact(reason);
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(message.getBody()).messageAttributes(Map.of(
                "errorReason", text(safe.length() > 250 ? safe.substring(0, 250) + "…" : safe),
                "sourceMessageId", text(message.getMessageId()),
                "failedAt", text(clock.instant().toString()))));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", "VOUCHER_WORK_REJECTED");
        line.put("messageId", message.getMessageId());
        line.put("reason", safe);
        line.put("movedTo", "voucher-work-dlq");
        LOG.warn(Json.object(line));
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}

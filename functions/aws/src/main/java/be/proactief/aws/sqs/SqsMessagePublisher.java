package be.proactief.aws.sqs;

import be.proactief.core.messaging.MessagePublisher;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

import java.util.Map;

/** {@link MessagePublisher} onto one SQS queue; the deduplication key travels as a message attribute. */
public final class SqsMessagePublisher implements MessagePublisher {

    public static final String DEDUPLICATION_ATTRIBUTE = "deduplicationKey";

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsMessagePublisher(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void publish(String body, String deduplicationKey) {
        SendMessageRequest.Builder request = SendMessageRequest.builder().queueUrl(queueUrl).messageBody(body);
        if (deduplicationKey != null) {
            request.messageAttributes(Map.of(DEDUPLICATION_ATTRIBUTE,
                    MessageAttributeValue.builder().dataType("String").stringValue(deduplicationKey).build()));
        }
        sqs.sendMessage(request.build());
    }

    public String queueUrl() {
        return queueUrl;
    }
}

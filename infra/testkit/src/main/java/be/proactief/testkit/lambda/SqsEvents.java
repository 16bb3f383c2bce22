package be.proactief.testkit.lambda;

import be.proactief.testkit.aws.AwsBackend;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import software.amazon.awssdk.services.sqs.model.Message;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Received SQS messages as the Lambda {@link SQSEvent} an event source mapping hands a function. */
public final class SqsEvents {

    private SqsEvents() {
    }

    public static SQSEvent of(List<Message> messages, String queueArn) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message m : messages) records.add(record(m, queueArn));
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    public static SQSEvent.SQSMessage record(Message m, String queueArn) {
        SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
        r.setMessageId(m.messageId());
        r.setReceiptHandle(m.receiptHandle());
        r.setBody(m.body());
        r.setMd5OfBody(m.md5OfBody());
        r.setMd5OfMessageAttributes(m.md5OfMessageAttributes());
        r.setEventSource("aws:sqs");
        r.setEventSourceArn(queueArn);
        r.setAwsRegion(AwsBackend.REGION.id());
        r.setAttributes(new HashMap<>(m.attributesAsStrings()));
        Map<String, SQSEvent.MessageAttribute> attributes = new HashMap<>();
        m.messageAttributes().forEach((name, value) -> {
            SQSEvent.MessageAttribute a = new SQSEvent.MessageAttribute();
            a.setDataType(value.dataType());
            a.setStringValue(value.stringValue());
            attributes.put(name, a);
        });
        r.setMessageAttributes(attributes);
        return r;
    }
}

package be.proactief.local;

import be.proactief.testkit.ProjectPaths;
import be.proactief.testkit.aws.AwsBackend;
import be.proactief.testkit.aws.SamTemplate;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code ./proactief redrive DLQ}: moves a dead-letter queue's messages back to the queue whose DLQ it is (template.yaml's
 * redrive policies say which), on the running serve. The attributes the functions added when they put a message there
 * ({@code errorReason}, {@code sourceMessageId}, {@code failedAt}) are left behind; the body and the sender's attributes
 * go back as they came.
 */
final class Redrive {

    private Redrive() {
    }

    /** DLQ name → the name of the queue it is the DLQ of, from the template. */
    static Map<String, String> sources(SamTemplate template) {
        Map<String, String> byDlq = new TreeMap<>();
        for (SamTemplate.Resource queue : template.resourcesOfType("AWS::SQS::Queue")) {
            Object target = SamTemplate.map(queue.properties().get("RedrivePolicy")).get("deadLetterTargetArn");
            if (!(target instanceof Map<?, ?> getAtt) || !(getAtt.get("Fn::GetAtt") instanceof List<?> ref) || ref.isEmpty()) continue;
            SamTemplate.Resource dlq = template.resources().get(String.valueOf(ref.get(0)));
            if (dlq != null) byDlq.put(queueName(template, dlq), queueName(template, queue));
        }
        return byDlq;
    }

    private static String queueName(SamTemplate template, SamTemplate.Resource queue) {
        Object name = template.resolve(queue.properties().get("QueueName"), id -> null, (id, attribute) -> null);
        return name == null ? queue.logicalId() : String.valueOf(name);
    }

    /** @return how many messages went back */
    static int run(String dlqName, AwsBackend aws) {
        Map<String, String> sources = sources(SamTemplate.load(ProjectPaths.template(), Map.of()));
        String source = Optional.ofNullable(sources.get(dlqName)).orElseThrow(() -> new Options.UsageException(
                "redrive: '" + dlqName + "' is not a DLQ of template.yaml; the DLQs are " + sources.keySet()));
        String from;
        String to;
        try {
            from = aws.sqs().getQueueUrl(b -> b.queueName(dlqName)).queueUrl();
            to = aws.sqs().getQueueUrl(b -> b.queueName(source)).queueUrl();
        } catch (QueueDoesNotExistException e) {
            throw new IllegalStateException("the running serve has no queue " + dlqName + " or " + source);
        }
        int moved = 0;
        while (true) {
            List<Message> batch = aws.sqs().receiveMessage(b -> b.queueUrl(from).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .visibilityTimeout(60).messageAttributeNames("All")).messages();
            if (batch.isEmpty()) return moved;
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                Map<String, MessageAttributeValue> attributes = new HashMap<>(batch.get(i).messageAttributes());
                be.proactief.aws.sqs.DeadLetterQueue.ADDED_ATTRIBUTES.forEach(attributes::remove);
                entries.add(SendMessageBatchRequestEntry.builder().id("m" + i).messageBody(batch.get(i).body()).messageAttributes(attributes).build());
            }
            var sent = aws.sqs().sendMessageBatch(b -> b.queueUrl(to).entries(entries));
            if (!sent.failed().isEmpty()) {
                throw new IllegalStateException(sent.failed().size() + " messages could not be put back on " + source + " (" + sent.failed().get(0).code()
                        + "); they stay on " + dlqName + " (" + moved + " moved before)");
            }
            List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                done.add(DeleteMessageBatchRequestEntry.builder().id("m" + i).receiptHandle(batch.get(i).receiptHandle()).build());
            }
            aws.sqs().deleteMessageBatch(b -> b.queueUrl(from).entries(done));
            moved += batch.size();
        }
    }
}

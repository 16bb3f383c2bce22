package be.proactief.aws.sqs;

import be.proactief.testkit.aws.AwsBackend;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqsAdaptersTest {

    static AwsBackend backend;

    @BeforeAll
    static void start() {
        backend = AwsBackend.embedded();
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void a_published_message_arrives_with_its_deduplication_key() {
        String url = backend.sqs().createQueue(b -> b.queueName("publisher-test")).queueUrl();
        new SqsMessagePublisher(backend.sqs(), url).publish("{\"invoiceId\":\"INV-1\"}", "INV-1");
        List<Message> got = backend.sqs().receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(2).messageAttributeNames("All")).messages();
        assertThat(got).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo("{\"invoiceId\":\"INV-1\"}");
            assertThat(m.messageAttributes().get(SqsMessagePublisher.DEDUPLICATION_ATTRIBUTE).stringValue()).isEqualTo("INV-1");
        });
    }

    private static SQSEvent.SQSMessage message(String id, String body) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(id);
        m.setBody(body);
        return m;
    }

    @Test
    void a_failing_record_is_reported_and_the_others_complete() {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message("m1", "ok"), message("m2", "poison 85073003328"), message("m3", "ok")));
        List<String> done = new java.util.ArrayList<>();
        SQSBatchResponse response = SqsBatch.process(event, m -> {
            if (m.getBody().startsWith("poison")) throw new IllegalArgumentException("bad INSZ in " + m.getBody());
            done.add(m.getMessageId());
        });
        assertThat(done).containsExactly("m1", "m3");
        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier).containsExactly("m2");
    }

    @Test
    void an_empty_event_fails_nothing() {
        assertThat(SqsBatch.process(new SQSEvent(), m -> { }).getBatchItemFailures()).isEmpty();
        assertThat(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT.toString()).isEqualTo("ApproximateReceiveCount");
    }
}

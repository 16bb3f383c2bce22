package be.proactief.aws.sqs;

import be.proactief.testkit.aws.AwsBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

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
}

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

    private static DeadLetterQueue deadLetters(String url) {
        return new DeadLetterQueue(backend.sqs(), url, "TEST_REJECTED", java.time.Clock.systemUTC());
    }

    @Test
    void a_failing_record_is_reported_and_the_others_complete() {
        String dlq = backend.sqs().createQueue(b -> b.queueName("batch-test-dlq-1")).queueUrl();
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message("m1", "ok"), message("m2", "poison 85073003328"), message("m3", "ok")));
        List<String> done = new java.util.ArrayList<>();
        SQSBatchResponse response = SqsBatch.process(event, m -> {
            if (m.getBody().startsWith("poison")) throw new IllegalStateException("the platform is down for " + m.getBody());
            done.add(m.getMessageId());
        }, deadLetters(dlq));
        assertThat(done).containsExactly("m1", "m3");
        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier).containsExactly("m2");
        assertThat(backend.sqs().receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(0)).messages()).isEmpty();
    }

    @Test
    void a_record_that_can_never_succeed_goes_to_the_dlq_at_once_with_its_reason_masked_and_counts_as_handled() {
        String dlq = backend.sqs().createQueue(b -> b.queueName("batch-test-dlq-2")).queueUrl();
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message("m1", "ok"), message("m2", "poison")));
        SQSBatchResponse response = SqsBatch.process(event, m -> {
            if (m.getBody().startsWith("poison")) throw new be.proactief.core.messaging.InvalidMessageException("child 85073003328 is unknown");
        }, deadLetters(dlq));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(backend.sqs().receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(1).messageAttributeNames("All")).messages())
                .singleElement().satisfies(m -> {
                    assertThat(m.body()).isEqualTo("poison");
                    assertThat(m.messageAttributes().get("errorReason").stringValue()).startsWith("INVALID_MESSAGE child ").doesNotContain("85073003328");
                });
    }

    @Test
    void an_invalid_record_whose_dlq_is_unreachable_is_retried_as_any_failure() {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message("m1", "poison")));
        SQSBatchResponse response = SqsBatch.process(event, m -> {
            throw new be.proactief.core.messaging.InvalidMessageException("never valid");
        }, deadLetters(backend.sqsEndpoint() + "/000000000000/no-such-queue"));

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier).containsExactly("m1");
    }

    @Test
    void a_batch_runs_at_most_its_concurrency_at_once_and_reports_exactly_the_failed_records_in_order() throws Exception {
        String dlq = backend.sqs().createQueue(b -> b.queueName("batch-test-dlq-3")).queueUrl();
        SQSEvent event = new SQSEvent();
        List<SQSEvent.SQSMessage> records = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) records.add(message("m" + i, i % 3 == 0 ? "fail" : "ok"));
        event.setRecords(records);
        java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch fourAtOnce = new java.util.concurrent.CountDownLatch(4);

        SQSBatchResponse response = SqsBatch.process(event, m -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            fourAtOnce.countDown();
            fourAtOnce.await(5, java.util.concurrent.TimeUnit.SECONDS); // the first four meet: they run side by side
            inFlight.decrementAndGet();
            if (m.getBody().equals("fail")) throw new IllegalStateException("the platform is down");
        }, deadLetters(dlq), 4);

        assertThat(most.get()).isEqualTo(4);
        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m0", "m3", "m6", "m9");
    }

    @Test
    void an_empty_event_fails_nothing() {
        assertThat(SqsBatch.process(new SQSEvent(), m -> { }, null).getBatchItemFailures()).isEmpty();
        assertThat(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT.toString()).isEqualTo("ApproximateReceiveCount");
    }
}

package be.proactief.aws.sqs;

import be.proactief.aws.lambda.InvocationTime;
import be.proactief.core.messaging.InvalidMessageException;
import be.proactief.core.messaging.RetryDelay;
import be.proactief.core.messaging.RetryLaterException;
import be.proactief.testkit.aws.AwsBackend;
import be.proactief.testkit.lambda.LocalLambdaContext;
import be.proactief.testkit.lambda.SqsEvents;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The one batch policy of both queue functions, over ElasticMQ's real wire protocol. */
class SqsBatchTest {

    static AwsBackend backend;

    @BeforeAll
    static void start() {
        backend = AwsBackend.embedded();
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    private static SqsBatch batch(int concurrency, Duration retryBase, Duration retryCap, InvocationTime time) {
        return new SqsBatch(backend.sqs(), new BatchSettings(concurrency, new RetryDelay(retryBase, retryCap), Duration.ofSeconds(5)), time);
    }

    private static SqsBatch batch(int concurrency) {
        return batch(concurrency, Duration.ofSeconds(60), Duration.ofHours(1), new InvocationTime());
    }

    private static SQSEvent.SQSMessage message(String id, String body) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(id);
        m.setBody(body);
        return m;
    }

    private static SQSEvent event(SQSEvent.SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(messages));
        return event;
    }

    private static DeadLetterQueue deadLetters(String url) {
        return new DeadLetterQueue(backend.sqs(), url, "TEST_REJECTED", java.time.Clock.systemUTC());
    }

    private static String dlq(String name) {
        return backend.sqs().createQueue(b -> b.queueName(name)).queueUrl();
    }

    private static List<String> failed(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    /** A queue of our own with one message on it, its ARN, and a way to receive it as the event source mapping does. */
    private record Queue(String url, String arn) {
        static Queue create(String name, String body) {
            String url = backend.sqs().createQueue(b -> b.queueName(name).attributes(java.util.Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1"))).queueUrl();
            String arn = backend.sqs().getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            backend.sqs().sendMessage(b -> b.queueUrl(url).messageBody(body));
            return new Queue(url, arn);
        }

        /** Waits up to {@code within} for the message to be visible again; returns it as an event, or null. */
        SQSEvent receive(Duration within) {
            long until = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < until) {
                List<Message> got = backend.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
                if (!got.isEmpty()) return SqsEvents.of(got, arn);
                sleep(50);
            }
            return null;
        }
    }

    @Test
    void a_failing_record_is_reported_and_the_others_complete() {
        String dlq = dlq("batch-test-dlq-1");
        List<String> done = new ArrayList<>();
        SQSBatchResponse response = batch(1).process(event(message("m1", "ok"), message("m2", "poison 85073003328"), message("m3", "ok")), m -> {
            if (m.getBody().startsWith("poison")) throw new IllegalStateException("the platform is down for " + m.getBody());
            done.add(m.getMessageId());
        }, deadLetters(dlq));
        assertThat(done).containsExactly("m1", "m3");
        assertThat(failed(response)).containsExactly("m2");
        assertThat(backend.sqs().receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(0)).messages()).isEmpty();
    }

    @Test
    void a_record_that_can_never_succeed_goes_to_the_dlq_at_once_with_its_reason_masked_and_counts_as_handled() {
        String dlq = dlq("batch-test-dlq-2");
        SQSBatchResponse response = batch(1).process(event(message("m1", "ok"), message("m2", "poison")), m -> {
            if (m.getBody().startsWith("poison")) throw new InvalidMessageException("child 85073003328 is unknown");
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
        SQSBatchResponse response = batch(1).process(event(message("m1", "poison")), m -> {
            throw new InvalidMessageException("never valid");
        }, deadLetters(backend.sqsEndpoint() + "/000000000000/no-such-queue"));

        assertThat(failed(response)).containsExactly("m1");
    }

    @Test
    void a_batch_runs_at_most_its_concurrency_at_once_and_reports_exactly_the_failed_records_in_order() {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) records.add(message("m" + i, i % 3 == 0 ? "fail" : "ok"));
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch fourAtOnce = new CountDownLatch(4);

        SQSBatchResponse response = batch(4).process(event(records.toArray(SQSEvent.SQSMessage[]::new)), m -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            fourAtOnce.countDown();
            fourAtOnce.await(5, TimeUnit.SECONDS); // the first four meet: they run side by side
            inFlight.decrementAndGet();
            if (m.getBody().equals("fail")) throw new IllegalStateException("the platform is down");
        }, deadLetters(dlq("batch-test-dlq-3")));

        assertThat(most.get()).isEqualTo(4);
        assertThat(failed(response)).containsExactly("m0", "m3", "m6", "m9");
    }

    @Test
    void every_record_handled_on_a_worker_thread_carries_the_invocations_logging_context() {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) records.add(message("m" + i, "ok"));
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Set<String> requestIds = ConcurrentHashMap.newKeySet();
        CountDownLatch allAtOnce = new CountDownLatch(10);
        MDC.put("AWSRequestId", "req-42");
        try {
            batch(10).process(event(records.toArray(SQSEvent.SQSMessage[]::new)), m -> {
                threads.add(Thread.currentThread().getName() + "#" + Thread.currentThread().getId());
                requestIds.add(String.valueOf(MDC.get("AWSRequestId")));
                allAtOnce.countDown();
                allAtOnce.await(5, TimeUnit.SECONDS);
            }, deadLetters(dlq("batch-test-dlq-4")));
        } finally {
            MDC.clear();
        }
        assertThat(threads).hasSize(10);
        assertThat(requestIds).containsExactly("req-42");
    }

    @Test
    void records_not_started_when_the_invocation_runs_out_of_time_are_reported_failed_untouched() {
        InvocationTime time = new InvocationTime();
        time.set(new LocalLambdaContext("req", "test", Duration.ofMillis(5_500))); // 5.5 s left, the margin is 5 s
        List<String> started = new ArrayList<>();
        SQSBatchResponse response = batch(1, Duration.ofSeconds(60), Duration.ofHours(1), time)
                .process(event(message("m1", "slow"), message("m2", "ok"), message("m3", "ok")), m -> {
                    started.add(m.getMessageId());
                    Thread.sleep(700); // the first record takes the invocation below its margin
                }, deadLetters(dlq("batch-test-dlq-5")));

        assertThat(started).containsExactly("m1");
        assertThat(failed(response)).containsExactly("m2", "m3");
    }

    @Test
    void an_unknown_message_comes_back_no_sooner_than_the_platforms_retry_after() {
        Queue queue = Queue.create("retry-after-test", "invoice");
        SqsBatch batch = batch(1, Duration.ofSeconds(1), Duration.ofSeconds(10), new InvocationTime());

        SQSEvent first = queue.receive(Duration.ofSeconds(2));
        long failedAt = System.nanoTime();
        assertThat(failed(batch.process(first, m -> {
            throw new RetryLaterException("entitlement unknown (PLATFORM_UNAVAILABLE)", Duration.ofSeconds(3));
        }, deadLetters(dlq("batch-test-dlq-6"))))).hasSize(1);

        assertThat(queue.receive(Duration.ofMillis(2_700))).as("hidden for the 3 s the platform asked").isNull();
        assertThat(queue.receive(Duration.ofSeconds(3))).as("and back after them").isNotNull();
        assertThat(System.nanoTime() - failedAt).isGreaterThanOrEqualTo(Duration.ofMillis(2_900).toNanos());
    }

    @Test
    void an_unknown_message_without_retry_after_comes_back_after_a_growing_delay() {
        Queue queue = Queue.create("backoff-test", "invoice");
        SqsBatch batch = batch(1, Duration.ofSeconds(1), Duration.ofSeconds(10), new InvocationTime());
        DeadLetterQueue dlq = deadLetters(dlq("batch-test-dlq-7"));
        List<Long> gaps = new ArrayList<>();

        SQSEvent delivery = queue.receive(Duration.ofSeconds(2));
        for (int receive = 1; receive <= 3; receive++) {
            assertThat(delivery.getRecords().get(0).getAttributes().get("ApproximateReceiveCount")).isEqualTo(Integer.toString(receive));
            long failedAt = System.nanoTime();
            batch.process(delivery, m -> {
                throw new IllegalStateException("the platform is down");
            }, dlq);
            delivery = queue.receive(Duration.ofSeconds(8));
            assertThat(delivery).isNotNull();
            gaps.add((System.nanoTime() - failedAt) / 1_000_000);
        }
        // 1 s, 2 s, 4 s: base × 2^(receives − 1); the queue's own visibility timeout is 1 s
        assertThat(gaps.get(0)).isBetween(900L, 1_900L);
        assertThat(gaps.get(1)).isBetween(1_900L, 2_900L);
        assertThat(gaps.get(2)).isBetween(3_900L, 4_900L);
    }

    @Test
    void an_error_thrown_by_a_record_fails_that_record_only_one_at_a_time_as_in_parallel() {
        for (int concurrency : new int[] {1, 10}) {
            SQSBatchResponse response = batch(concurrency).process(event(message("m1", "ok"), message("m2", "broken")), m -> {
                if (m.getBody().equals("broken")) throw new NoClassDefFoundError("a library's Error");
            }, deadLetters(dlq("batch-test-dlq-8")));
            assertThat(failed(response)).as("concurrency " + concurrency).containsExactly("m2");
        }
    }

    @Test
    void a_delay_below_a_second_is_one_second_never_zero() {
        assertThat(SqsBatch.visibilitySeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(SqsBatch.visibilitySeconds(Duration.ofMillis(1500))).isEqualTo(2);
        assertThat(SqsBatch.visibilitySeconds(Duration.ofHours(30))).isEqualTo(11 * 3600);
    }

    @Test
    void an_empty_event_fails_nothing() {
        assertThat(batch(10).process(new SQSEvent(), m -> { }, null).getBatchItemFailures()).isEmpty();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package be.proactief.function.invoicediscounter;

import be.proactief.testkit.lambda.LocalLambdaContext;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * invoice-discounter carries the Lambda-context fix (micronaut-function-aws 4.11.0 adds a Context
 * bean definition per invocation): 2,000 warm invocations leave at most one.
 */
class LambdaContextFixTest {

    /** Configuration only: empty batches reach no backend. */
    static Map<String, Object> properties() {
        return Map.of("proactief.dynamodb.endpoint", "http://127.0.0.1:9",
                "proactief.sqs.endpoint", "http://127.0.0.1:9",
                "proactief.discounted.invoices.queue.url", "http://127.0.0.1:9/000000000000/discounted-invoices",
                "proactief.invoices.dlq.url", "http://127.0.0.1:9/000000000000/invoices-dlq",
                "proactief.dev.subject.key", "invoice-discounter-tests-development-subject-key",
                "magda.endpoint", "http://127.0.0.1:9/magda", "magda.allow.http", "true",
                "magda.sender.id", "kb.vlaanderen.be/aiv/proactief-test",
                "magda.hoedanigheid", "1303");
    }

    @Test
    void two_thousand_invocations_leave_at_most_one_context_definition() {
        try (ApplicationContext context = ApplicationContext.builder().properties(properties()).start()) {
            InvoiceDiscounterHandler handler = new InvoiceDiscounterHandler(context);
            for (int i = 0; i < 2_000; i++) {
                SQSEvent empty = new SQSEvent();
                empty.setRecords(List.of());
                assertThat(handler.handleRequest(empty, new LocalLambdaContext("req-" + i, "invoice-discounter")).getBatchItemFailures()).isEmpty();
            }
            assertThat(handler.getApplicationContext().getBeanDefinitions(Context.class)).hasSizeLessThanOrEqualTo(1);
            assertThat(handler.getApplicationContext().getBean(Context.class).getAwsRequestId()).isEqualTo("req-1999");
        }
    }
}

package be.proactief.function.voucherissuer;

import be.proactief.testkit.lambda.LocalLambdaContext;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Both voucher handlers carry the Lambda-context fix: 2,000 warm invocations leave one Context bean definition. */
class LambdaContextFixTest {

    static final int INVOCATIONS = 2_000;

    /** Keeps the 2,000 summary lines out of the test output. */
    private static AutoCloseable quiet() {
        ch.qos.logback.classic.Logger[] loggers = {
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("proactief"),
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("be.proactief")};
        ch.qos.logback.classic.Level[] before = new ch.qos.logback.classic.Level[loggers.length];
        for (int i = 0; i < loggers.length; i++) {
            before[i] = loggers[i].getLevel();
            loggers[i].setLevel(ch.qos.logback.classic.Level.ERROR);
        }
        return () -> {
            for (int i = 0; i < loggers.length; i++) loggers[i].setLevel(before[i]);
        };
    }

    @Test
    void two_thousand_scheduled_runs_leave_one_context_definition() throws Exception {
        try (VoucherEnv env = new VoucherEnv(); AutoCloseable q = quiet()) {
            env.writeRoster("");
            ScheduledVoucherRun input = new ScheduledVoucherRun("waste-bags", "2026", "ctx-test", null);
            for (int i = 0; i < INVOCATIONS; i++) {
                env.runHandler.handleRequest(input, new LocalLambdaContext("req-" + i, "proactief-voucher-run"));
            }
            assertThat(env.runHandler.getApplicationContext().getBeanDefinitions(Context.class)).hasSizeLessThanOrEqualTo(1);
            assertThat(env.runHandler.getApplicationContext().getBean(Context.class).getAwsRequestId()).isEqualTo("req-" + (INVOCATIONS - 1));
        }
    }

    @Test
    void two_thousand_work_batches_leave_one_context_definition() throws Exception {
        try (VoucherEnv env = new VoucherEnv(); AutoCloseable q = quiet()) {
            // The context is registered on every invocation, whatever the batch holds; the full path of a batch is
            // covered by the scenario tests, so most invocations here carry an empty batch to keep the test short
            // (each real message costs DynamoDB or SQS round trips to the emulators).
            env.sqs.sendMessage(b -> b.queueUrl(env.workQueue()).messageBody("{\"scheme\":\"waste-bags\",\"period\":\"2026\",\"runId\":\"ctx\"}"));
            SQSEvent real = env.sqsEvent(env.sqs.receiveMessage(b -> b.queueUrl(env.workQueue()).maxNumberOfMessages(1)).messages());
            SQSEvent empty = env.sqsEvent(List.of());
            for (int i = 0; i < INVOCATIONS; i++) {
                SQSEvent event = i % 100 == 0 ? real : empty;
                assertThat(env.workHandler.handleRequest(event, new LocalLambdaContext("req-" + i, "proactief-voucher-work"))
                        .getBatchItemFailures()).isEmpty();
            }
            assertThat(env.workHandler.getApplicationContext().getBeanDefinitions(Context.class)).hasSizeLessThanOrEqualTo(1);
            assertThat(env.workHandler.getApplicationContext().getBean(Context.class).getAwsRequestId()).isEqualTo("req-" + (INVOCATIONS - 1));
        }
    }
}

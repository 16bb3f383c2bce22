package be.proactief.function.voucherissuer;

import be.proactief.testkit.ProjectPaths;
import be.proactief.testkit.aws.TemplateEnvironment;
import be.proactief.testkit.lambda.LocalLambdaContext;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.function.aws.MicronautRequestHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On AWS each voucher function starts from its no-arg constructor with only the environment
 * template.yaml gives it: the run has no {@code vouchers} queue, the worker no roster and no
 * {@code voucher-work} queue URL. Both share one jar and one factory.
 */
class TemplateEnvironmentStartTest {

    static VoucherEnv env;

    @BeforeAll
    static void start() {
        env = new VoucherEnv();
    }

    @AfterAll
    static void stop() {
        env.close();
    }

    private static <H extends MicronautRequestHandler<?, ?>> H startAsLambdaWould(String logicalId, Supplier<H> constructor) {
        TemplateEnvironment environment = TemplateEnvironment.of(ProjectPaths.template(), logicalId);
        return TemplateEnvironment.withSystemProperties(environment.only(env.properties()), constructor);
    }

    @Test
    void the_voucher_run_starts_without_the_workers_settings() {
        assertThat(TemplateEnvironment.of(ProjectPaths.template(), "VoucherRunFunction").variables())
                .as("the premise").doesNotContain("PROACTIEF_VOUCHERS_QUEUE_URL");

        VoucherRunHandler handler = startAsLambdaWould("VoucherRunFunction", VoucherRunHandler::new);
        try (handler) {
            env.writeRoster("");
            for (int i = 0; i < 3; i++) {
                assertThat(handler.handleRequest(new ScheduledVoucherRun("waste-bags", "2026", "template-env", null),
                        new LocalLambdaContext("run-" + i, "proactief-voucher-run")).householdsRead()).isZero();
            }
            assertThat(handler.getApplicationContext().getBeanDefinitions(Context.class)).as("the Lambda-context fix").hasSize(1);
        }
    }

    @Test
    void the_voucher_worker_starts_without_the_runs_settings() {
        assertThat(TemplateEnvironment.of(ProjectPaths.template(), "VoucherWorkFunction").variables())
                .as("the premise").doesNotContain("PROACTIEF_VOUCHER_WORK_QUEUE_URL", "PROACTIEF_ROSTER_URL");

        VoucherWorkHandler handler = startAsLambdaWould("VoucherWorkFunction", VoucherWorkHandler::new);
        try (handler) {
            SQSEvent noWork = new SQSEvent();
            noWork.setRecords(List.of());
            for (int i = 0; i < 3; i++) {
                assertThat(handler.handleRequest(noWork, new LocalLambdaContext("work-" + i, "proactief-voucher-work")).getBatchItemFailures()).isEmpty();
            }
            assertThat(handler.getApplicationContext().getBeanDefinitions(Context.class)).as("the Lambda-context fix").hasSize(1);
        }
    }
}

package be.proactief.function.checkapi;

import io.micronaut.context.ApplicationContext;
import io.micronaut.crac.test.CheckpointSimulator;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SnapStartPrimingTest {

    @Test
    void the_checkpoint_hook_reads_dynamodb_primes_the_platform_client_offline_and_sends_two_requests_through_the_function() {
        try (CheckApiStack stack = new CheckApiStack()) {
            Map<String, Object> props = new HashMap<>(stack.properties());
            try (ApplicationContext ctx = ApplicationContext.builder().properties(props).start()) {
                new CheckApiHandler(ctx);
                ctx.getBean(CheckpointSimulator.class).runBeforeCheckpoint();
                assertThat(ctx.getBean(SnapStartPriming.class).timesPrimed()).isEqualTo(1);
                // GET /v1/schemes, and a check with an invalid INSZ answered before any store or platform is asked
                assertThat(ctx.getBean(SnapStartPriming.class).primedStatuses()).containsExactly(200, 400);
                assertThat(stack.magda.callCount()).isZero();
                ctx.getBean(CheckpointSimulator.class).runAfterRestore();
            }
        }
    }
}

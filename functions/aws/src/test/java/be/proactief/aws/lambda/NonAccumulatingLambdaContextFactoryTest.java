package be.proactief.aws.lambda;

import be.proactief.testkit.lambda.LocalLambdaContext;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * micronaut-function-aws 4.11.0 adds a Context bean definition per invocation. With the fix,
 * 10,000 warm invocations leave one; without it (the upstream default), one per invocation.
 */
class NonAccumulatingLambdaContextFactoryTest {

    static final int INVOCATIONS = 10_000;

    /** The thinnest handler: answers with the request id of the Context bean it can see. */
    static class RequestIdHandler extends MicronautRequestHandler<String, String> {
        RequestIdHandler(ApplicationContext ctx) {
            super(ctx);
        }

        @Override
        public String execute(String input) {
            return getApplicationContext().getBean(Context.class).getAwsRequestId();
        }
    }

    private static int contextDefinitionsAfterInvocations(boolean fixEnabled, int invocations) {
        try (ApplicationContext ctx = ApplicationContext.builder()
                .properties(Map.of("proactief.lambda.context-fix.enabled", Boolean.toString(fixEnabled)))
                .build()) {
            RequestIdHandler handler = new RequestIdHandler(ctx);
            for (int i = 0; i < invocations; i++) {
                handler.handleRequest("x", new LocalLambdaContext("req-" + i));
            }
            return ctx.getBeanDefinitions(Context.class).size();
        }
    }

    @Test
    void with_the_fix_ten_thousand_invocations_leave_one_context_definition() {
        assertThat(contextDefinitionsAfterInvocations(true, INVOCATIONS)).isEqualTo(1);
    }

    @Test
    void the_context_bean_is_the_current_invocation() {
        try (ApplicationContext ctx = ApplicationContext.run()) {
            RequestIdHandler handler = new RequestIdHandler(ctx);
            assertThat(handler.handleRequest("x", new LocalLambdaContext("first"))).isEqualTo("first");
            assertThat(handler.handleRequest("x", new LocalLambdaContext("second"))).isEqualTo("second");
        }
    }

    @Test
    void without_the_fix_the_upstream_factory_adds_a_definition_per_invocation() {
        // documents the bug this fix exists for (fewer calls: the upstream cost grows with each one);
        // if upstream fixes it, this test says so
        assertThat(contextDefinitionsAfterInvocations(false, 1_000)).isEqualTo(1_000);
    }
}

package be.proactief.function.checkapi;

import be.proactief.testkit.lambda.LocalLambdaContext;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** check-api carries the Lambda-context fix: 10,000 warm invocations leave one Context bean definition. */
class LambdaContextFixTest {

    static CheckApiStack stack;
    static ApplicationContext context;

    @BeforeAll
    static void start() {
        stack = new CheckApiStack();
        context = stack.context();
    }

    @AfterAll
    static void stop() {
        context.close();
        stack.close();
    }

    @Test
    void ten_thousand_invocations_leave_one_context_definition() {
        CheckApiHandler handler = new CheckApiHandler(context);
        Events events = new Events(context);
        for (int i = 0; i < 10_000; i++) {
            APIGatewayV2HTTPEvent e = events.load("list-schemes.json");
            assertThat(handler.handleRequest(e, new LocalLambdaContext("req-" + i)).getStatusCode()).isEqualTo(200);
        }
        assertThat(handler.getApplicationContext().getBeanDefinitions(Context.class)).hasSizeLessThanOrEqualTo(1);
        assertThat(handler.getApplicationContext().getBean(Context.class).getAwsRequestId()).isEqualTo("req-9999");
    }
}

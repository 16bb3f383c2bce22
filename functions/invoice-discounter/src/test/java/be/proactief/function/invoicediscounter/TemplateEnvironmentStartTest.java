package be.proactief.function.invoicediscounter;

import be.proactief.testkit.ProjectPaths;
import be.proactief.testkit.aws.TemplateEnvironment;
import be.proactief.testkit.lambda.LocalLambdaContext;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** On AWS the function starts from its no-arg constructor, with only the environment template.yaml gives it. */
class TemplateEnvironmentStartTest {

    @Test
    void the_invoice_discounter_starts_with_only_its_template_environment() {
        try (InvoiceStack stack = new InvoiceStack()) {
            TemplateEnvironment environment = TemplateEnvironment.of(ProjectPaths.template(), "InvoiceDiscounterFunction");
            InvoiceDiscounterHandler handler = TemplateEnvironment.withSystemProperties(environment.only(stack.properties()), InvoiceDiscounterHandler::new);
            try (handler) {
                SQSEvent noInvoices = new SQSEvent();
                noInvoices.setRecords(List.of());
                for (int i = 0; i < 3; i++) {
                    assertThat(handler.handleRequest(noInvoices, new LocalLambdaContext("inv-" + i, "proactief-invoice-discounter"))
                            .getBatchItemFailures()).isEmpty();
                }
                assertThat(handler.getApplicationContext().getBeanDefinitions(Context.class)).as("the Lambda-context fix").hasSize(1);
            }
        }
    }
}

package be.proactief.function.invoicediscounter;

import be.proactief.aws.sqs.DeadLetterQueue;
import be.proactief.aws.sqs.SqsMessagePublisher;
import be.proactief.aws.wiring.Settings;
import be.proactief.core.engine.EntitlementEngine;
import be.proactief.core.invoice.InvoiceDiscounter;
import be.proactief.core.messaging.MessagePublisher;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Wires the core's invoice use case and the output queue of this function. */
@Factory
public class InvoiceDiscounterFactory {

    /** Qualifier of the {@link MessagePublisher} onto the discounted-invoices queue. */
    public static final String DISCOUNTED_INVOICES = "discounted-invoices";
    /** The output queue's URL (SAM: {@code !Ref DiscountedInvoicesQueue}). */
    public static final String OUTPUT_QUEUE_URL = "PROACTIEF_DISCOUNTED_INVOICES_QUEUE_URL";

    @Singleton
    @Named(DISCOUNTED_INVOICES)
    MessagePublisher discountedInvoices(SqsClient sqs, Settings settings) {
        String url = settings.get(OUTPUT_QUEUE_URL)
                .orElseThrow(() -> new IllegalStateException(OUTPUT_QUEUE_URL + " is not set (the discounted-invoices queue URL)"));
        return new SqsMessagePublisher(sqs, url);
    }

    /** The invoices DLQ's URL (SAM: {@code !Ref InvoicesDeadLetterQueue}): invalid invoices go there at once. */
    public static final String DLQ_URL = "PROACTIEF_INVOICES_DLQ_URL";

    /** Qualifier of the invoices DLQ (one classpath holds every function locally). */
    public static final String INVOICES_DLQ = "invoices-dlq";

    @Singleton
    @Named(INVOICES_DLQ)
    DeadLetterQueue deadLetterQueue(SqsClient sqs, Settings settings, java.time.Clock clock) {
        String url = settings.get(DLQ_URL).orElseThrow(() -> new IllegalStateException(DLQ_URL + " is not set (the invoices DLQ URL)"));
        return new DeadLetterQueue(sqs, url, "INVOICE_REJECTED", clock);
    }

    @Singleton
    InvoiceDiscounter invoiceDiscounter(EntitlementEngine engine) {
        return new InvoiceDiscounter(engine);
    }
}

package be.proactief.function.invoicediscounter;

import be.proactief.core.invoice.DiscountedInvoice;
import be.proactief.core.invoice.EntitlementUnknownException;
import be.proactief.core.invoice.InvalidInvoiceException;
import be.proactief.core.invoice.InvoiceDiscounter;
import be.proactief.core.messaging.MessagePublisher;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SQS record: read the invoice, discount it (core), send the statement to the
 * discounted-invoices queue with the invoice id (and revision, from 2 on) as deduplication key. A child
 * under REVIEW gets its statement at once ({@code reviewPending}); the record is done. Any exception fails the
 * record: {@link InvalidInvoiceException} (never succeeds; {@code SqsBatch} puts it on the DLQ at once with
 * {@code errorReason INVALID_MESSAGE <why>}) and {@link EntitlementUnknownException} (platform unavailable;
 * retried, nothing sent). {@code SqsBatch} writes the one log line per failure, INSZ masked.
 */
@Singleton
public class InvoiceProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(InvoiceProcessor.class);

    private final InvoiceDiscounter discounter;
    private final InvoiceJson json;
    private final MessagePublisher discountedInvoices;
    private final be.proactief.aws.metrics.Metrics metrics;

    public InvoiceProcessor(InvoiceDiscounter discounter, InvoiceJson json,
                            @Named(InvoiceDiscounterFactory.DISCOUNTED_INVOICES) MessagePublisher discountedInvoices,
                            be.proactief.aws.metrics.Metrics metrics) {
        this.discounter = discounter;
        this.json = json;
        this.discountedInvoices = discountedInvoices;
        this.metrics = metrics;
    }

    public DiscountedInvoice process(SQSEvent.SQSMessage message) {
        DiscountedInvoice statement = discounter.discount(json.read(message.getBody()));
        discountedInvoices.publish(json.write(statement), statement.deduplicationKey());
        java.util.Map<String, Number> counts = new java.util.LinkedHashMap<>();
        counts.put("InvoicesDiscounted", 1);
        counts.put("InvoicesWithDiscount", statement.discountCents() > 0 ? 1 : 0);
        counts.put("DiscountCents", statement.discountCents());
        metrics.emit(java.util.Map.of("Scheme", metrics.scheme(statement.scheme())), counts);
        if (LOG.isDebugEnabled()) {
            LOG.debug("invoice {} period {}: {} {} basis {}, discount {} of {} cents", statement.invoiceId(), statement.period(),
                    statement.decision().outcome(), statement.decision().tier(), statement.decision().basis(),
                    statement.discountCents(), statement.totalCents());
        }
        return statement;
    }
}

package be.proactief.function.invoicediscounter;

import be.proactief.aws.sqs.DeadLetterQueue;
import be.proactief.aws.sqs.SqsBatch;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The invoice-discounter Lambda: a batch of invoices from the {@code invoices} queue in, one
 * discounted statement per valid invoice out on {@code discounted-invoices}, and the records that
 * failed reported in {@code batchItemFailures} (SAM: {@code FunctionResponseTypes: [ReportBatchItemFailures]}),
 * so the others complete. Handler string for SAM:
 * {@code be.proactief.function.invoicediscounter.InvoiceDiscounterHandler::handleRequest}.
 */
public class InvoiceDiscounterHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(InvoiceDiscounterHandler.class);

    @Inject
    InvoiceProcessor processor;
    @Inject
    @jakarta.inject.Named(InvoiceDiscounterFactory.INVOICES_DLQ)
    DeadLetterQueue deadLetters;
    @Inject
    SqsBatch batch;

    public InvoiceDiscounterHandler() {
        super();
    }

    public InvoiceDiscounterHandler(ApplicationContext applicationContext) {
        super(applicationContext);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        SQSBatchResponse response = batch.process(event, processor::process, deadLetters);
        int records = event == null || event.getRecords() == null ? 0 : event.getRecords().size();
        if (records > 0) {
            int failed = response.getBatchItemFailures().size();
            LOG.info("batch of {} invoices: {} discounted, {} failed", records, records - failed, failed);
        }
        return response;
    }
}

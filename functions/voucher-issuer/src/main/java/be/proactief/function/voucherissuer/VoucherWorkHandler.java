package be.proactief.function.voucherissuer;

import be.proactief.aws.lambda.LazySingletons;
import be.proactief.aws.sqs.SqsBatch;
import be.proactief.core.voucher.InvalidWorkItemException;
import be.proactief.core.voucher.VoucherIssuer;
import be.proactief.core.voucher.VoucherTally;
import be.proactief.core.voucher.VoucherWorkItem;
import be.proactief.aws.sqs.DeadLetterQueue;
import be.proactief.function.voucherissuer.queue.WorkMessage;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;

import java.io.IOException;
import java.util.Map;

/**
 * The voucher worker: SQS {@code voucher-work} batches in (ReportBatchItemFailures), each message one
 * household: decide, record fulfilment once, send the voucher or container credit. Handler string
 * for SAM: {@code be.proactief.function.voucherissuer.VoucherWorkHandler::handleRequest}.
 *
 * <ul>
 *   <li>UNKNOWN (platform down) or any other transient failure: the message is reported as failed and
 *       comes back after a growing delay ({@code SqsBatch}); after {@code maxReceiveCount} (20) the redrive
 *       policy moves it to the DLQ. Nothing is dropped.</li>
 *   <li>A message that can never succeed (no members, bad INSZ, unknown zone, not a work message):
 *       straight to the DLQ with its reason, one log line, and the message counts as handled.</li>
 * </ul>
 */
public class VoucherWorkHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

    @Inject
    VoucherIssuer issuer;
    @Inject
    @jakarta.inject.Named(VoucherIssuerFactory.VOUCHER_WORK_DLQ)
    DeadLetterQueue deadLetters;
    @Inject
    SqsBatch batch;
    @Inject
    VoucherReport report;
    @Inject
    JsonMapper json;

    public VoucherWorkHandler() {
        super();
    }

    public VoucherWorkHandler(ApplicationContext applicationContext) {
        super(applicationContext);
    }

    /** Builds only what this handler injects: it does not get the settings of the run (template.yaml). */
    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return LazySingletons.lambdaContextBuilder();
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        long started = System.nanoTime();
        Map<RunKey, VoucherTally> byRun = new java.util.concurrent.ConcurrentHashMap<>(); // the records run concurrently
        SQSBatchResponse response = batch.process(event, message -> {
            VoucherWorkItem item;
            try {
                item = json.readValue(message.getBody(), WorkMessage.class).toItem();
            } catch (IOException | RuntimeException e) {
                // our own messages (IllegalArgumentException) are free of personal data; a parser's might quote the body
                String why = e instanceof IllegalArgumentException ? e.getMessage() : e.getClass().getSimpleName();
                byRun.computeIfAbsent(RunKey.UNKNOWN, k -> new VoucherTally()).reject();
                throw new InvalidWorkItemException("not a voucher work message (" + why + ")");
            }
            VoucherTally tally = byRun.computeIfAbsent(RunKey.of(item), k -> new VoucherTally());
            try {
                tally.issued(issuer.issue(item));
            } catch (InvalidWorkItemException e) {
                tally.reject(); // SqsBatch puts it on the DLQ at once
                throw e;
            } catch (RuntimeException e) {
                tally.retry(); // UNKNOWN, or the vouchers queue unreachable: SQS redelivers; SqsBatch logs one line (INSZ masked)
                throw e;
            }
        }, deadLetters);
        long millis = (System.nanoTime() - started) / 1_000_000;
        byRun.forEach((run, tally) -> report.batch(run.scheme(), run.period(), run.runId(), tally, millis));
        return response;
    }

    /** Which run a message belongs to, so that the batch lines of a yearly run add up apart from a catch-up's. */
    private record RunKey(String scheme, String period, String runId) {
        static final RunKey UNKNOWN = new RunKey("unknown", null, null);

        static RunKey of(VoucherWorkItem item) {
            return new RunKey(item.scheme() == null ? "unknown" : item.scheme(), item.period(), item.runId());
        }
    }
}

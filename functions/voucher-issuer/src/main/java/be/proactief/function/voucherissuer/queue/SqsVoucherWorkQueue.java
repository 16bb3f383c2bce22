package be.proactief.function.voucherissuer.queue;

import be.proactief.core.voucher.VoucherWorkItem;
import be.proactief.core.voucher.VoucherWorkQueue;
import io.micronaut.json.JsonMapper;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link VoucherWorkQueue} on SQS: one SendMessageBatch of up to ten messages per call; entries
 * SQS reports as failed are sent again (three attempts), then the run fails (and is retried by
 * the scheduler; households already enqueued are harmless to enqueue again).
 */
public final class SqsVoucherWorkQueue implements VoucherWorkQueue {

    private static final int ATTEMPTS = 3;

    private final SqsClient sqs;
    private final String queueUrl;
    private final JsonMapper json;

    public SqsVoucherWorkQueue(SqsClient sqs, String queueUrl, JsonMapper json) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.json = json;
    }

    @Override
    public void send(List<VoucherWorkItem> items) {
        if (items.size() > MAX_BATCH) throw new IllegalArgumentException("at most " + MAX_BATCH + " items per batch");
        List<SendMessageBatchRequestEntry> pending = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            try {
                pending.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(json.writeValueAsString(WorkMessage.of(items.get(i)))).build());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write a work message", e);
            }
        }
        String lastError = null;
        for (int attempt = 1; attempt <= ATTEMPTS && !pending.isEmpty(); attempt++) {
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(pending));
            Set<String> failed = new HashSet<>();
            for (BatchResultErrorEntry e : response.failed()) {
                failed.add(e.id());
                lastError = e.code() + " " + e.message();
            }
            pending.removeIf(e -> !failed.contains(e.id()));
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException(pending.size() + " work messages not accepted by the voucher-work queue: " + lastError);
        }
    }
}

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
 * the scheduler; households already enqueued are harmless to enqueue again). An entry SQS refuses
 * as the sender's fault (too large, characters it does not take) can never be sent: it goes to the
 * voucher-work DLQ at once, as {@code {"scheme","period","runId","householdId"}} with {@code errorReason}
 * {@code INVALID_MESSAGE <SQS's code and message>}, and the run goes on.
 */
public final class SqsVoucherWorkQueue implements VoucherWorkQueue {

    private static final int ATTEMPTS = 3;

    private final SqsClient sqs;
    private final String queueUrl;
    private final JsonMapper json;
    private final be.proactief.aws.sqs.DeadLetterQueue dlq;

    public SqsVoucherWorkQueue(SqsClient sqs, String queueUrl, JsonMapper json, be.proactief.aws.sqs.DeadLetterQueue dlq) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.json = json;
        this.dlq = dlq;
    }

    /** SQS's limit for one message, and for the bodies of one SendMessageBatch together. */
    static final int MAX_BYTES = 256 * 1024;

    @Override
    public int send(List<VoucherWorkItem> items) {
        if (items.size() > MAX_BATCH) throw new IllegalArgumentException("at most " + MAX_BATCH + " items per batch");
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String body;
            try {
                body = json.writeValueAsString(WorkMessage.of(items.get(i)));
            } catch (IOException | RuntimeException e) {
                refuse(items.get(i), "it cannot be written as a work message (" + e.getClass().getSimpleName() + ")");
                continue;
            }
            int bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes > MAX_BYTES) {
                refuse(items.get(i), "its work message has " + bytes + " bytes, more than SQS takes (" + MAX_BYTES + ")");
                continue;
            }
            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(body).build());
        }
        // as many to a request as SQS takes together
        List<SendMessageBatchRequestEntry> request = new ArrayList<>();
        int requestBytes = 0;
        int sent = 0;
        for (SendMessageBatchRequestEntry e : entries) {
            int bytes = e.messageBody().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (!request.isEmpty() && requestBytes + bytes > MAX_BYTES) {
                sent += sendAll(items, request);
                request = new ArrayList<>();
                requestBytes = 0;
            }
            request.add(e);
            requestBytes += bytes;
        }
        if (!request.isEmpty()) sent += sendAll(items, request);
        return sent;
    }

    /** @return how many SQS took */
    private int sendAll(List<VoucherWorkItem> items, List<SendMessageBatchRequestEntry> entries) {
        List<SendMessageBatchRequestEntry> pending = new ArrayList<>(entries);
        int refused = 0;
        String lastError = null;
        for (int attempt = 1; attempt <= ATTEMPTS && !pending.isEmpty(); attempt++) {
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(pending));
            Set<String> failed = new HashSet<>();
            for (BatchResultErrorEntry e : response.failed()) {
                if (Boolean.TRUE.equals(e.senderFault())) {
                    // never sendable as it is: retrying cannot help, failing the run would stop every other household
                    refuse(items.get(Integer.parseInt(e.id())), "the voucher-work queue refuses it: " + e.code() + " " + e.message());
                    refused++;
                    continue;
                }
                failed.add(e.id());
                lastError = e.code() + " " + e.message();
            }
            pending.removeIf(e -> !failed.contains(e.id()));
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException(pending.size() + " work messages not accepted by the voucher-work queue: " + lastError);
        }
        return entries.size() - refused;
    }

    /** A household that can never be sent: to the DLQ with why, in a message that can be; the run goes on. */
    private void refuse(VoucherWorkItem item, String why) {
        String id = item.household() == null ? null : item.household().householdId();
        dlq.rejectBody(stub(item), "voucher-run " + item.runId(), "household " + cut(id) + " cannot be put on voucher-work: " + why);
    }

    private static String cut(String id) {
        if (id == null) return "(no id)";
        String shown = be.proactief.core.insz.Insz.redact(id.length() > 100 ? id.substring(0, 100) + "…" : id);
        return shown.replaceAll("[^\\p{Print}]", "?");
    }

    /** What identifies the household's work without what made it unsendable: scheme, period, run and household id (cut, masked). */
    private static String stub(VoucherWorkItem item) {
        java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("scheme", item.scheme());
        fields.put("period", item.period());
        fields.put("runId", item.runId());
        String id = item.household() == null ? null : item.household().householdId();
        fields.put("householdId", id == null ? null : cut(id));
        return be.proactief.aws.audit.Json.object(fields);
    }
}

package be.proactief.core.voucher;

import java.util.List;

/** Where the voucher run puts its work (the {@code voucher-work} SQS queue, sent 10 to a request). */
public interface VoucherWorkQueue {

    /** Maximum items per {@link #send} call (SQS SendMessageBatch takes 10). */
    int MAX_BATCH = 10;

    /**
     * Sends up to {@link #MAX_BATCH} items, one message each; returns when all are accepted, or put aside as never
     * sendable (the adapter's dead-letter queue, with why).
     *
     * @return how many were put on the queue
     * @throws RuntimeException when an item cannot be sent after the adapter's retries
     */
    int send(List<VoucherWorkItem> items);
}

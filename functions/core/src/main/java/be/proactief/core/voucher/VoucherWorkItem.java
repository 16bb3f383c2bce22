package be.proactief.core.voucher;

import java.util.Objects;

/**
 * One household to decide and, if entitled, to issue for: what the voucher run puts on the
 * {@code voucher-work} queue, one household per message (so one faulty household fails alone).
 *
 * <pre>{"scheme":"waste-bags","period":"2027","runId":"yearly-2027-01-15T05:00:00Z",
 *  "household":{"householdId":"HH-000042","members":[{"insz":"…"}],"size":3,"zone":"BAGS","wastePassId":"AFP-00123456"}}</pre>
 *
 * @param runId the run that enqueued it; recorded with the fulfilment, so that a redelivery of
 *              this run's message re-sends the voucher, while a later run does not send it again
 */
public record VoucherWorkItem(String scheme, String period, String runId, RosterEntry household) {
    public VoucherWorkItem {
        Objects.requireNonNull(runId, "runId");
    }
}

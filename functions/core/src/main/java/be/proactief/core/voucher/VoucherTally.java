package be.proactief.core.voucher;

import java.util.LinkedHashMap;
import java.util.Map;

/** Counts of one batch of work items, for the structured log line and the metrics. Thread-safe: a batch's records run concurrently. */
public final class VoucherTally {

    private int households;
    private int entitled;
    private int notEntitled;
    private int review;
    private int vouchers;
    private int credits;
    private int resent;
    private int alreadyFulfilled;
    private int retried;
    private int rejected;
    private int platformCalls;

    public synchronized void issued(VoucherIssuer.Issued issued) {
        households++;
        platformCalls += issued.platformCalls();
        switch (issued.outcome()) {
            case ISSUED -> {
                entitled++;
                if (issued.voucher().kind() == VoucherKind.BAG_VOUCHER) vouchers++;
                else credits++;
            }
            case RESENT -> {
                entitled++;
                resent++;
            }
            case ALREADY_FULFILLED -> {
                entitled++;
                alreadyFulfilled++;
            }
            case NOT_ENTITLED -> notEntitled++;
            case REVIEW -> review++;
        }
    }

    /** UNKNOWN or another transient failure: the item goes back to the queue. */
    public synchronized void retry() {
        households++;
        retried++;
    }

    /** A work item that can never succeed: dead-lettered. */
    public synchronized void reject() {
        households++;
        rejected++;
    }

    public synchronized int households() { return households; }
    public synchronized int entitled() { return entitled; }
    public synchronized int notEntitled() { return notEntitled; }
    public synchronized int review() { return review; }
    public synchronized int vouchers() { return vouchers; }
    public synchronized int credits() { return credits; }
    public synchronized int resent() { return resent; }
    public synchronized int alreadyFulfilled() { return alreadyFulfilled; }
    public synchronized int retried() { return retried; }
    public synchronized int rejected() { return rejected; }
    public synchronized int failed() { return retried + rejected; }
    public synchronized int platformCalls() { return platformCalls; }

    /** The counts by metric name, in a fixed order. */
    public synchronized Map<String, Integer> asMap() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("Households", households);
        m.put("Entitled", entitled);
        m.put("NotEntitled", notEntitled);
        m.put("Review", review);
        m.put("Vouchers", vouchers);
        m.put("Credits", credits);
        m.put("Resent", resent);
        m.put("AlreadyFulfilled", alreadyFulfilled);
        m.put("Failed", failed());
        m.put("Retried", retried);
        m.put("DeadLettered", rejected);
        m.put("PlatformCalls", platformCalls);
        return m;
    }
}

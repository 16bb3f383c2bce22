package be.proactief.core.voucher;

import java.util.LinkedHashMap;
import java.util.Map;

/** Counts of one batch of work items, for the structured log line and the metrics. Not thread-safe. */
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

    public void issued(VoucherIssuer.Issued issued) {
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
    public void retry() {
        households++;
        retried++;
    }

    /** A work item that can never succeed: dead-lettered. */
    public void reject() {
        households++;
        rejected++;
    }

    public int households() { return households; }
    public int entitled() { return entitled; }
    public int notEntitled() { return notEntitled; }
    public int review() { return review; }
    public int vouchers() { return vouchers; }
    public int credits() { return credits; }
    public int resent() { return resent; }
    public int alreadyFulfilled() { return alreadyFulfilled; }
    public int retried() { return retried; }
    public int rejected() { return rejected; }
    public int failed() { return retried + rejected; }
    public int platformCalls() { return platformCalls; }

    /** The counts by metric name, in a fixed order. */
    public Map<String, Integer> asMap() {
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

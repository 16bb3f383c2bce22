package be.proactief.core.invoice;

import be.proactief.core.messaging.RetryLaterException;

import java.time.Duration;

/**
 * The platform could not say whether the child is entitled (UNKNOWN). The invoice is not
 * discounted and nothing is emitted: the message must be retried, never billed at 0 %.
 * The message holds no INSZ.
 */
public final class EntitlementUnknownException extends RetryLaterException {

    private final String invoiceId;

    public EntitlementUnknownException(String invoiceId, String reason, Duration retryAfter) {
        super("invoice " + invoiceId + " not discounted: entitlement unknown (" + reason + "); retry after "
                + (retryAfter == null ? "?" : retryAfter.toSeconds() + " s"), retryAfter);
        this.invoiceId = invoiceId;
    }

    public String invoiceId() {
        return invoiceId;
    }
}

package be.proactief.core.voucher;

import java.time.Duration;

/** The platform could not answer for this household: UNKNOWN, never a refusal; the work item must be retried. */
public class DecisionUnknownException extends RuntimeException {

    private final Duration retryAfter;

    public DecisionUnknownException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}

package be.proactief.core.voucher;

import be.proactief.core.messaging.RetryLaterException;

import java.time.Duration;

/** The platform could not answer for this household: UNKNOWN, never a refusal; the work item must be retried. */
public class DecisionUnknownException extends RetryLaterException {

    public DecisionUnknownException(String message, Duration retryAfter) {
        super(message, retryAfter);
    }
}

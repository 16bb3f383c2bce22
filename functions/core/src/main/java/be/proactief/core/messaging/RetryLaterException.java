package be.proactief.core.messaging;

import java.time.Duration;

/**
 * A message that may well succeed later (the platform could not answer: UNKNOWN): not processed, nothing sent, and
 * to be retried no sooner than {@link #retryAfter()} (the platform's {@code Retry-After}, when it gave one). Never a
 * refusal. The message holds no INSZ.
 */
public class RetryLaterException extends RuntimeException {

    private final Duration retryAfter;

    public RetryLaterException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** @return how long the platform asked us to wait, or {@code null} when it did not say */
    public Duration retryAfter() {
        return retryAfter;
    }
}

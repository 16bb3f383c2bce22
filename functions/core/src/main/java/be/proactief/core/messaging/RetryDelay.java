package be.proactief.core.messaging;

import java.time.Duration;

/**
 * How long a message that failed for now (UNKNOWN) stays out of sight before its next try:
 * {@code max(retryAfter, base × 2^(receives − 1))}, at most {@code cap}; a {@code retryAfter} over the cap is capped
 * too. With the defaults (base 60 s, cap 1 h) and a queue's {@code maxReceiveCount} of 20, a message survives a
 * platform outage of {@link #survivedOutage(int) more than 14 hours} before it reaches a DLQ.
 */
public record RetryDelay(Duration base, Duration cap) {

    public static final Duration DEFAULT_BASE = Duration.ofSeconds(60);
    public static final Duration DEFAULT_CAP = Duration.ofHours(1);
    /**
     * The longest wait: SQS allows a message's visibility at most 12 h from its receipt, and the function has used part
     * of that before it sets it.
     */
    public static final Duration MAX_VISIBILITY = Duration.ofHours(11);

    public RetryDelay {
        if (base == null || base.isNegative() || base.isZero()) throw new IllegalArgumentException("the retry base must be positive, got " + base);
        if (cap == null || cap.compareTo(base) < 0) throw new IllegalArgumentException("the retry cap (" + cap + ") must not be shorter than the base (" + base + ")");
        if (base.compareTo(Duration.ofSeconds(1)) < 0) throw new IllegalArgumentException("the retry base must be at least 1 s (SQS counts whole seconds), got " + base);
        if (cap.compareTo(MAX_VISIBILITY) > 0) throw new IllegalArgumentException("the retry cap may be at most 11 h (SQS allows 12 h from a message's receipt), got " + cap);
    }

    public static RetryDelay defaults() {
        return new RetryDelay(DEFAULT_BASE, DEFAULT_CAP);
    }

    /**
     * @param receives   how often the message has been received, this time included (SQS's
     *                   {@code ApproximateReceiveCount}; below 1 counts as 1)
     * @param retryAfter what the platform asked for, or {@code null}
     */
    public Duration after(int receives, Duration retryAfter) {
        int doublings = Math.max(0, Math.min(receives, 63) - 1);
        Duration backoff = doublings >= 40 ? cap : base.multipliedBy(1L << doublings);
        Duration delay = retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    /** The time a message is kept out of sight over its first {@code maxReceives − 1} failures: how long an outage it survives. */
    public Duration survivedOutage(int maxReceives) {
        Duration total = Duration.ZERO;
        for (int receive = 1; receive < maxReceives; receive++) total = total.plus(after(receive, null));
        return total;
    }
}

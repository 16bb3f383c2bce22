package be.proactief.magda;

import be.proactief.core.platform.PlatformUnavailableException.Reason;

import java.time.Duration;

/**
 * Why one HTTP exchange with MAGDA gave no usable answer, and how the resilience chain treats it:
 * {@code retryable} failures (5xx, connection failure, timeout) are retried; failures that
 * {@code countAgainstPlatform} feed the circuit breaker. Internal to the client: callers see
 * {@link be.proactief.core.platform.PlatformUnavailableException}.
 */
final class AttemptFailure extends Exception {

    /** How long to wait after a transient failure (5xx, connection, timeout) when the platform does not say. */
    static final Duration TRANSIENT_RETRY_AFTER = Duration.ofSeconds(30);
    /** After a reply that asking again soon would not change (4xx, malformed, mismatched). */
    static final Duration PERMANENT_RETRY_AFTER = Duration.ofMinutes(5);
    /** After an Uitzondering FOUT the platform raised itself. */
    static final Duration UITZONDERING_RETRY_AFTER = Duration.ofHours(1);
    /** When every slot for a question is taken. */
    static final Duration TOO_BUSY_RETRY_AFTER = Duration.ofSeconds(1);


    private final Reason reason;
    private final boolean retryable;
    private final boolean countsAgainstPlatform;
    private final Duration retryAfter;

    private AttemptFailure(Reason reason, String message, boolean retryable, boolean countsAgainstPlatform,
                           Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.retryable = retryable;
        this.countsAgainstPlatform = countsAgainstPlatform;
        this.retryAfter = retryAfter;
    }

    /** Retried, and counted by the circuit breaker: the platform or the network is in trouble. */
    static AttemptFailure transientFailure(Reason reason, String message, Duration retryAfter, Throwable cause) {
        return new AttemptFailure(reason, message, true, true, retryAfter, cause);
    }

    /** Not retried (repeating it would give the same result), but counted by the circuit breaker. */
    static AttemptFailure platformFault(Reason reason, String message, Duration retryAfter, Throwable cause) {
        return new AttemptFailure(reason, message, false, true, retryAfter, cause);
    }

    /** Neither retried nor counted: the question itself was refused (HTTP 4xx) or the caller gave up. */
    static AttemptFailure refused(Reason reason, String message, Duration retryAfter, Throwable cause) {
        return new AttemptFailure(reason, message, false, false, retryAfter, cause);
    }

    Reason reason() {
        return reason;
    }

    boolean retryable() {
        return retryable;
    }

    boolean countsAgainstPlatform() {
        return countsAgainstPlatform;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}

package be.proactief.core.platform;

import java.time.Duration;

/**
 * The platform gave no usable answer: down, timed out, HTTP 5xx, circuit open, too busy, a
 * malformed reply, or an Uitzondering of type FOUT. The outcome is UNKNOWN, never a refusal.
 * The message never contains an INSZ.
 */
public class PlatformUnavailableException extends Exception {

    private final Reason reason;
    private final Duration retryAfter;

    public PlatformUnavailableException(Reason reason, String message, Duration retryAfter) {
        this(reason, message, retryAfter, null);
    }

    public PlatformUnavailableException(Reason reason, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.retryAfter = retryAfter == null ? Duration.ofSeconds(60) : retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public enum Reason {
        /** connection refused, reset, DNS, TLS */
        UNREACHABLE,
        /** no answer within the read timeout */
        TIMEOUT,
        /** HTTP 5xx or another unexpected HTTP status */
        HTTP_ERROR,
        /** the reply could not be read as GeefSociaalStatuut 03.00 */
        MALFORMED_REPLY,
        /** the platform answered with an Uitzondering of type FOUT */
        UITZONDERING,
        /** the circuit breaker is open after repeated failures */
        CIRCUIT_OPEN,
        /** too many questions under way at once */
        TOO_BUSY
    }
}

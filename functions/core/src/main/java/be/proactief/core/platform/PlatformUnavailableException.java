package be.proactief.core.platform;

import java.time.Duration;

/**
 * The platform gave no usable answer: down, timed out, HTTP 5xx, circuit open, too busy, a
 * malformed reply, a reply about another person or question, or an Uitzondering of type FOUT that
 * is not about the person (see {@link PlatformCannotDecideException} for those). The outcome is
 * UNKNOWN, never a refusal; {@link Reason#code()} is what the API calls {@code unknownReason}.
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
        UNREACHABLE("PLATFORM_UNAVAILABLE"),
        /** no answer within the read timeout */
        TIMEOUT("TIMEOUT"),
        /** HTTP 5xx or another unexpected HTTP status */
        HTTP_ERROR("PLATFORM_UNAVAILABLE"),
        /** the reply could not be read as GeefSociaalStatuut 03.00 */
        MALFORMED_REPLY("MALFORMED_REPLY"),
        /** the reply is about another INSZ, or answers another question (its Antwoord/Referte) */
        MISMATCHED_REPLY("MISMATCHED_REPLY"),
        /** the platform answered with an Uitzondering of type FOUT that is not about the person */
        UITZONDERING("PLATFORM_ERROR"),
        /** the circuit breaker is open after repeated failures */
        CIRCUIT_OPEN("CIRCUIT_OPEN"),
        /** too many questions under way at once */
        TOO_BUSY("TOO_BUSY");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        /** The public {@code unknownReason}: PLATFORM_UNAVAILABLE, TIMEOUT, MALFORMED_REPLY, MISMATCHED_REPLY, PLATFORM_ERROR, CIRCUIT_OPEN or TOO_BUSY. */
        public String code() {
            return code;
        }
    }
}

package be.proactief.testkit.magda;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Faults the {@link MagdaSimulator} injects on demand, thread-safe. Each fault is armed for the
 * next {@code n} calls or {@link #ALWAYS}; when several are armed, one call triggers (and uses up)
 * only the first in this order: TIMEOUT, HTTP_ERROR, MALFORMED_REPLY, OVERSIZED_REPLY, DEEP_REPLY, UITZONDERING, WAARSCHUWING.
 * Added latency applies to every call on top of that.
 *
 * <ul>
 *   <li>{@code TIMEOUT}: the simulator holds the call for {@link #timeoutHold()} (30 s by default,
 *       longer than any client read timeout) and then drops it; closing the simulator ends the wait;</li>
 *   <li>{@code HTTP_ERROR}: HTTP 500 (or another status) with a SOAP Fault;</li>
 *   <li>{@code MALFORMED_REPLY}: HTTP 200 with a truncated, not well-formed body;</li>
 *   <li>{@code OVERSIZED_REPLY}: HTTP 200 with a well-formed body of 1.5 MiB;</li>
 *   <li>{@code DEEP_REPLY}: HTTP 200 with elements nested 20,000 deep;</li>
 *   <li>{@code UITZONDERING}: a proper answer carrying an Uitzondering (MAGDA error element) of type FOUT
 *       instead of the statuses;</li>
 *   <li>{@code WAARSCHUWING}: the normal answer plus an Uitzondering of type WAARSCHUWING (warning).</li>
 * </ul>
 */
public final class SimulatorFaults {

    /** Arm a fault for every call until {@link #reset()}. */
    public static final int ALWAYS = -1;

    /** The kinds of fault, in the order they take precedence. */
    public enum Kind { TIMEOUT, HTTP_ERROR, MALFORMED_REPLY, OVERSIZED_REPLY, DEEP_REPLY, UITZONDERING, WAARSCHUWING }

    /** A fault that fires on one call. */
    public record Armed(Kind kind, int httpStatus) {
    }

    private final Map<Kind, Integer> remaining = new EnumMap<>(Kind.class);
    private int httpStatus = 500;
    private Duration latency = Duration.ZERO;
    private Duration timeoutHold = Duration.ofSeconds(30);

    SimulatorFaults() {
        reset();
    }

    /** Adds {@code delay} before every answer (zero to switch off). */
    public synchronized SimulatorFaults latency(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) throw new IllegalArgumentException("latency must not be negative");
        this.latency = delay;
        return this;
    }

    /** HTTP 500 with a SOAP Fault for the next {@code times} calls, or {@link #ALWAYS}. */
    public SimulatorFaults http500(int times) {
        return httpError(500, times);
    }

    /** HTTP {@code status} (400–599) for the next {@code times} calls, or {@link #ALWAYS}. */
    public synchronized SimulatorFaults httpError(int status, int times) {
        if (status < 400 || status > 599) throw new IllegalArgumentException("HTTP error status must be 400–599, got " + status);
        this.httpStatus = status;
        return inject(Kind.HTTP_ERROR, times);
    }

    /** Holds the next {@code times} calls past any client timeout, or {@link #ALWAYS}. */
    public SimulatorFaults timeout(int times) {
        return inject(Kind.TIMEOUT, times);
    }

    /** An Uitzondering FOUT instead of an answer for the next {@code times} calls, or {@link #ALWAYS}. */
    public SimulatorFaults uitzondering(int times) {
        return inject(Kind.UITZONDERING, times);
    }

    /** An Uitzondering WAARSCHUWING alongside the answer for the next {@code times} calls, or {@link #ALWAYS}. */
    public SimulatorFaults waarschuwing(int times) {
        return inject(Kind.WAARSCHUWING, times);
    }

    /** A body that is not well-formed XML for the next {@code times} calls, or {@link #ALWAYS}. */
    public SimulatorFaults malformedReply(int times) {
        return inject(Kind.MALFORMED_REPLY, times);
    }

    /** Arms {@code kind} for the next {@code times} calls ({@code 0} disarms it) or {@link #ALWAYS}. */
    public synchronized SimulatorFaults inject(Kind kind, int times) {
        Objects.requireNonNull(kind, "kind");
        if (times < ALWAYS) throw new IllegalArgumentException("times must be a count ≥ 0 or ALWAYS, got " + times);
        remaining.put(kind, times);
        return this;
    }

    /** How long a TIMEOUT fault holds a call (30 s by default). */
    public synchronized SimulatorFaults timeoutHold(Duration hold) {
        Objects.requireNonNull(hold, "hold");
        if (hold.isNegative() || hold.isZero()) throw new IllegalArgumentException("timeout hold must be positive");
        this.timeoutHold = hold;
        return this;
    }

    /** Disarms every fault and removes the latency. */
    public synchronized void reset() {
        for (Kind k : Kind.values()) remaining.put(k, 0);
        httpStatus = 500;
        latency = Duration.ZERO;
        timeoutHold = Duration.ofSeconds(30);
    }

    public synchronized Duration latency() {
        return latency;
    }

    public synchronized Duration timeoutHold() {
        return timeoutHold;
    }

    /** Whether any fault is armed or latency set. */
    public synchronized boolean active() {
        return !latency.isZero() || remaining.values().stream().anyMatch(n -> n != 0);
    }

    /** The fault for this call, if any, using up one of its count. */
    synchronized Optional<Armed> next() {
        for (Kind k : Kind.values()) {
            int n = remaining.get(k);
            if (n == 0) continue;
            if (n > 0) remaining.put(k, n - 1);
            return Optional.of(new Armed(k, httpStatus));
        }
        return Optional.empty();
    }

    /** The armed faults as a JSON object, for the admin endpoint. */
    public synchronized String toJson() {
        StringBuilder json = new StringBuilder("{\"latencyMs\":").append(latency.toMillis())
                .append(",\"httpStatus\":").append(httpStatus)
                .append(",\"timeoutHoldMs\":").append(timeoutHold.toMillis())
                .append(",\"armed\":{");
        boolean first = true;
        for (Kind k : Kind.values()) {
            int n = remaining.get(k);
            if (n == 0) continue;
            if (!first) json.append(',');
            json.append('"').append(k).append("\":").append(n == ALWAYS ? "\"always\"" : String.valueOf(n));
            first = false;
        }
        return json.append("}}").toString();
    }

    /**
     * Applies admin parameters: {@code fault} (TIMEOUT, HTTP_ERROR, HTTP_500, MALFORMED_REPLY, OVERSIZED_REPLY, DEEP_REPLY, UITZONDERING,
     * WAARSCHUWING), {@code times} (a count or {@code always}, the default), {@code status} (for HTTP_ERROR),
     * {@code latencyMs}, {@code timeoutHoldMs}.
     *
     * @throws IllegalArgumentException naming the wrong parameter
     */
    synchronized void apply(Map<String, String> params) {
        if (params.containsKey("latencyMs")) latency(Duration.ofMillis(parseCount(params.get("latencyMs"), "latencyMs")));
        if (params.containsKey("timeoutHoldMs")) timeoutHold(Duration.ofMillis(parseCount(params.get("timeoutHoldMs"), "timeoutHoldMs")));
        String fault = params.get("fault");
        if (fault == null) {
            if (!params.containsKey("latencyMs") && !params.containsKey("timeoutHoldMs")) {
                throw new IllegalArgumentException("give 'fault' (TIMEOUT, HTTP_ERROR, HTTP_500, MALFORMED_REPLY, OVERSIZED_REPLY, DEEP_REPLY, "
                        + "UITZONDERING, WAARSCHUWING), 'latencyMs' or 'timeoutHoldMs'");
            }
            return;
        }
        String t = params.getOrDefault("times", "always").strip().toLowerCase(Locale.ROOT);
        int times = t.equals("always") ? ALWAYS : parseCount(t, "times");
        String name = fault.strip().toUpperCase(Locale.ROOT);
        if (name.equals("HTTP_500")) {
            http500(times);
        } else if (name.equals("HTTP_ERROR")) {
            httpError(params.containsKey("status") ? parseCount(params.get("status"), "status") : 500, times);
        } else {
            try {
                inject(Kind.valueOf(name), times);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown fault '" + fault + "'");
            }
        }
    }

    private static int parseCount(String value, String name) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("'" + name + "' must be a whole number ≥ 0, got '" + value + "'");
        }
    }
}

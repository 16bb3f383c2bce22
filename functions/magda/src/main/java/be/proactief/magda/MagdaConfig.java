package be.proactief.aws.magda;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How the city talks to MAGDA GeefSociaalStatuut 03.00.
 *
 * <p>Dutch terms: the <em>Afzender</em> (sender) is the city's application as MAGDA knows it,
 * identified by {@code senderIdentification}; its <em>Hoedanigheid</em> (capacity) is the legal
 * basis code under which the city may ask; every message carries a <em>Referte</em> (reference),
 * here {@code referencePrefix} followed by a fresh UUID.
 *
 * <p>Start from {@link #defaults(URI, String, String)} or {@link #fromEnvironment(Map)} and adjust
 * with the {@code with…} methods. Defaults: connect timeout 2 s, read timeout 5 s, 3 attempts with
 * ~100 ms exponential backoff and random jitter, a circuit breaker opening at 50 % failures over
 * the last 20 calls (at least 10) for 30 s, at most 16 questions under way with 50 ms wait.
 *
 * @param endpoint             the SOAP endpoint (https in production; mTLS when {@code keyStore} is set)
 * @param senderIdentification Afzender/Identificatie, e.g. {@code gent.be/ovo002949/proactief}
 * @param hoedanigheid         Afzender/Hoedanigheid: the capacity code granted to the city
 * @param referencePrefix      prefix of every Afzender/Referte (may be empty, at most 20 characters)
 * @param soapAction           value of the SOAPAction header (sent quoted; empty by default)
 * @param connectTimeout       time to set up the connection (TCP + TLS)
 * @param readTimeout          time from sending the question to the complete answer
 * @param retry                bounded retries of transient failures
 * @param circuitBreaker       when to stop asking a failing platform
 * @param bulkhead             how many questions may be under way at once
 * @param keyStore             client certificate for mTLS, or {@code null}
 * @param trustStore           trusted platform certificates, or {@code null} for the JDK defaults
 */
public record MagdaConfig(
        URI endpoint,
        String senderIdentification,
        String hoedanigheid,
        String referencePrefix,
        String soapAction,
        Duration connectTimeout,
        Duration readTimeout,
        RetrySettings retry,
        CircuitBreakerSettings circuitBreaker,
        BulkheadSettings bulkhead,
        StoreRef keyStore,
        StoreRef trustStore) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);
    static final int MAX_PREFIX_LENGTH = 20;

    public MagdaConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        if (!endpoint.isAbsolute() || !("http".equalsIgnoreCase(endpoint.getScheme()) || "https".equalsIgnoreCase(endpoint.getScheme()))) {
            throw new IllegalArgumentException("MAGDA endpoint must be an absolute http(s) URI, got '" + endpoint + "'");
        }
        senderIdentification = requireText(senderIdentification, "senderIdentification (Afzender/Identificatie)");
        hoedanigheid = requireText(hoedanigheid, "hoedanigheid (Afzender/Hoedanigheid)");
        referencePrefix = referencePrefix == null ? "" : referencePrefix.strip();
        if (referencePrefix.length() > MAX_PREFIX_LENGTH) {
            throw new IllegalArgumentException("referencePrefix must have at most " + MAX_PREFIX_LENGTH + " characters");
        }
        soapAction = soapAction == null ? "" : soapAction.strip();
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(circuitBreaker, "circuitBreaker");
        Objects.requireNonNull(bulkhead, "bulkhead");
        if (keyStore != null && !"https".equalsIgnoreCase(endpoint.getScheme())) {
            throw new IllegalArgumentException("a client keystore (mTLS) needs an https endpoint, got '" + endpoint + "'");
        }
    }

    /** The defaults described on the class, for one endpoint and sender. */
    public static MagdaConfig defaults(URI endpoint, String senderIdentification, String hoedanigheid) {
        return new MagdaConfig(endpoint, senderIdentification, hoedanigheid, "", "",
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT,
                RetrySettings.defaults(), CircuitBreakerSettings.defaults(), BulkheadSettings.defaults(),
                null, null);
    }

    public MagdaConfig withTimeouts(Duration connect, Duration read) {
        return new MagdaConfig(endpoint, senderIdentification, hoedanigheid, referencePrefix, soapAction,
                connect, read, retry, circuitBreaker, bulkhead, keyStore, trustStore);
    }

    public MagdaConfig withRetry(RetrySettings newRetry) {
        return new MagdaConfig(endpoint, senderIdentification, hoedanigheid, referencePrefix, soapAction,
                connectTimeout, readTimeout, newRetry, circuitBreaker, bulkhead, keyStore, trustStore);
    }

    public MagdaConfig withCircuitBreaker(CircuitBreakerSettings newCircuitBreaker) {
        return new MagdaConfig(endpoint, senderIdentification, hoedanigheid, referencePrefix, soapAction,
                connectTimeout, readTimeout, retry, newCircuitBreaker, bulkhead, keyStore, trustStore);
    }

    public MagdaConfig withBulkhead(BulkheadSettings newBulkhead) {
        return new MagdaConfig(endpoint, senderIdentification, hoedanigheid, referencePrefix, soapAction,
                connectTimeout, readTimeout, retry, circuitBreaker, newBulkhead, keyStore, trustStore);
    }

    public MagdaConfig withReferencePrefix(String prefix) {
        return new MagdaConfig(endpoint, senderIdentification, hoedanigheid, prefix, soapAction,
                connectTimeout, readTimeout, retry, circuitBreaker, bulkhead, keyStore, trustStore);
    }

    public MagdaConfig withSoapAction(String action) {
        return new MagdaConfig(endpoint, senderIdentification, hoedanigheid, referencePrefix, action,
                connectTimeout, readTimeout, retry, circuitBreaker, bulkhead, keyStore, trustStore);
    }

    public MagdaConfig withTls(StoreRef newKeyStore, StoreRef newTrustStore) {
        return new MagdaConfig(endpoint, senderIdentification, hoedanigheid, referencePrefix, soapAction,
                connectTimeout, readTimeout, retry, circuitBreaker, bulkhead, newKeyStore, newTrustStore);
    }

    /** Whether the client presents a certificate (mutual TLS). */
    public boolean mutualTls() {
        return keyStore != null;
    }

    /**
     * Reads the configuration from environment variables (pass {@code System.getenv()}).
     *
     * <table>
     *   <caption>variables</caption>
     *   <tr><td>MAGDA_ENDPOINT</td><td>required, absolute http(s) URI</td></tr>
     *   <tr><td>MAGDA_SENDER_ID</td><td>required, Afzender/Identificatie</td></tr>
     *   <tr><td>MAGDA_HOEDANIGHEID</td><td>required, Afzender/Hoedanigheid</td></tr>
     *   <tr><td>MAGDA_REFERENCE_PREFIX, MAGDA_SOAP_ACTION</td><td>optional text</td></tr>
     *   <tr><td>MAGDA_CONNECT_TIMEOUT, MAGDA_READ_TIMEOUT, MAGDA_RETRY_BACKOFF, MAGDA_CIRCUIT_OPEN_DURATION,
     *       MAGDA_BULKHEAD_MAX_WAIT</td><td>durations: {@code 500ms}, {@code 5s}, {@code 1m} or ISO-8601 {@code PT5S}</td></tr>
     *   <tr><td>MAGDA_MAX_ATTEMPTS, MAGDA_MAX_CONCURRENT_CALLS, MAGDA_CIRCUIT_WINDOW, MAGDA_CIRCUIT_MIN_CALLS</td><td>positive integers</td></tr>
     *   <tr><td>MAGDA_CIRCUIT_FAILURE_RATE</td><td>percentage, 1–100</td></tr>
     *   <tr><td>MAGDA_KEYSTORE, MAGDA_KEYSTORE_PASSWORD, MAGDA_KEYSTORE_TYPE</td><td>client certificate (PKCS12 or JKS; type from the file extension when absent)</td></tr>
     *   <tr><td>MAGDA_TRUSTSTORE, MAGDA_TRUSTSTORE_PASSWORD, MAGDA_TRUSTSTORE_TYPE</td><td>trusted certificates</td></tr>
     * </table>
     *
     * @throws IllegalArgumentException naming every variable that is missing or wrong (never echoing passwords)
     */
    public static MagdaConfig fromEnvironment(Map<String, String> env) {
        EnvReader in = new EnvReader(env);
        URI endpoint = in.uri("MAGDA_ENDPOINT");
        String sender = in.required("MAGDA_SENDER_ID");
        String hoedanigheid = in.required("MAGDA_HOEDANIGHEID");
        String prefix = in.optional("MAGDA_REFERENCE_PREFIX", "");
        if (prefix.length() > MAX_PREFIX_LENGTH) {
            in.problem("MAGDA_REFERENCE_PREFIX: at most " + MAX_PREFIX_LENGTH + " characters, got " + prefix.length());
        }
        String soapAction = in.optional("MAGDA_SOAP_ACTION", "");
        Duration connect = in.duration("MAGDA_CONNECT_TIMEOUT", DEFAULT_CONNECT_TIMEOUT);
        Duration read = in.duration("MAGDA_READ_TIMEOUT", DEFAULT_READ_TIMEOUT);

        RetrySettings retryDefaults = RetrySettings.defaults();
        int attempts = in.positiveInt("MAGDA_MAX_ATTEMPTS", retryDefaults.maxAttempts());
        Duration backoff = in.duration("MAGDA_RETRY_BACKOFF", retryDefaults.baseBackoff());

        CircuitBreakerSettings cbDefaults = CircuitBreakerSettings.defaults();
        int rate = in.positiveInt("MAGDA_CIRCUIT_FAILURE_RATE", Math.round(cbDefaults.failureRatePercent()));
        if (rate > 100) in.problem("MAGDA_CIRCUIT_FAILURE_RATE: a percentage from 1 to 100, got " + rate);
        int window = in.positiveInt("MAGDA_CIRCUIT_WINDOW", cbDefaults.slidingWindowSize());
        int minCalls = in.positiveInt("MAGDA_CIRCUIT_MIN_CALLS", cbDefaults.minimumNumberOfCalls());
        Duration open = in.duration("MAGDA_CIRCUIT_OPEN_DURATION", cbDefaults.openDuration());

        BulkheadSettings bhDefaults = BulkheadSettings.defaults();
        int concurrent = in.positiveInt("MAGDA_MAX_CONCURRENT_CALLS", bhDefaults.maxConcurrentCalls());
        Duration maxWait = in.duration("MAGDA_BULKHEAD_MAX_WAIT", bhDefaults.maxWait());

        StoreRef keyStore = in.store("MAGDA_KEYSTORE");
        StoreRef trustStore = in.store("MAGDA_TRUSTSTORE");
        if (keyStore != null && endpoint != null && !"https".equalsIgnoreCase(endpoint.getScheme())) {
            in.problem("MAGDA_KEYSTORE is set (mTLS) but MAGDA_ENDPOINT is not https");
        }
        in.failOnProblems();
        try {
            return new MagdaConfig(endpoint, sender, hoedanigheid, prefix, soapAction, connect, read,
                    new RetrySettings(attempts, backoff, retryDefaults.multiplier(), retryDefaults.jitter()),
                    new CircuitBreakerSettings(rate, window, minCalls, open, cbDefaults.permittedCallsWhenHalfOpen()),
                    new BulkheadSettings(concurrent, maxWait),
                    keyStore, trustStore);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("MAGDA configuration is invalid: " + e.getMessage(), e);
        }
    }

    /**
     * Bounded retries of transient failures (HTTP 5xx, connection failures, timeouts).
     *
     * @param maxAttempts total attempts including the first (1 = no retry)
     * @param baseBackoff wait before the first retry; doubled ({@code multiplier}) for each next one
     * @param multiplier  growth of the wait per retry
     * @param jitter      random spread of each wait, 0–1 (0.5 = ±50 %)
     */
    public record RetrySettings(int maxAttempts, Duration baseBackoff, double multiplier, double jitter) {
        public RetrySettings {
            if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
            requirePositive(baseBackoff, "baseBackoff");
            if (multiplier < 1.0) throw new IllegalArgumentException("backoff multiplier must be at least 1, got " + multiplier);
            if (jitter < 0.0 || jitter >= 1.0) throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
        }

        public static RetrySettings defaults() {
            return new RetrySettings(3, Duration.ofMillis(100), 2.0, 0.5);
        }

        public static RetrySettings attempts(int maxAttempts, Duration baseBackoff) {
            return new RetrySettings(maxAttempts, baseBackoff, 2.0, 0.5);
        }
    }

    /**
     * When to stop asking a failing platform: the circuit opens when at least
     * {@code failureRatePercent} of the last {@code slidingWindowSize} calls failed (once
     * {@code minimumNumberOfCalls} were made), stays open for {@code openDuration}, then lets
     * {@code permittedCallsWhenHalfOpen} trial calls through.
     */
    public record CircuitBreakerSettings(float failureRatePercent, int slidingWindowSize, int minimumNumberOfCalls,
                                         Duration openDuration, int permittedCallsWhenHalfOpen) {
        public CircuitBreakerSettings {
            if (failureRatePercent <= 0 || failureRatePercent > 100) {
                throw new IllegalArgumentException("failureRatePercent must be in (0, 100], got " + failureRatePercent);
            }
            if (slidingWindowSize < 1) throw new IllegalArgumentException("slidingWindowSize must be at least 1");
            if (minimumNumberOfCalls < 1) throw new IllegalArgumentException("minimumNumberOfCalls must be at least 1");
            requirePositive(openDuration, "openDuration");
            if (permittedCallsWhenHalfOpen < 1) throw new IllegalArgumentException("permittedCallsWhenHalfOpen must be at least 1");
        }

        public static CircuitBreakerSettings defaults() {
            return new CircuitBreakerSettings(50f, 20, 10, Duration.ofSeconds(30), 3);
        }
    }

    /** At most {@code maxConcurrentCalls} questions under way; a caller waits at most {@code maxWait} for a slot. */
    public record BulkheadSettings(int maxConcurrentCalls, Duration maxWait) {
        public BulkheadSettings {
            if (maxConcurrentCalls < 1) throw new IllegalArgumentException("maxConcurrentCalls must be at least 1, got " + maxConcurrentCalls);
            Objects.requireNonNull(maxWait, "maxWait");
            if (maxWait.isNegative()) throw new IllegalArgumentException("maxWait must not be negative");
        }

        public static BulkheadSettings defaults() {
            return new BulkheadSettings(16, Duration.ofMillis(50));
        }
    }

    /**
     * A key or trust store on disk.
     *
     * @param type {@code PKCS12} or {@code JKS}
     */
    public record StoreRef(Path path, String password, String type) {
        public StoreRef {
            Objects.requireNonNull(path, "path");
            password = password == null ? "" : password;
            type = type == null || type.isBlank() ? typeFromExtension(path) : type.strip().toUpperCase(Locale.ROOT);
            if (!type.equals("PKCS12") && !type.equals("JKS")) {
                throw new IllegalArgumentException("store type must be PKCS12 or JKS, got '" + type + "'");
            }
        }

        static String typeFromExtension(Path path) {
            String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.endsWith(".jks") ? "JKS" : "PKCS12";
        }

        /** Never shows the password. */
        @Override
        public String toString() {
            return "StoreRef[path=" + path + ", type=" + type + ", password=" + (password.isEmpty() ? "none" : "****") + "]";
        }
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(what + " is missing");
        return value.strip();
    }

    private static void requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(what + " must be positive, got " + d);
    }

    /** Reads variables and collects every problem, so one error names them all. */
    private static final class EnvReader {
        private final Map<String, String> env;
        private final List<String> problems = new ArrayList<>();

        EnvReader(Map<String, String> env) {
            this.env = Objects.requireNonNull(env, "env");
        }

        void problem(String p) {
            problems.add(p);
        }

        void failOnProblems() {
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("MAGDA configuration is invalid: " + String.join("; ", problems));
            }
        }

        private String raw(String name) {
            String v = env.get(name);
            return v == null || v.isBlank() ? null : v.strip();
        }

        String required(String name) {
            String v = raw(name);
            if (v == null) problem(name + " is missing");
            return v;
        }

        String optional(String name, String fallback) {
            String v = raw(name);
            return v == null ? fallback : v;
        }

        URI uri(String name) {
            String v = required(name);
            if (v == null) return null;
            try {
                URI uri = new URI(v);
                if (!uri.isAbsolute() || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                    problem(name + ": '" + v + "' is not an absolute http(s) URI");
                    return null;
                }
                return uri;
            } catch (Exception e) {
                problem(name + ": '" + v + "' is not a URI (" + e.getMessage() + ")");
                return null;
            }
        }

        int positiveInt(String name, int fallback) {
            String v = raw(name);
            if (v == null) return fallback;
            try {
                int i = Integer.parseInt(v);
                if (i < 1) {
                    problem(name + ": must be a positive whole number, got " + v);
                    return fallback;
                }
                return i;
            } catch (NumberFormatException e) {
                problem(name + ": '" + v + "' is not a whole number");
                return fallback;
            }
        }

        Duration duration(String name, Duration fallback) {
            String v = raw(name);
            if (v == null) return fallback;
            Duration d = be.proactief.core.settings.DurationText.parse(v).orElse(null);
            if (d == null || d.isNegative() || (d.isZero() && !name.equals("MAGDA_BULKHEAD_MAX_WAIT"))) {
                problem(name + ": '" + v + "' is not a positive duration (use " + be.proactief.core.settings.DurationText.FORMS + ")");
                return fallback;
            }
            return d;
        }

        StoreRef store(String prefix) {
            String path = raw(prefix);
            String password = raw(prefix + "_PASSWORD");
            String type = raw(prefix + "_TYPE");
            if (path == null) {
                if (password != null || type != null) problem(prefix + "_PASSWORD or " + prefix + "_TYPE is set but " + prefix + " is missing");
                return null;
            }
            Path p = Path.of(path);
            if (!Files.isReadable(p)) {
                problem(prefix + ": file '" + path + "' does not exist or cannot be read");
                return null;
            }
            try {
                return new StoreRef(p, password, type);
            } catch (IllegalArgumentException e) {
                problem(prefix + "_TYPE: " + e.getMessage());
                return null;
            }
        }
    }
}

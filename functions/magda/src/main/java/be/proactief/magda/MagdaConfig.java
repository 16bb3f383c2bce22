package be.proactief.magda;

import be.proactief.core.platform.PlatformRegistration;

import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How the city talks to MAGDA GeefSociaalStatuut 03.00.
 *
 * <p>Dutch terms: the <em>Afzender</em> (sender) is the city's application as MAGDA knows it,
 * identified by its {@link PlatformRegistration registration}'s {@code identificatie}; its <em>Hoedanigheid</em>
 * (capacity) is the legal basis code under which the city may ask; every message carries a <em>Referte</em>
 * (reference), here {@code referencePrefix} followed by a fresh UUID.
 *
 * <p>Start from {@link #defaults(URI, String, String)} or {@link MagdaSettings#fromEnvironment} and adjust with
 * {@link #toBuilder()} or the {@code with…} methods. Defaults: connect timeout 2 s, read timeout 5 s, 3 attempts with
 * ~100 ms exponential backoff and random jitter, a circuit breaker opening at 50 % failures over
 * the last 20 calls (at least 10) for 30 s, at most 16 questions under way with 50 ms wait, RSA-SHA256 signatures.
 *
 * @param endpoint             the SOAP endpoint (https in production; mutual TLS when {@code keyStore} is set)
 * @param registration         the default Afzender Identificatie and Hoedanigheid (a scheme may have its own)
 * @param referencePrefix      prefix of every Afzender/Referte (may be empty, at most 20 characters)
 * @param soapAction           value of the SOAPAction header (sent quoted; empty by default)
 * @param connectTimeout       time to set up the connection (TCP + TLS)
 * @param readTimeout          time from sending the question to the complete answer
 * @param retry                bounded retries of transient failures
 * @param circuitBreaker       when to stop asking a failing platform
 * @param bulkhead             how many questions may be under way at once
 * @param keyStore             the city's key and certificate: mutual TLS on https, and the WS-Security signature of
 *                             every request whatever the transport; {@code null}: requests go unsigned
 * @param trustStore           trusted platform certificates for TLS, or {@code null} for the JDK defaults
 * @param signatureAlgorithm   RSA-SHA256, or RSA-SHA1 as MAGDA's own connector signs
 * @param platformCertificate  when set, every reply must carry a valid signature by it (else UNKNOWN)
 */
public record MagdaConfig(
        URI endpoint,
        PlatformRegistration registration,
        String referencePrefix,
        String soapAction,
        Duration connectTimeout,
        Duration readTimeout,
        RetrySettings retry,
        CircuitBreakerSettings circuitBreaker,
        BulkheadSettings bulkhead,
        KeyMaterial keyStore,
        StoreRef trustStore,
        WsSecuritySigner.Algorithm signatureAlgorithm,
        X509Certificate platformCertificate) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);
    static final int MAX_PREFIX_LENGTH = 20;

    public MagdaConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        if (!endpoint.isAbsolute() || !("http".equalsIgnoreCase(endpoint.getScheme()) || "https".equalsIgnoreCase(endpoint.getScheme()))) {
            throw new IllegalArgumentException("MAGDA endpoint must be an absolute http(s) URI, got '" + endpoint + "'");
        }
        Objects.requireNonNull(registration, "registration (Afzender/Identificatie and Hoedanigheid)");
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
        signatureAlgorithm = signatureAlgorithm == null ? WsSecuritySigner.Algorithm.RSA_SHA256 : signatureAlgorithm;
    }

    /** The defaults described on the class, for one endpoint and sender. */
    public static MagdaConfig defaults(URI endpoint, String senderIdentification, String hoedanigheid) {
        return new MagdaConfig(endpoint, new PlatformRegistration(senderIdentification, hoedanigheid), "", "",
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT,
                RetrySettings.defaults(), CircuitBreakerSettings.defaults(), BulkheadSettings.defaults(),
                null, null, WsSecuritySigner.Algorithm.RSA_SHA256, null);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public MagdaConfig withTimeouts(Duration connect, Duration read) {
        return toBuilder().connectTimeout(connect).readTimeout(read).build();
    }

    public MagdaConfig withRetry(RetrySettings newRetry) {
        return toBuilder().retry(newRetry).build();
    }

    public MagdaConfig withCircuitBreaker(CircuitBreakerSettings newCircuitBreaker) {
        return toBuilder().circuitBreaker(newCircuitBreaker).build();
    }

    public MagdaConfig withBulkhead(BulkheadSettings newBulkhead) {
        return toBuilder().bulkhead(newBulkhead).build();
    }

    public MagdaConfig withReferencePrefix(String prefix) {
        return toBuilder().referencePrefix(prefix).build();
    }

    public MagdaConfig withSoapAction(String action) {
        return toBuilder().soapAction(action).build();
    }

    public MagdaConfig withTls(KeyMaterial newKeyStore, StoreRef newTrustStore) {
        return toBuilder().keyStore(newKeyStore).trustStore(newTrustStore).build();
    }

    /** Whether the client presents a certificate on https (mutual TLS). */
    public boolean mutualTls() {
        return keyStore != null && "https".equalsIgnoreCase(endpoint.getScheme());
    }

    /** Whether every request carries a WS-Security signature. */
    public boolean signsRequests() {
        return keyStore != null;
    }

    /** A copy with some parts changed; the record's constructor checks the result. */
    public static final class Builder {
        private URI endpoint;
        private PlatformRegistration registration;
        private String referencePrefix;
        private String soapAction;
        private Duration connectTimeout;
        private Duration readTimeout;
        private RetrySettings retry;
        private CircuitBreakerSettings circuitBreaker;
        private BulkheadSettings bulkhead;
        private KeyMaterial keyStore;
        private StoreRef trustStore;
        private WsSecuritySigner.Algorithm signatureAlgorithm;
        private X509Certificate platformCertificate;

        private Builder(MagdaConfig c) {
            endpoint = c.endpoint;
            registration = c.registration;
            referencePrefix = c.referencePrefix;
            soapAction = c.soapAction;
            connectTimeout = c.connectTimeout;
            readTimeout = c.readTimeout;
            retry = c.retry;
            circuitBreaker = c.circuitBreaker;
            bulkhead = c.bulkhead;
            keyStore = c.keyStore;
            trustStore = c.trustStore;
            signatureAlgorithm = c.signatureAlgorithm;
            platformCertificate = c.platformCertificate;
        }

        public Builder endpoint(URI v) { endpoint = v; return this; }
        public Builder registration(PlatformRegistration v) { registration = v; return this; }
        public Builder referencePrefix(String v) { referencePrefix = v; return this; }
        public Builder soapAction(String v) { soapAction = v; return this; }
        public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }
        public Builder readTimeout(Duration v) { readTimeout = v; return this; }
        public Builder retry(RetrySettings v) { retry = v; return this; }
        public Builder circuitBreaker(CircuitBreakerSettings v) { circuitBreaker = v; return this; }
        public Builder bulkhead(BulkheadSettings v) { bulkhead = v; return this; }
        public Builder keyStore(KeyMaterial v) { keyStore = v; return this; }
        public Builder trustStore(StoreRef v) { trustStore = v; return this; }
        public Builder signatureAlgorithm(WsSecuritySigner.Algorithm v) { signatureAlgorithm = v; return this; }
        public Builder platformCertificate(X509Certificate v) { platformCertificate = v; return this; }

        public MagdaConfig build() {
            return new MagdaConfig(endpoint, registration, referencePrefix, soapAction, connectTimeout, readTimeout, retry,
                    circuitBreaker, bulkhead, keyStore, trustStore, signatureAlgorithm, platformCertificate);
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

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(what + " is missing");
        return value.strip();
    }

    static void requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(what + " must be positive, got " + d);
    }

}

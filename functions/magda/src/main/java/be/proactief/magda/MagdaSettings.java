package be.proactief.magda;

import be.proactief.core.platform.PlatformRegistration;
import be.proactief.core.settings.DurationText;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** The MAGDA client's settings, read from environment variables: one owner of their names. */
public final class MagdaSettings {

    /** Every variable read here (the wiring passes exactly these). */
    public static final List<String> VARIABLES = List.of("MAGDA_ENDPOINT", "MAGDA_SENDER_ID", "MAGDA_HOEDANIGHEID",
            "MAGDA_REFERENCE_PREFIX", "MAGDA_SOAP_ACTION", "MAGDA_CONNECT_TIMEOUT", "MAGDA_READ_TIMEOUT", "MAGDA_MAX_ATTEMPTS",
            "MAGDA_RETRY_BACKOFF", "MAGDA_CIRCUIT_FAILURE_RATE", "MAGDA_CIRCUIT_WINDOW", "MAGDA_CIRCUIT_MIN_CALLS",
            "MAGDA_CIRCUIT_OPEN_DURATION", "MAGDA_MAX_CONCURRENT_CALLS", "MAGDA_BULKHEAD_MAX_WAIT",
            "MAGDA_KEYSTORE", "MAGDA_KEYSTORE_PASSWORD", "MAGDA_KEYSTORE_TYPE",
            "MAGDA_TRUSTSTORE", "MAGDA_TRUSTSTORE_PASSWORD", "MAGDA_TRUSTSTORE_TYPE",
            "MAGDA_ALLOW_HTTP", "MAGDA_SIGNATURE_ALGORITHM", "MAGDA_VERIFY_REPLY_SIGNATURE", "MAGDA_PLATFORM_CERTIFICATE");

    private MagdaSettings() {
    }

    /** {@link #fromEnvironment(Map, KeyMaterial)} with the keystore, if any, from {@code MAGDA_KEYSTORE}. */
    public static MagdaConfig fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, null);
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
     *   <tr><td>MAGDA_ALLOW_HTTP</td><td>{@code true} to allow an {@code http://} endpoint (the local run); refused otherwise</td></tr>
     *   <tr><td>MAGDA_SIGNATURE_ALGORITHM</td><td>{@code RSA_SHA256} (default) or {@code RSA_SHA1}</td></tr>
     *   <tr><td>MAGDA_VERIFY_REPLY_SIGNATURE, MAGDA_PLATFORM_CERTIFICATE</td><td>{@code true} and the platform's
     *       certificate (PEM): a reply without a valid signature by it is UNKNOWN</td></tr>
     * </table>
     *
     * @param keyStoreFromSecret the key material read from a secret (AWS), or {@code null}: then {@code MAGDA_KEYSTORE}
     * @throws IllegalArgumentException naming every variable that is missing or wrong (never echoing passwords)
     */
    public static MagdaConfig fromEnvironment(Map<String, String> env, KeyMaterial keyStoreFromSecret) {
        EnvReader in = new EnvReader(env);
        URI endpoint = in.uri("MAGDA_ENDPOINT");
        String sender = in.required("MAGDA_SENDER_ID");
        String hoedanigheid = in.required("MAGDA_HOEDANIGHEID");
        String prefix = in.optional("MAGDA_REFERENCE_PREFIX", "");
        if (prefix.length() > MagdaConfig.MAX_PREFIX_LENGTH) {
            in.problem("MAGDA_REFERENCE_PREFIX: at most " + MagdaConfig.MAX_PREFIX_LENGTH + " characters, got " + prefix.length());
        }
        String soapAction = in.optional("MAGDA_SOAP_ACTION", "");
        Duration connect = in.duration("MAGDA_CONNECT_TIMEOUT", MagdaConfig.DEFAULT_CONNECT_TIMEOUT);
        Duration read = in.duration("MAGDA_READ_TIMEOUT", MagdaConfig.DEFAULT_READ_TIMEOUT);

        MagdaConfig.RetrySettings retryDefaults = MagdaConfig.RetrySettings.defaults();
        int attempts = in.positiveInt("MAGDA_MAX_ATTEMPTS", retryDefaults.maxAttempts());
        Duration backoff = in.duration("MAGDA_RETRY_BACKOFF", retryDefaults.baseBackoff());

        MagdaConfig.CircuitBreakerSettings cbDefaults = MagdaConfig.CircuitBreakerSettings.defaults();
        int rate = in.positiveInt("MAGDA_CIRCUIT_FAILURE_RATE", Math.round(cbDefaults.failureRatePercent()));
        if (rate > 100) in.problem("MAGDA_CIRCUIT_FAILURE_RATE: a percentage from 1 to 100, got " + rate);
        int window = in.positiveInt("MAGDA_CIRCUIT_WINDOW", cbDefaults.slidingWindowSize());
        int minCalls = in.positiveInt("MAGDA_CIRCUIT_MIN_CALLS", cbDefaults.minimumNumberOfCalls());
        Duration open = in.duration("MAGDA_CIRCUIT_OPEN_DURATION", cbDefaults.openDuration());

        MagdaConfig.BulkheadSettings bhDefaults = MagdaConfig.BulkheadSettings.defaults();
        int concurrent = in.positiveInt("MAGDA_MAX_CONCURRENT_CALLS", bhDefaults.maxConcurrentCalls());
        Duration maxWait = in.duration("MAGDA_BULKHEAD_MAX_WAIT", bhDefaults.maxWait());

        MagdaConfig.StoreRef keyStoreFile = in.store("MAGDA_KEYSTORE");
        MagdaConfig.StoreRef trustStore = in.store("MAGDA_TRUSTSTORE");
        KeyMaterial keyStore = keyStoreFromSecret;
        if (keyStoreFile != null) {
            if (keyStoreFromSecret != null) {
                in.problem("MAGDA_KEYSTORE is set but the keystore comes from its secret: set one of the two");
            } else {
                try {
                    keyStore = KeyMaterial.load(keyStoreFile);
                } catch (IllegalStateException e) {
                    in.problem("MAGDA_KEYSTORE/MAGDA_KEYSTORE_PASSWORD: " + e.getMessage());
                }
            }
        }
        if (endpoint != null && "http".equalsIgnoreCase(endpoint.getScheme()) && !in.flag("MAGDA_ALLOW_HTTP")) {
            in.problem("MAGDA_ENDPOINT is http:// (no TLS): set MAGDA_ALLOW_HTTP=true for a local simulator, never in production");
        }
        WsSecuritySigner.Algorithm algorithm = in.algorithm("MAGDA_SIGNATURE_ALGORITHM");
        X509Certificate platformCertificate = null;
        boolean verify = in.flag("MAGDA_VERIFY_REPLY_SIGNATURE");
        String pem = in.optional("MAGDA_PLATFORM_CERTIFICATE", null);
        if (verify && pem == null) in.problem("MAGDA_VERIFY_REPLY_SIGNATURE is true but MAGDA_PLATFORM_CERTIFICATE (PEM) is missing");
        if (pem != null) {
            if (!verify) {
                in.problem("MAGDA_PLATFORM_CERTIFICATE is set but MAGDA_VERIFY_REPLY_SIGNATURE is not true");
            } else {
                try {
                    platformCertificate = ReplySignatureVerifier.certificateFromPem(pem);
                } catch (IllegalArgumentException e) {
                    in.problem("MAGDA_PLATFORM_CERTIFICATE: " + e.getMessage());
                }
            }
        }
        in.failOnProblems();
        try {
            return new MagdaConfig(endpoint, new PlatformRegistration(sender, hoedanigheid), prefix, soapAction, connect, read,
                    new MagdaConfig.RetrySettings(attempts, backoff, retryDefaults.multiplier(), retryDefaults.jitter()),
                    new MagdaConfig.CircuitBreakerSettings(rate, window, minCalls, open, cbDefaults.permittedCallsWhenHalfOpen()),
                    new MagdaConfig.BulkheadSettings(concurrent, maxWait),
                    keyStore, trustStore, algorithm, platformCertificate);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("MAGDA configuration is invalid: " + e.getMessage(), e);
        }
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

        boolean flag(String name) {
            String v = raw(name);
            if (v == null || v.equalsIgnoreCase("false")) return false;
            if (v.equalsIgnoreCase("true")) return true;
            problem(name + ": 'true' or 'false', got '" + v + "'");
            return false;
        }

        WsSecuritySigner.Algorithm algorithm(String name) {
            String v = raw(name);
            if (v == null) return WsSecuritySigner.Algorithm.RSA_SHA256;
            try {
                return WsSecuritySigner.Algorithm.valueOf(v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(name + ": RSA_SHA256 or RSA_SHA1, got '" + v + "'");
                return WsSecuritySigner.Algorithm.RSA_SHA256;
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

        MagdaConfig.StoreRef store(String prefix) {
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
                return new MagdaConfig.StoreRef(p, password, type);
            } catch (IllegalArgumentException e) {
                problem(prefix + "_TYPE: " + e.getMessage());
                return null;
            }
        }
    }
}

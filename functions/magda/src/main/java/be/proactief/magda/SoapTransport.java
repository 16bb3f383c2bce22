package be.proactief.magda;

import be.proactief.core.platform.PlatformUnavailableException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static be.proactief.magda.AttemptFailure.PERMANENT_RETRY_AFTER;
import static be.proactief.magda.AttemptFailure.TRANSIENT_RETRY_AFTER;

/**
 * One HTTP exchange with the platform, and nothing else: the request signed (WS-Security), POSTed within the caller's
 * {@link TimeBudget} over (mutual) TLS, the status mapped to an {@link AttemptFailure}, the reply read up to 1 MiB,
 * its signature checked when configured, and parsed. What the reply means is {@link ReplyInterpreter}'s job; retries,
 * circuit and bulkhead are {@link MagdaClient}'s. Thread-safe; one {@link HttpClient}.
 */
final class SoapTransport {

    private static final Logger log = LoggerFactory.getLogger(MagdaClient.class);

    /** What one exchange gave: the message sent, the reply parsed, how long it took. */
    record Exchange(GeefSociaalStatuutRequest request, GeefSociaalStatuutReply reply, long millis) {
    }

    private final MagdaConfig config;
    private final Clock clock;
    private final HttpClient http;
    private final WsSecuritySigner signer;
    private final ReplySignatureVerifier replyVerifier;
    private final TimeBudget budget;
    private final PlatformCounters counters;

    SoapTransport(MagdaConfig config, Clock clock, TimeBudget budget, PlatformCounters counters) {
        this.config = config;
        this.clock = clock;
        this.budget = budget;
        this.counters = counters;
        this.http = httpClient(config);
        this.signer = config.keyStore() == null ? null : WsSecuritySigner.of(config.keyStore(), config.signatureAlgorithm());
        this.replyVerifier = config.platformCertificate() == null ? null : new ReplySignatureVerifier(config.platformCertificate());
    }

    private static HttpClient httpClient(MagdaConfig config) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.connectTimeout());
        SSLContext tls = MagdaTls.sslContext(config);
        if (tls != null) builder.sslContext(tls);
        return builder.build();
    }

    private static final java.util.regex.Pattern FAULT_CODE = java.util.regex.Pattern.compile("<faultcode>\\s*([^<]{1,80}?)\\s*</faultcode>");
    private static final java.util.regex.Pattern FAULT_STRING = java.util.regex.Pattern.compile("<faultstring>\\s*([^<]{0,200})");

    /**
     * The fault of a SOAP 1.1 Fault whose code says the request is at fault ({@code Client}, {@code wsse:…}), else null
     * (a Server fault, or no fault: the platform may be failing).
     */
    static String clientFault(byte[] body) {
        if (body == null || body.length == 0) return null;
        String text = new String(body, 0, Math.min(body.length, 8192), StandardCharsets.UTF_8);
        java.util.regex.Matcher code = FAULT_CODE.matcher(text);
        if (!code.find()) return null;
        String c = code.group(1);
        String local = c.substring(c.indexOf(':') + 1);
        if (!local.startsWith("Client") && !c.startsWith("wsse:")) return null;
        java.util.regex.Matcher string = FAULT_STRING.matcher(text);
        return c + (string.find() ? ": " + string.group(1).strip() : "");
    }

    /** The envelope as it is sent: signed when the client has a keystore. */
    String envelope(GeefSociaalStatuutRequest request) {
        return signer == null ? request.toSoapEnvelope() : signer.sign(request.toSoapEnvelope());
    }

    /** One HTTP exchange: the message signed, POSTed, its reply (at most 1 MiB) checked and parsed. */
    Exchange exchange(GeefSociaalStatuutRequest request) throws AttemptFailure {
        Duration readTimeout = readTimeoutWithinBudget();
        String envelope = envelope(request);
        HttpRequest httpRequest = HttpRequest.newBuilder(config.endpoint())
                .timeout(readTimeout)
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"" + config.soapAction() + "\"")
                .header("Accept", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
                .build();
        counters.exchangeSent();
        long start = System.nanoTime();
        HttpResponse<byte[]> response = send(httpRequest, readTimeout);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        int status = response.statusCode();
        if (status >= 500) {
            String refusal = clientFault(response.body());
            if (refusal != null) {
                // the platform refused this request (an unknown certificate, a broken signature, a registration it does not
                // know): asking again does not help, and the platform is not failing
                throw AttemptFailure.refused(Reason.HTTP_ERROR, "MAGDA refused the request (HTTP " + status + ", SOAP fault "
                        + InszRedaction.scrub(refusal) + ")", PERMANENT_RETRY_AFTER, null);
            }
            throw AttemptFailure.transientFailure(Reason.HTTP_ERROR, "MAGDA answered HTTP " + status,
                    retryAfterHeader(response).orElse(TRANSIENT_RETRY_AFTER), null);
        }
        if (status == 429) {
            // too many requests: not retried at once (that would only add to the load), nor held against the platform
            throw AttemptFailure.refused(Reason.HTTP_ERROR, "MAGDA answered HTTP 429 (too many requests)",
                    retryAfterHeader(response).orElse(TRANSIENT_RETRY_AFTER), null);
        }
        if (status != 200) {
            throw AttemptFailure.refused(Reason.HTTP_ERROR, "MAGDA answered HTTP " + status, PERMANENT_RETRY_AFTER, null);
        }
        try {
            if (replyVerifier != null) replyVerifier.verify(response.body());
            GeefSociaalStatuutReply reply = GeefSociaalStatuutReply.parse(response.body());
            log.debug("MAGDA answered {} in {} ms: platform reference {}", request, millis, reply.platformReference());
            return new Exchange(request, reply, millis);
        } catch (MalformedReplyException e) {
            throw AttemptFailure.platformFault(Reason.MALFORMED_REPLY, "MAGDA reply unreadable: " + e.getMessage(),
                    PERMANENT_RETRY_AFTER, e);
        }
    }

    /** The shortest attempt worth starting: connecting and a platform answer take about this long. */
    static final Duration SHORTEST_ATTEMPT = Duration.ofMillis(500);

    /**
     * The read timeout, cut to what the caller's budget leaves after connecting; no attempt at all when that is less than
     * {@link #SHORTEST_ATTEMPT} (UNKNOWN TIMEOUT, not retried, not held against the platform).
     */
    private Duration readTimeoutWithinBudget() throws AttemptFailure {
        Optional<Duration> left = budget.left();
        if (left.isEmpty()) return config.readTimeout();
        Duration forReading = left.get().minus(config.connectTimeout());
        if (forReading.compareTo(SHORTEST_ATTEMPT) < 0) {
            throw AttemptFailure.refused(Reason.TIMEOUT, "no time left in this invocation for a MAGDA question ("
                    + Math.max(0, left.get().toMillis()) + " ms)", TRANSIENT_RETRY_AFTER, null);
        }
        return forReading.compareTo(config.readTimeout()) < 0 ? forReading : config.readTimeout();
    }

    private HttpResponse<byte[]> send(HttpRequest request, Duration readTimeout) throws AttemptFailure {
        long timeoutMillis = readTimeout.toMillis();
        CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request, BoundedBody.atMost(GeefSociaalStatuutReply.MAX_REPLY_BYTES));
        try {
            return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timeout(timeoutMillis, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw AttemptFailure.refused(Reason.UNREACHABLE, "interrupted while waiting for MAGDA", TRANSIENT_RETRY_AFTER, e);
        } catch (ExecutionException e) {
            throw ioFailure(e.getCause() == null ? e : e.getCause(), timeoutMillis);
        }
    }

    private AttemptFailure timeout(long timeoutMillis, Throwable cause) {
        return AttemptFailure.transientFailure(Reason.TIMEOUT, "no MAGDA answer within " + timeoutMillis + " ms",
                TRANSIENT_RETRY_AFTER, cause);
    }

    private AttemptFailure ioFailure(Throwable cause, long timeoutMillis) {
        if (has(cause, HttpConnectTimeoutException.class)) {
            return AttemptFailure.transientFailure(Reason.UNREACHABLE, "MAGDA unreachable: no connection within "
                    + config.connectTimeout().toMillis() + " ms", TRANSIENT_RETRY_AFTER, cause);
        }
        if (has(cause, HttpTimeoutException.class)) {
            return timeout(timeoutMillis, cause);
        }
        if (has(cause, SSLHandshakeException.class)) {
            return AttemptFailure.platformFault(Reason.UNREACHABLE, "MAGDA TLS handshake failed: "
                    + InszRedaction.scrub(cause.getMessage()), PERMANENT_RETRY_AFTER, cause);
        }
        if (has(cause, BoundedBody.TooLargeException.class)) {
            return AttemptFailure.platformFault(Reason.MALFORMED_REPLY, "MAGDA reply unreadable: larger than "
                    + GeefSociaalStatuutReply.MAX_REPLY_BYTES + " bytes", PERMANENT_RETRY_AFTER, cause);
        }
        String what = has(cause, ConnectException.class) ? "connection refused" : cause.getClass().getSimpleName();
        if (cause instanceof IOException || has(cause, IOException.class)) {
            return AttemptFailure.transientFailure(Reason.UNREACHABLE, "MAGDA unreachable: " + what
                    + (cause.getMessage() == null ? "" : " (" + InszRedaction.scrub(cause.getMessage()) + ")"),
                    TRANSIENT_RETRY_AFTER, cause);
        }
        return AttemptFailure.transientFailure(Reason.UNREACHABLE, "MAGDA call failed: " + what, TRANSIENT_RETRY_AFTER, cause);
    }

    private static boolean has(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) return true;
        }
        return false;
    }

    /** {@code Retry-After}: seconds, or an HTTP date (RFC 1123); at least 1 s. */
    private Optional<Duration> retryAfterHeader(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            String text = v.strip();
            try {
                long seconds = Long.parseLong(text);
                return seconds > 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
            } catch (NumberFormatException notSeconds) {
                try {
                    java.time.Instant at = java.time.ZonedDateTime.parse(text, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration wait = Duration.between(clock.instant(), at);
                    return Optional.of(wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait);
                } catch (java.time.format.DateTimeParseException notADate) {
                    return Optional.empty();
                }
            }
        });
    }

}

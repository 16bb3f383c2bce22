package be.proactief.magda;

import be.proactief.core.insz.Insz;
import be.proactief.core.platform.PlatformCannotDecideException;
import be.proactief.core.platform.PlatformRegistration;
import be.proactief.core.platform.PlatformUnavailableException;
import be.proactief.core.platform.PlatformUnavailableException.Reason;
import be.proactief.core.platform.SocialStatusSource;
import be.proactief.core.platform.StatusAnswer;
import be.proactief.core.review.ReviewReason;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.exception.AcquirePermissionCancelledException;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
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
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The platform port on MAGDA GeefSociaalStatuut 03.00: a SOAP 1.1 POST per question over (m)TLS,
 * guarded by timeouts, bounded retries, a circuit breaker and a concurrency limit.
 *
 * <h2>Outcomes</h2>
 * <ul>
 *   <li>an answer, only when the reply is about the INSZ asked, answers our question (its
 *       {@code Antwoord/Referte}) and gives a {@code Resultaat} for <b>every</b> status asked: a status with
 *       Resultaat/Code 1 applies when it carries no {@code Periodes} or one of them covers the status
 *       date, else it is a period mismatch (REVIEW); per-status {@code Status} codes (e.g. {@code SSH00047})
 *       and Uitzonderingen of type WAARSCHUWING are returned as warning codes;</li>
 *   <li>{@link PlatformCannotDecideException} (REVIEW, a caseworker decides), with the reply's codes:
 *       <table>
 *         <caption>replies that do not answer the question</caption>
 *         <tr><th>reason</th><th>when</th></tr>
 *         <tr><td>PLATFORM_NO_ANSWER</td><td>a person-level {@code Status} instead of {@code SocialeStatuten}, or a status asked that the reply does not carry</td></tr>
 *         <tr><td>PLATFORM_NO_DATA</td><td>an Uitzondering FOUT 30001 "Geen gegevens gevonden voor de vraag"</td></tr>
 *         <tr><td>INSZ_NOT_USABLE</td><td>an Uitzondering FOUT 30002 (cancelled), 30003 (unknown) or 30004 (replaced)</td></tr>
 *       </table></li>
 *   <li>{@link PlatformUnavailableException}, whose {@link Reason} tells why there is no answer:
 *       <table>
 *         <caption>failures</caption>
 *         <tr><th>reason</th><th>when</th><th>retried here</th><th>retryAfter</th></tr>
 *         <tr><td>UITZONDERING</td><td>an Uitzondering of type FOUT other than 30001–30004</td><td>no</td><td>1 h</td></tr>
 *         <tr><td>MISMATCHED_REPLY</td><td>a reply about another INSZ, or whose Antwoord/Referte is not our question's</td><td>no</td><td>5 min</td></tr>
 *         <tr><td>HTTP_ERROR</td><td>HTTP 5xx</td><td>yes</td><td>Retry-After header or 30 s</td></tr>
 *         <tr><td>HTTP_ERROR</td><td>HTTP 429 (too many requests)</td><td>no</td><td>Retry-After header (seconds or HTTP date) or 30 s</td></tr>
 *         <tr><td>HTTP_ERROR</td><td>HTTP 4xx or another non-200 status</td><td>no</td><td>5 min</td></tr>
 *         <tr><td>UNREACHABLE</td><td>connection refused/reset, DNS, connect timeout</td><td>yes</td><td>30 s</td></tr>
 *         <tr><td>UNREACHABLE</td><td>TLS handshake refused (certificate problem)</td><td>no</td><td>5 min</td></tr>
 *         <tr><td>TIMEOUT</td><td>no complete answer within the read timeout</td><td>yes</td><td>30 s</td></tr>
 *         <tr><td>MALFORMED_REPLY</td><td>not a GeefSociaalStatuut answer, SOAP Fault with HTTP 200, over 1 MiB, nested deeper
 *             than 64, a parser's Error, or (with {@code MAGDA_VERIFY_REPLY_SIGNATURE}) no valid signature by the platform</td><td>no</td><td>5 min</td></tr>
 *         <tr><td>CIRCUIT_OPEN</td><td>too many recent failures: not even asked</td><td>no</td><td>time until the circuit half-opens, ≥ 1 s</td></tr>
 *         <tr><td>TOO_BUSY</td><td>{@code maxConcurrentCalls} questions already under way</td><td>no</td><td>1 s</td></tr>
 *       </table></li>
 * </ul>
 * No message or log line carries an INSZ: INSZ values appear only masked, platform texts are scrubbed.
 *
 * <h2>Resilience order</h2>
 * {@code Retry( CircuitBreaker( Bulkhead( one HTTP exchange ) ) )}: every attempt is seen by the
 * circuit breaker, so an open circuit stops the remaining retries at once ({@code CallNotPermitted}
 * is not retried); the bulkhead permit is held only during the exchange itself, not during the
 * backoff between attempts; a full bulkhead is ignored by the circuit breaker (the platform did not
 * fail). Only transient failures are retried, with exponential backoff and random jitter. Each
 * attempt is a new message with a new Referte.
 *
 * <p>Thread-safe; one {@link HttpClient} per instance. Create one client per configuration and share it.
 */
public final class MagdaClient implements SocialStatusSource {

    private static final Logger log = LoggerFactory.getLogger(MagdaClient.class);

    static final Duration TRANSIENT_RETRY_AFTER = Duration.ofSeconds(30);
    static final Duration PERMANENT_RETRY_AFTER = Duration.ofMinutes(5);
    static final Duration UITZONDERING_RETRY_AFTER = Duration.ofHours(1);
    static final Duration TOO_BUSY_RETRY_AFTER = Duration.ofSeconds(1);

    private final MagdaConfig config;
    private final Clock clock;
    private final HttpClient http;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final Bulkhead bulkhead;
    private final AtomicLong circuitOpenedAtNanos = new AtomicLong();
    private final LongAdder questions = new LongAdder();
    private final LongAdder httpExchanges = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder undecided = new LongAdder();
    private final Map<Reason, LongAdder> unavailable = new EnumMap<>(Reason.class);
    private final WsSecuritySigner signer;
    private final TimeBudget budget;
    private final ReplySignatureVerifier replyVerifier;

    public MagdaClient(MagdaConfig config) {
        this(config, Clock.systemUTC());
    }

    /** @param clock stamps the Tijdstip (moment) of each message */
    public MagdaClient(MagdaConfig config, Clock clock) {
        this(config, clock, TimeBudget.UNLIMITED);
    }

    /** @param budget how long each question may still take (the function's remaining time); see {@link TimeBudget} */
    public MagdaClient(MagdaConfig config, Clock clock, TimeBudget budget) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.budget = Objects.requireNonNull(budget, "budget");
        for (Reason r : Reason.values()) unavailable.put(r, new LongAdder());
        this.http = httpClient(config);
        this.signer = config.keyStore() == null ? null : WsSecuritySigner.of(config.keyStore(), config.signatureAlgorithm());
        this.replyVerifier = config.platformCertificate() == null ? null : new ReplySignatureVerifier(config.platformCertificate());
        this.retry = retry(config.retry());
        this.circuitBreaker = circuitBreaker(config.circuitBreaker());
        this.bulkhead = Bulkhead.of("magda", BulkheadConfig.custom()
                .maxConcurrentCalls(config.bulkhead().maxConcurrentCalls())
                .maxWaitDuration(config.bulkhead().maxWait())
                .writableStackTraceEnabled(false)
                .build());
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

    private Retry retry(MagdaConfig.RetrySettings settings) {
        Retry r = Retry.of("magda", RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(
                        settings.baseBackoff(), settings.multiplier(), settings.jitter()))
                .retryOnException(t -> t instanceof AttemptFailure f && f.retryable())
                .build());
        r.getEventPublisher().onRetry(e -> log.warn("MAGDA attempt {} failed ({}); retrying in {} ms",
                e.getNumberOfRetryAttempts(), e.getLastThrowable() == null ? "?" : e.getLastThrowable().getMessage(),
                e.getWaitInterval().toMillis()));
        return r;
    }

    private CircuitBreaker circuitBreaker(MagdaConfig.CircuitBreakerSettings settings) {
        CircuitBreaker cb = CircuitBreaker.of("magda", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .failureRateThreshold(settings.failureRatePercent())
                .waitDurationInOpenState(settings.openDuration())
                .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsWhenHalfOpen())
                .recordException(t -> t instanceof AttemptFailure f && f.countsAgainstPlatform())
                .ignoreExceptions(BulkheadFullException.class)
                .writableStackTraceEnabled(false)
                .build());
        cb.getEventPublisher().onStateTransition(e -> {
            if (e.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                circuitOpenedAtNanos.set(System.nanoTime());
            }
            log.warn("MAGDA circuit breaker {}", e.getStateTransition());
        });
        return cb;
    }

    @Override
    public PlatformRegistration defaultRegistration() {
        return config.registration();
    }

    @Override
    public StatusAnswer ask(Insz insz, List<String> statusNames, LocalDate date, PlatformRegistration registration)
            throws PlatformUnavailableException, PlatformCannotDecideException {
        Objects.requireNonNull(insz, "insz");
        Objects.requireNonNull(date, "date");
        PlatformRegistration under = registration == null ? config.registration() : registration;
        // Validates the names (1–8, not blank) before anything is counted or sent.
        List<String> names = GeefSociaalStatuutRequest.forQuestion(config, insz, statusNames, date, clock).statusNames();
        questions.increment();
        AtomicInteger attempts = new AtomicInteger();
        CheckedSupplier<Exchange> oneExchange = () -> {
            attempts.incrementAndGet();
            return exchange(insz, names, date, under);
        };
        CheckedSupplier<Exchange> guarded = Retry.decorateCheckedSupplier(retry,
                CircuitBreaker.decorateCheckedSupplier(circuitBreaker,
                        Bulkhead.decorateCheckedSupplier(bulkhead, oneExchange)));
        Exchange exchange;
        try {
            exchange = guarded.get();
        } catch (RuntimeException | Error e) {
            if (!(e instanceof CallNotPermittedException) && !(e instanceof BulkheadFullException)
                    && !(e instanceof AcquirePermissionCancelledException)) {
                throw e;
            }
            throw unavailable(e, attempts.get());
        } catch (Throwable t) {
            throw unavailable(t, attempts.get());
        }
        return interpret(exchange, insz, names, date);
    }

    private record Exchange(GeefSociaalStatuutRequest request, GeefSociaalStatuutReply reply, long millis) {
    }

    /** One HTTP exchange: a new message, signed, POSTed, its reply (at most 1 MiB) parsed. */
    private Exchange exchange(Insz insz, List<String> names, LocalDate date, PlatformRegistration registration) throws AttemptFailure {
        Duration readTimeout = readTimeoutWithinBudget();
        GeefSociaalStatuutRequest request = GeefSociaalStatuutRequest.forQuestion(config, registration, insz, names, date, clock);
        String envelope = signer == null ? request.toSoapEnvelope() : signer.sign(request.toSoapEnvelope());
        HttpRequest httpRequest = HttpRequest.newBuilder(config.endpoint())
                .timeout(readTimeout)
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"" + config.soapAction() + "\"")
                .header("Accept", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
                .build();
        httpExchanges.increment();
        long start = System.nanoTime();
        HttpResponse<byte[]> response = send(httpRequest, readTimeout);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        int status = response.statusCode();
        if (status >= 500) {
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
    private java.util.Optional<Duration> retryAfterHeader(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            String text = v.strip();
            try {
                long seconds = Long.parseLong(text);
                return seconds > 0 ? java.util.Optional.of(Duration.ofSeconds(seconds)) : java.util.Optional.empty();
            } catch (NumberFormatException notSeconds) {
                try {
                    java.time.Instant at = java.time.ZonedDateTime.parse(text, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration wait = Duration.between(clock.instant(), at);
                    return java.util.Optional.of(wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait);
                } catch (java.time.format.DateTimeParseException notADate) {
                    return java.util.Optional.empty();
                }
            }
        });
    }

    private PlatformUnavailableException unavailable(Throwable t, int attempts) {
        PlatformUnavailableException e;
        if (t instanceof AttemptFailure f) {
            String tries = attempts > 1 ? " (after " + attempts + " attempts)" : "";
            e = new PlatformUnavailableException(f.reason(), f.getMessage() + tries, f.retryAfter(), f.getCause());
        } else if (t instanceof CallNotPermittedException) {
            e = new PlatformUnavailableException(Reason.CIRCUIT_OPEN,
                    "MAGDA circuit breaker is open after repeated failures; question not sent", remainingOpenTime());
        } else if (t instanceof BulkheadFullException) {
            e = new PlatformUnavailableException(Reason.TOO_BUSY, "already " + config.bulkhead().maxConcurrentCalls()
                    + " MAGDA questions under way; question not sent", TOO_BUSY_RETRY_AFTER);
        } else if (t instanceof AcquirePermissionCancelledException) {
            Thread.currentThread().interrupt();
            e = new PlatformUnavailableException(Reason.TOO_BUSY, "interrupted while waiting for a free MAGDA slot",
                    TOO_BUSY_RETRY_AFTER);
        } else {
            e = new PlatformUnavailableException(Reason.UNREACHABLE, "MAGDA call failed: " + t.getClass().getSimpleName(),
                    TRANSIENT_RETRY_AFTER, t);
        }
        unavailable.get(e.reason()).increment();
        log.warn("MAGDA gave no answer: {} {}", e.reason(), e.getMessage());
        return e;
    }

    /** Time until the circuit lets a trial call through, rounded up to whole seconds, at least 1 s. */
    private Duration remainingOpenTime() {
        Duration open = config.circuitBreaker().openDuration();
        long openedAt = circuitOpenedAtNanos.get();
        Duration remaining = openedAt == 0 ? open : open.minusNanos(System.nanoTime() - openedAt);
        long seconds = (remaining.toMillis() + 999) / 1000;
        return Duration.ofSeconds(Math.max(1, seconds));
    }

    /** The FOUT codes that mean the platform answered about the person, but cannot answer the question: REVIEW. */
    private static final Map<String, ReviewReason> REVIEW_CODES = Map.of(
            "30001", ReviewReason.PLATFORM_NO_DATA,
            "30002", ReviewReason.INSZ_NOT_USABLE,
            "30003", ReviewReason.INSZ_NOT_USABLE,
            "30004", ReviewReason.INSZ_NOT_USABLE);

    /** The one reading of a reply: an answer, REVIEW or UNKNOWN (see the class comment). */
    private StatusAnswer interpret(Exchange exchange, Insz insz, List<String> names, LocalDate date)
            throws PlatformUnavailableException, PlatformCannotDecideException {
        GeefSociaalStatuutReply reply = exchange.reply();
        String platformReference = reply.platformReference();
        String ours = exchange.request().referte();
        String where = "platform reference " + platformReference + ", our reference " + ours;

        if (reply.answerReference().filter(r -> !r.equals(ours)).isPresent()) {
            throw mismatched("MAGDA answered another question (Antwoord/Referte " + InszRedaction.scrub(reply.answerReference().get())
                    + "); " + where);
        }
        if (reply.receiverReference().filter(r -> !r.equals(ours)).isPresent()) {
            throw mismatched("MAGDA's reply is addressed to another message (Ontvanger/Referte " + InszRedaction.scrub(reply.receiverReference().get())
                    + "); " + where);
        }
        if (reply.personInsz().filter(digits -> !digits.equals(insz.digits())).isPresent()) {
            throw mismatched("MAGDA answered about another INSZ than asked; " + where);
        }

        List<String> codes = reply.codes();
        List<GeefSociaalStatuutReply.Uitzondering> fouten = reply.fouten();
        if (!fouten.isEmpty()) {
            GeefSociaalStatuutReply.Uitzondering first = fouten.get(0);
            String message = "platform answered Uitzondering " + InszRedaction.scrub(first.identificatie())
                    + " (" + InszRedaction.scrub(first.diagnose()) + "); " + where;
            boolean allAboutThePerson = fouten.stream().allMatch(f -> REVIEW_CODES.containsKey(f.identificatie()));
            if (allAboutThePerson) throw cannotDecide(REVIEW_CODES.get(first.identificatie()), codes, platformReference, message);
            PlatformUnavailableException e = new PlatformUnavailableException(Reason.UITZONDERING, message, UITZONDERING_RETRY_AFTER);
            unavailable.get(Reason.UITZONDERING).increment();
            log.warn("MAGDA gave no answer: {} {}", e.reason(), message);
            throw e;
        }
        if (!reply.hasPerson()) {
            // neither an answer about anyone nor an error: nothing ties it to the person asked
            unavailable.get(Reason.MALFORMED_REPLY).increment();
            log.warn("MAGDA gave no answer: {} a reply without Antwoord/Inhoud/Persoon and without Uitzondering FOUT; {}", Reason.MALFORMED_REPLY, where);
            throw new PlatformUnavailableException(Reason.MALFORMED_REPLY, "MAGDA's reply has no Persoon and no Uitzondering FOUT; " + where,
                    PERMANENT_RETRY_AFTER);
        }
        if (reply.personStatus().isPresent()) {
            throw cannotDecide(ReviewReason.PLATFORM_NO_ANSWER, codes, platformReference,
                    "MAGDA gave a person-level Status " + InszRedaction.scrub(reply.personStatus().get()) + " instead of the statuses asked; " + where);
        }
        Map<String, GeefSociaalStatuutReply.SociaalStatuut> byName = new LinkedHashMap<>();
        for (GeefSociaalStatuutReply.SociaalStatuut s : reply.statuten()) byName.putIfAbsent(s.naam(), s);
        List<String> missing = names.stream().filter(n -> !byName.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw cannotDecide(ReviewReason.PLATFORM_NO_ANSWER, codes, platformReference,
                    "MAGDA's reply carries no result for " + missing.size() + " of the " + names.size() + " statuses asked "
                            + InszRedaction.scrub(missing.toString()) + "; " + where);
        }

        Set<String> applicable = new LinkedHashSet<>();
        Set<String> periodMismatch = new LinkedHashSet<>();
        for (String name : names) {
            GeefSociaalStatuutReply.SociaalStatuut s = byName.get(name);
            if (s.appliesOn(date)) applicable.add(name);
            else if (s.vanToepassing()) periodMismatch.add(name);
        }
        for (GeefSociaalStatuutReply.Uitzondering u : reply.uitzonderingen()) {
            log.warn("MAGDA Uitzondering {} {} ({}) from {} for {}; platform reference {}", u.type(), InszRedaction.scrub(u.identificatie()),
                    InszRedaction.scrub(u.diagnose()), InszRedaction.scrub(u.oorsprong()), exchange.request(), platformReference);
        }
        answered.increment();
        return new StatusAnswer(platformReference, applicable, periodMismatch, codes);
    }

    /** Never used as an answer: one error line, no INSZ. */
    private PlatformUnavailableException mismatched(String message) {
        unavailable.get(Reason.MISMATCHED_REPLY).increment();
        log.error("MAGDA reply not used: {}", message);
        return new PlatformUnavailableException(Reason.MISMATCHED_REPLY, message, PERMANENT_RETRY_AFTER);
    }

    private PlatformCannotDecideException cannotDecide(ReviewReason reason, List<String> codes, String platformReference, String message) {
        undecided.increment();
        log.warn("MAGDA reply does not answer the question: {} {} {}", reason, codes, message);
        return new PlatformCannotDecideException(reason, codes, platformReference, message);
    }

    public MagdaConfig config() {
        return config;
    }

    /** A MAGDA test number (month 61): never a resident, and never sent anywhere. */
    private static final Insz PRIMING_INSZ = Insz.parse("00610100108");

    /** A reply of the shape the platform sends, written for priming (no data of anyone). */
    private static final String PRIMING_REPLY = """
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">
              <soapenv:Body>
                <GeefSociaalStatuutResponse xmlns="http://magda.vlaanderen.be/soczek/soap/geefsociaalstatuut/v03_00">
                  <Repliek>
                    <Context><Bericht>
                      <Afzender><Referte>priming</Referte></Afzender>
                      <Ontvanger><Referte>priming</Referte></Ontvanger>
                    </Bericht></Context>
                    <Antwoorden><Antwoord><Referte>priming</Referte><Inhoud><Persoon>
                      <INSZ>00610100108</INSZ>
                      <SocialeStatuten><SociaalStatuut>
                        <Naam>priming</Naam>
                        <Resultaat><Code>1</Code></Resultaat>
                        <Periodes><Periode><Begindatum>2000-01-01</Begindatum><Einddatum>2000-12-31+01:00</Einddatum></Periode></Periodes>
                      </SociaalStatuut></SocialeStatuten>
                    </Persoon></Inhoud></Antwoord></Antwoorden>
                  </Repliek>
                </GeefSociaalStatuutResponse>
              </soapenv:Body>
            </soapenv:Envelope>
            """;

    /**
     * SnapStart priming, offline: builds one request envelope and parses one reply, so the XML
     * stack is loaded and warm in the snapshot. Nothing is sent, no counter or circuit changes.
     *
     * @return the number of statuses the priming reply held (1)
     */
    public int primeOffline() {
        GeefSociaalStatuutRequest request = GeefSociaalStatuutRequest.forQuestion(config, PRIMING_INSZ, List.of("priming"),
                LocalDate.now(clock.withZone(GeefSociaalStatuutRequest.BRUSSELS)), clock);
        String envelope = signer == null ? request.toSoapEnvelope() : signer.sign(request.toSoapEnvelope()); // the signing stack too
        if (envelope.isEmpty()) throw new IllegalStateException("empty priming envelope");
        try {
            return GeefSociaalStatuutReply.parse(PRIMING_REPLY).statuten().size();
        } catch (MalformedReplyException e) {
            throw new IllegalStateException("the priming reply no longer parses: " + e.getMessage(), e);
        }
    }

    /** The circuit breaker's state, for health checks and metrics. */
    public CircuitState circuitState() {
        return switch (circuitBreaker.getState()) {
            case OPEN, FORCED_OPEN -> CircuitState.OPEN;
            case HALF_OPEN -> CircuitState.HALF_OPEN;
            default -> CircuitState.CLOSED;
        };
    }

    /** Counters since this client was created. */
    public Calls calls() {
        Map<Reason, Long> failures = new EnumMap<>(Reason.class);
        unavailable.forEach((reason, count) -> failures.put(reason, count.sum()));
        return new Calls(questions.sum(), httpExchanges.sum(), answered.sum(), undecided.sum(), failures,
                bulkhead.getMetrics().getAvailableConcurrentCalls());
    }

    /** State of the circuit breaker: CLOSED (asking), OPEN (not asking), HALF_OPEN (trial calls). */
    public enum CircuitState { CLOSED, OPEN, HALF_OPEN }

    /**
     * @param questions      calls of {@link #ask}
     * @param httpExchanges  HTTP requests sent (retries included)
     * @param answered       questions that got a usable answer
     * @param undecided      questions whose reply did not answer them (REVIEW)
     * @param unavailable    questions without answer, per reason
     * @param freeSlots      questions that could start right now (bulkhead)
     */
    public record Calls(long questions, long httpExchanges, long answered, long undecided, Map<Reason, Long> unavailable, int freeSlots) {
        public Calls {
            unavailable = Map.copyOf(unavailable);
        }

        public long unavailableTotal() {
            return unavailable.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}

package be.proactief.magda;

import be.proactief.core.insz.Insz;
import be.proactief.core.platform.PlatformCannotDecideException;
import be.proactief.core.platform.PlatformRegistration;
import be.proactief.core.platform.PlatformUnavailableException;
import be.proactief.core.platform.PlatformUnavailableException.Reason;
import be.proactief.core.platform.SocialStatusSource;
import be.proactief.core.platform.StatusAnswer;
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

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

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
 * <p>Each job in its own class: {@link SoapTransport} makes one exchange (signing, TLS, the time budget, bounded
 * reading), {@link ReplyInterpreter} reads what a reply means, {@link PlatformCounters} counts, {@link MagdaPriming}
 * primes; this class puts the resilience around them.
 *
 * <p>Thread-safe; one {@link HttpClient} per instance. Create one client per configuration and share it.
 */
public final class MagdaClient implements SocialStatusSource {

    private static final Logger log = LoggerFactory.getLogger(MagdaClient.class);

    private final MagdaConfig config;
    private final Clock clock;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final Bulkhead bulkhead;
    private final AtomicLong circuitOpenedAtNanos = new AtomicLong();
    private final PlatformCounters counters = new PlatformCounters();
    private final SoapTransport transport;
    private final ReplyInterpreter interpreter = new ReplyInterpreter(counters);

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
        this.transport = new SoapTransport(config, clock, Objects.requireNonNull(budget, "budget"), counters);
        this.retry = retry(config.retry());
        this.circuitBreaker = circuitBreaker(config.circuitBreaker());
        this.bulkhead = Bulkhead.of("magda", BulkheadConfig.custom()
                .maxConcurrentCalls(config.bulkhead().maxConcurrentCalls())
                .maxWaitDuration(config.bulkhead().maxWait())
                .writableStackTraceEnabled(false)
                .build());
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
        counters.questionAsked();
        AtomicInteger attempts = new AtomicInteger();
        CheckedSupplier<SoapTransport.Exchange> oneExchange = () -> {
            attempts.incrementAndGet();
            // each attempt a new message with a new Referte
            return transport.exchange(GeefSociaalStatuutRequest.forQuestion(config, under, insz, names, date, clock));
        };
        CheckedSupplier<SoapTransport.Exchange> guarded = Retry.decorateCheckedSupplier(retry,
                CircuitBreaker.decorateCheckedSupplier(circuitBreaker,
                        Bulkhead.decorateCheckedSupplier(bulkhead, oneExchange)));
        SoapTransport.Exchange exchange;
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
        return interpreter.interpret(exchange, insz, names, date);
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
                    + " MAGDA questions under way; question not sent", AttemptFailure.TOO_BUSY_RETRY_AFTER);
        } else if (t instanceof AcquirePermissionCancelledException) {
            Thread.currentThread().interrupt();
            e = new PlatformUnavailableException(Reason.TOO_BUSY, "interrupted while waiting for a free MAGDA slot",
                    AttemptFailure.TOO_BUSY_RETRY_AFTER);
        } else {
            e = new PlatformUnavailableException(Reason.UNREACHABLE, "MAGDA call failed: " + t.getClass().getSimpleName(),
                    AttemptFailure.TRANSIENT_RETRY_AFTER, t);
        }
        counters.unavailable(e.reason());
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

    public MagdaConfig config() {
        return config;
    }

    /**
     * SnapStart priming, offline: builds and signs one request envelope and parses one reply, so the XML and signing
     * stacks are loaded and warm in the snapshot. Nothing is sent, no counter or circuit changes.
     *
     * @return the number of statuses the priming reply held (1)
     */
    public int primeOffline() {
        return MagdaPriming.prime(config, transport, clock);
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
        return counters.snapshot(bulkhead.getMetrics().getAvailableConcurrentCalls());
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

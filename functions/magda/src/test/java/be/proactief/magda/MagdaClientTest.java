package be.proactief.magda;

import be.proactief.magda.MagdaConfig.BulkheadSettings;
import be.proactief.magda.MagdaConfig.CircuitBreakerSettings;
import be.proactief.magda.MagdaConfig.RetrySettings;
import be.proactief.core.insz.Insz;
import be.proactief.core.platform.PlatformCannotDecideException;
import be.proactief.core.platform.PlatformUnavailableException;
import be.proactief.core.platform.PlatformUnavailableException.Reason;
import be.proactief.core.platform.StatusAnswer;
import be.proactief.core.review.ReviewReason;
import be.proactief.testkit.magda.MagdaSimulator;
import be.proactief.testkit.magda.Persona;
import be.proactief.testkit.magda.Personas;
import be.proactief.testkit.magda.SimulatorFaults;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The MAGDA client against the simulator, over real HTTP on 127.0.0.1. Timeouts are short (300 ms)
 * so that the failure scenarios stay fast.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MagdaClientTest {

    private static final LocalDate MARCH_2025 = LocalDate.of(2025, 3, 1);
    private static final Duration READ_TIMEOUT = Duration.ofMillis(300);
    private static final String LEEFLOON = "LIVING_WAGES_PCSA_HELP";
    private static final String BIM = "BIM_BVT";

    private MagdaSimulator simulator;

    @BeforeEach
    void startSimulator() {
        simulator = new MagdaSimulator().registerAll(Personas.all()).start();
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    /** Timeouts roomy enough that a loaded machine never turns an answer into a timeout; the timeout test sets its own. */
    private static MagdaConfig config(URI endpoint) {
        return MagdaConfig.defaults(endpoint, "gent.be/proactief", "1303")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10))
                .withRetry(RetrySettings.attempts(3, Duration.ofMillis(20)));
    }

    private MagdaClient client() {
        return new MagdaClient(config(simulator.endpoint()));
    }

    private static PlatformUnavailableException unavailable(MagdaClient client, Insz insz, List<String> names) {
        PlatformUnavailableException e = catchThrowableOfType(() -> client.ask(insz, names, MARCH_2025),
                PlatformUnavailableException.class);
        assertThat(e).as("the platform gave no answer").isNotNull();
        assertInszNeverShown(e, insz);
        return e;
    }

    /** Privacy: neither the message nor any cause's message shows the INSZ digits. */
    private static void assertInszNeverShown(Throwable e, Insz insz) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(insz.digits());
            assertThat(t.toString()).doesNotContain(insz.digits());
        }
    }

    // ---- answers ---------------------------------------------------------------------------------

    @Test
    void aPersonOnLeefloonGetsLeefloonAndIncreasedAllowanceAsApplicable() throws Exception {
        Persona leefloon = Personas.leefloon();

        StatusAnswer answer = client().ask(leefloon.insz(), List.of(LEEFLOON, BIM), MARCH_2025);

        assertThat(answer.applicable()).containsExactlyInAnyOrder(LEEFLOON, BIM);
        assertThat(answer.platformReference()).isNotBlank();
        assertThat(simulator.callCount(leefloon.insz())).isEqualTo(1);
    }

    @Test
    void aStatusThePersonDoesNotHaveIsNotApplicable() throws Exception {
        StatusAnswer answer = client().ask(Personas.increasedAllowance().insz(), List.of(LEEFLOON, BIM), MARCH_2025);

        assertThat(answer.applicable()).containsExactly(BIM);
    }

    @Test
    void aStatusHoldsOnlyWithinItsPeriod() throws Exception {
        MagdaClient client = client();
        Insz insz = Personas.increasedAllowanceUntilMid2024().insz();

        assertThat(client.ask(insz, List.of(BIM), LocalDate.of(2024, 6, 30)).applicable()).containsExactly(BIM);
        assertThat(client.ask(insz, List.of(BIM), LocalDate.of(2024, 7, 1)).applicable()).isEmpty();
    }

    @Test
    void aStatusAskedThatTheReplyLeavesOutIsForACaseworkerNotANo() throws Exception {
        String onlyBim = "<GeefSociaalStatuutResponse><Repliek><Context><Bericht><Afzender><Referte>ref-42</Referte></Afzender>"
                + "</Bericht></Context><Antwoorden><Antwoord><Referte>" + CannedPlatform.QUESTION_REFERENCE + "</Referte><Inhoud><Persoon>"
                + "<INSZ>" + Personas.leefloon().insz().digits() + "</INSZ><SocialeStatuten><SociaalStatuut><Naam>BIM_BVT</Naam>"
                + "<Resultaat><Code>0</Code></Resultaat></SociaalStatuut></SocialeStatuten></Persoon></Inhoud></Antwoord>"
                + "</Antwoorden></Repliek></GeefSociaalStatuutResponse>";
        try (CannedPlatform platform = new CannedPlatform(200, onlyBim)) {
            MagdaClient client = new MagdaClient(config(platform.endpoint()));

            PlatformCannotDecideException e = catchThrowableOfType(
                    () -> client.ask(Personas.leefloon().insz(), List.of(LEEFLOON, BIM), MARCH_2025), PlatformCannotDecideException.class);

            assertThat(e).as("before: LEEFLOON counted as 'not applicable', a no").isNotNull();
            assertThat(e.reason()).isEqualTo(ReviewReason.PLATFORM_NO_ANSWER);
            assertThat(e.platformReference()).isEqualTo("ref-42");
            assertThat(e.getMessage()).contains(LEEFLOON).doesNotContain(Personas.leefloon().insz().digits());
        }
    }

    @Test
    void theQuestionIsPostedAsSoap11WithSoapActionAndOneReference() throws Exception {
        String emptyAnswer = "<GeefSociaalStatuutResponse><Repliek><Context><Bericht><Afzender><Referte>r</Referte>"
                + "</Afzender></Bericht></Context></Repliek></GeefSociaalStatuutResponse>";
        try (CannedPlatform platform = new CannedPlatform(200, emptyAnswer)) {
            MagdaClient client = new MagdaClient(config(platform.endpoint()).withSoapAction("urn:GeefSociaalStatuut"));

            assertThat(catchThrowableOfType(() -> client.ask(Personas.leefloon().insz(), List.of(BIM), MARCH_2025),
                    PlatformUnavailableException.class).reason()).as("a reply without an Antwoord answers nothing").isEqualTo(Reason.MALFORMED_REPLY);

            assertThat(platform.lastHeaders().getFirst("Content-Type")).isEqualTo("text/xml; charset=utf-8");
            assertThat(platform.lastHeaders().getFirst("SOAPAction")).isEqualTo("\"urn:GeefSociaalStatuut\"");
            assertThat(platform.lastBody()).contains("<web:GeefSociaalStatuut>", "<Hoedanigheid>1303</Hoedanigheid>");
        }
    }

    @Test
    void aWarningIsNotedButTheAnswerStands() throws Exception {
        simulator.faults().waarschuwing(1);

        StatusAnswer answer = client().ask(Personas.increasedAllowance().insz(), List.of(BIM), MARCH_2025);

        assertThat(answer.applicable()).containsExactly(BIM);
        assertThat(answer.warnings()).containsExactly("99998");
    }

    // ---- Uitzondering FOUT: no answer, not retried -------------------------------------------------

    @Test
    void anUnknownInszIsForACaseworkerNotARefusal() {
        MagdaClient client = client();
        Insz unknown = Personas.unknownInsz();

        PlatformCannotDecideException e = catchThrowableOfType(() -> client.ask(unknown, List.of(BIM), MARCH_2025),
                PlatformCannotDecideException.class);

        assertThat(e.reason()).isEqualTo(ReviewReason.INSZ_NOT_USABLE);
        assertThat(e.platformCodes()).containsExactly("30003");
        assertThat(e.getMessage()).startsWith("platform answered Uitzondering 30003 (Onbestaande INSZ)").doesNotContain(unknown.digits());
        assertThat(simulator.callCount()).as("not retried").isEqualTo(1);
        assertThat(client.calls().undecided()).isEqualTo(1);
    }

    @Test
    void anInjectedUitzonderingFoutIsNotRetried() {
        simulator.faults().uitzondering(SimulatorFaults.ALWAYS);

        PlatformUnavailableException e = unavailable(client(), Personas.leefloon().insz(), List.of(LEEFLOON));

        assertThat(e.reason()).isEqualTo(Reason.UITZONDERING);
        assertThat(e.getMessage()).contains("99999");
        assertThat(simulator.callCount()).isEqualTo(1);
    }

    // ---- HTTP errors and retries --------------------------------------------------------------------

    @Test
    void repeatedHttp500sAreRetriedThenReportedAsHttpError() {
        simulator.faults().http500(SimulatorFaults.ALWAYS);
        MagdaClient client = client();

        PlatformUnavailableException e = unavailable(client, Personas.leefloon().insz(), List.of(LEEFLOON));

        assertThat(e.reason()).isEqualTo(Reason.HTTP_ERROR);
        assertThat(e.getMessage()).contains("HTTP 500", "after 3 attempts");
        assertThat(simulator.callCount()).as("maxAttempts calls").isEqualTo(3);
        assertThat(client.calls().httpExchanges()).isEqualTo(3);
        assertThat(client.calls().unavailable()).containsEntry(Reason.HTTP_ERROR, 1L);
    }

    @Test
    void oneHttp500ThenSuccessGivesTheAnswer() throws Exception {
        simulator.faults().http500(1);

        StatusAnswer answer = client().ask(Personas.leefloon().insz(), List.of(LEEFLOON), MARCH_2025);

        assertThat(answer.applicable()).containsExactly(LEEFLOON);
        assertThat(simulator.callCount()).isEqualTo(2);
    }

    @Test
    void anHttp4xxIsNotRetried() {
        simulator.faults().httpError(400, SimulatorFaults.ALWAYS);

        PlatformUnavailableException e = unavailable(client(), Personas.leefloon().insz(), List.of(LEEFLOON));

        assertThat(e.reason()).isEqualTo(Reason.HTTP_ERROR);
        assertThat(e.getMessage()).contains("HTTP 400");
        assertThat(simulator.callCount()).isEqualTo(1);
    }

    @Test
    void aMalformedReplyIsReportedAndNotRetried() {
        simulator.faults().malformedReply(SimulatorFaults.ALWAYS);

        PlatformUnavailableException e = unavailable(client(), Personas.leefloon().insz(), List.of(LEEFLOON));

        assertThat(e.reason()).isEqualTo(Reason.MALFORMED_REPLY);
        assertThat(simulator.callCount()).isEqualTo(1);
    }

    // ---- timeouts and connection failures -----------------------------------------------------------

    @Test
    void aPlatformThatDoesNotAnswerTimesOutWithinTheReadTimeoutPerAttempt() {
        simulator.faults().timeout(SimulatorFaults.ALWAYS);
        MagdaClient client = new MagdaClient(config(simulator.endpoint()).withTimeouts(Duration.ofMillis(300), READ_TIMEOUT));
        long start = System.nanoTime();

        PlatformUnavailableException e = unavailable(client, Personas.leefloon().insz(), List.of(LEEFLOON));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        // far below the simulator's 30 s hold: each attempt gave up after its read timeout
        assertThat(took).isBetween(READ_TIMEOUT.multipliedBy(3), READ_TIMEOUT.multipliedBy(3).plusSeconds(5));
        simulator.awaitCallCount(3, Duration.ofSeconds(5)); // a call the client gave up on may be counted a moment later
        assertThat(simulator.callCount()).isEqualTo(3);
    }

    @Test
    void aPlatformThatIsDownIsUnreachable() {
        MagdaClient client = client();
        simulator.close();

        PlatformUnavailableException e = unavailable(client, Personas.leefloon().insz(), List.of(LEEFLOON));

        assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
        assertThat(e.getMessage()).contains("after 3 attempts");
    }

    // ---- circuit breaker and bulkhead ---------------------------------------------------------------

    @Test
    void repeatedFailuresOpenTheCircuitAndThenNothingReachesThePlatform() {
        simulator.faults().http500(SimulatorFaults.ALWAYS);
        MagdaClient client = new MagdaClient(config(simulator.endpoint())
                .withRetry(RetrySettings.attempts(1, Duration.ofMillis(20)))
                .withCircuitBreaker(new CircuitBreakerSettings(50f, 4, 4, Duration.ofSeconds(30), 1)));
        Insz insz = Personas.leefloon().insz();
        for (int i = 0; i < 4; i++) {
            assertThat(unavailable(client, insz, List.of(LEEFLOON)).reason()).isEqualTo(Reason.HTTP_ERROR);
        }
        assertThat(client.circuitState()).isEqualTo(MagdaClient.CircuitState.OPEN);
        simulator.resetCounts();

        PlatformUnavailableException e = unavailable(client, insz, List.of(LEEFLOON));

        assertThat(e.reason()).isEqualTo(Reason.CIRCUIT_OPEN);
        assertThat(e.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(30));
        assertThat(simulator.callCount()).as("no call reached the platform").isZero();
    }

    @Test
    void uitzonderingenDoNotOpenTheCircuit() {
        MagdaClient client = new MagdaClient(config(simulator.endpoint())
                .withCircuitBreaker(new CircuitBreakerSettings(50f, 4, 4, Duration.ofSeconds(30), 1)));
        simulator.faults().uitzondering(3);
        for (int i = 0; i < 3; i++) {
            assertThat(unavailable(client, Personas.leefloon().insz(), List.of(BIM)).reason()).isEqualTo(Reason.UITZONDERING);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(catchThrowableOfType(() -> client.ask(Personas.unknownInsz(), List.of(BIM), MARCH_2025),
                    PlatformCannotDecideException.class)).isNotNull();
        }

        assertThat(client.circuitState()).isEqualTo(MagdaClient.CircuitState.CLOSED);
    }

    @Test
    void moreQuestionsAtOnceThanTheLimitAreTurnedAwayAsTooBusy() throws Exception {
        simulator.faults().latency(Duration.ofMillis(1500));
        MagdaClient client = new MagdaClient(config(simulator.endpoint())
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(5))
                .withBulkhead(new BulkheadSettings(2, Duration.ZERO)));
        Insz insz = Personas.leefloon().insz();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<StatusAnswer>> underWay = new ArrayList<>();
            for (int i = 0; i < 2; i++) underWay.add(pool.submit(() -> client.ask(insz, List.of(LEEFLOON), MARCH_2025)));
            assertThat(simulator.awaitInFlight(2, Duration.ofSeconds(5))).as("the simulator has 2 calls in flight").isTrue();

            PlatformUnavailableException e = unavailable(client, insz, List.of(LEEFLOON));

            assertThat(e.reason()).isEqualTo(Reason.TOO_BUSY);
            assertThat(simulator.callCount()).as("the third question was not sent").isEqualTo(2);
            for (Future<StatusAnswer> f : underWay) assertThat(f.get(5, TimeUnit.SECONDS).applicable()).containsExactly(LEEFLOON);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void manyConcurrentQuestionsAreAllAnswered() {
        MagdaClient client = client();
        List<Persona> personas = Personas.all();

        List<CompletableFuture<StatusAnswer>> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 40; i++) {
                Persona p = personas.get(i % personas.size());
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return client.ask(p.insz(), List.of(BIM), MARCH_2025);
                    } catch (PlatformUnavailableException | PlatformCannotDecideException e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            answers.forEach(CompletableFuture::join);
        } finally {
            pool.shutdownNow();
        }

        assertThat(simulator.callCount()).isEqualTo(40);
        assertThat(client.calls().answered()).isEqualTo(40);
        assertThat(client.calls().freeSlots()).isEqualTo(16);
    }

    // ---- privacy ------------------------------------------------------------------------------------

    @Test
    void noLogLineShowsTheInsz() {
        Logger logger = (Logger) LoggerFactory.getLogger("be.proactief.magda");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            MagdaClient client = client();
            simulator.faults().waarschuwing(1);
            try {
                client.ask(Personas.leefloon().insz(), List.of(LEEFLOON), MARCH_2025);
            } catch (PlatformUnavailableException | PlatformCannotDecideException e) {
                throw new AssertionError(e);
            }
            assertThat(catchThrowableOfType(() -> client.ask(Personas.unknownInsz(), List.of(BIM), MARCH_2025),
                    PlatformCannotDecideException.class)).isNotNull();
            simulator.faults().http500(SimulatorFaults.ALWAYS);
            unavailable(client, Personas.leefloon().insz(), List.of(LEEFLOON));
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list).isNotEmpty();
        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(line -> line.contains(Personas.leefloon().insz().digits()))
                .noneMatch(line -> line.contains(Personas.unknownInsz().digits()));
    }

    @Test
    void snapStartPrimingBuildsAndParsesOfflineWithoutAskingThePlatformOrCountingACall() {
        MagdaClient client = client();

        assertThat(client.primeOffline()).isEqualTo(1);

        assertThat(simulator.callCount()).isZero();
        assertThat(client.calls().questions()).isZero();
        assertThat(client.calls().httpExchanges()).isZero();
        assertThat(client.circuitState()).isEqualTo(MagdaClient.CircuitState.CLOSED);
    }
}

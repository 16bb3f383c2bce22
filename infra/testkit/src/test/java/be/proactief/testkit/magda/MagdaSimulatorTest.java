package be.proactief.testkit.magda;

import be.proactief.core.insz.Insz;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static be.proactief.testkit.magda.StatusNames.BIM_BVT;
import static be.proactief.testkit.magda.StatusNames.BIM_BVT_IN_FAMILY;
import static be.proactief.testkit.magda.StatusNames.LIVING_WAGES_PCSA_HELP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MagdaSimulatorTest {

    private static final LocalDate MARCH_2025 = LocalDate.of(2025, 3, 1);

    private MagdaSimulator simulator;

    @BeforeEach
    void start() {
        simulator = new MagdaSimulator().registerAll(Personas.all()).start();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    // ---- the truth, date-aware -----------------------------------------------------------------------

    @Test
    void aStatusAppliesOnTheLastDayOfItsPeriodAndNotTheDayAfter() throws Exception {
        Insz insz = Personas.increasedAllowanceUntilMid2024().insz();

        String lastDay = SoapCalls.ask(simulator, insz, LocalDate.of(2024, 6, 30), BIM_BVT).body();
        String dayAfter = SoapCalls.ask(simulator, insz, LocalDate.of(2024, 7, 1), BIM_BVT).body();

        assertThat(SoapCalls.codes(lastDay)).containsExactly(Map.entry(BIM_BVT, "1"));
        assertThat(SoapCalls.texts(lastDay, "Begindatum")).containsExactly("2020-01-01");
        assertThat(SoapCalls.texts(lastDay, "Einddatum")).containsExactly("2024-06-30");
        assertThat(SoapCalls.codes(dayAfter)).containsExactly(Map.entry(BIM_BVT, "0"));
        assertThat(SoapCalls.texts(dayAfter, "Periode")).isEmpty();
    }

    @Test
    void aStatusIsNotApplicableBeforeItBegins() throws Exception {
        String answer = SoapCalls.ask(simulator, Personas.leefloon().insz(), LocalDate.of(2019, 12, 31), LIVING_WAGES_PCSA_HELP).body();

        assertThat(SoapCalls.codes(answer)).containsExactly(Map.entry(LIVING_WAGES_PCSA_HELP, "0"));
    }

    @Test
    void eachAskedStatusIsAnsweredInOrderWithItsDescription() throws Exception {
        String answer = SoapCalls.ask(simulator, Personas.increasedAllowance().insz(), MARCH_2025,
                LIVING_WAGES_PCSA_HELP, BIM_BVT, BIM_BVT_IN_FAMILY).body();

        assertThat(SoapCalls.codes(answer)).containsExactly(
                Map.entry(LIVING_WAGES_PCSA_HELP, "0"), Map.entry(BIM_BVT, "1"), Map.entry(BIM_BVT_IN_FAMILY, "1"));
        assertThat(SoapCalls.texts(answer, "Omschrijving"))
                .containsExactly("Niet van toepassing", "Van toepassing", "Van toepassing");
    }

    @Test
    void aQuestionOverAPeriodIsAnsweredByOverlap() throws Exception {
        Insz insz = Personas.increasedAllowanceUntilMid2024().insz();
        String question = SoapCalls.question("ref-period", insz, MARCH_2025, BIM_BVT)
                .replace("<Datum><Datum>2025-03-01</Datum></Datum>",
                        "<Datum><Periode><Begindatum>2024-06-01</Begindatum><Einddatum>2024-12-31</Einddatum></Periode></Datum>");

        String answer = SoapCalls.post(simulator.endpoint(), question).body();

        assertThat(SoapCalls.codes(answer)).containsExactly(Map.entry(BIM_BVT, "1"));
    }

    @Test
    void theAnswerEchoesTheSenderAndCarriesAFreshPlatformReference() throws Exception {
        Insz insz = Personas.leefloon().insz();

        String first = SoapCalls.post(simulator.endpoint(), SoapCalls.question("our-ref-1", insz, MARCH_2025, BIM_BVT)).body();
        String second = SoapCalls.post(simulator.endpoint(), SoapCalls.question("our-ref-2", insz, MARCH_2025, BIM_BVT)).body();

        String[] bericht = {"Body", "GeefSociaalStatuutResponse", "Repliek", "Context", "Bericht"};
        assertThat(SoapCalls.at(first, concat(bericht, "Type"))).isEqualTo("ANTWOORD");
        assertThat(SoapCalls.at(first, concat(bericht, "Ontvanger", "Referte"))).isEqualTo("our-ref-1");
        assertThat(SoapCalls.at(first, concat(bericht, "Ontvanger", "Identificatie"))).isEqualTo("gent.be/proactief");
        assertThat(SoapCalls.at(first, concat(bericht, "Ontvanger", "Hoedanigheid"))).isEqualTo("1303");
        assertThat(SoapCalls.at(first, "Body", "GeefSociaalStatuutResponse", "Repliek", "Antwoorden", "Antwoord", "Referte"))
                .isEqualTo("our-ref-1");
        String platformRef = SoapCalls.at(first, concat(bericht, "Afzender", "Referte"));
        assertThat(UUID.fromString(platformRef)).isNotNull();
        assertThat(SoapCalls.at(second, concat(bericht, "Afzender", "Referte"))).isNotEqualTo(platformRef);
        assertThat(SoapCalls.texts(first, "INSZ")).containsExactly(insz.digits());
    }

    @Test
    void anUnknownInszIsAnsweredWithUitzondering30003() throws Exception {
        String answer = SoapCalls.ask(simulator, Personas.unknownInsz(), MARCH_2025, BIM_BVT).body();

        assertThat(SoapCalls.texts(answer, "Identificatie")).contains("30003");
        assertThat(SoapCalls.texts(answer, "Type")).containsExactly("ANTWOORD", "FOUT");
        assertThat(SoapCalls.texts(answer, "Diagnose")).containsExactly("Onbestaande INSZ");
        assertThat(SoapCalls.texts(answer, "SociaalStatuut")).isEmpty();
    }

    @Test
    void aPersonaWithoutStatusIsKnown() throws Exception {
        String answer = SoapCalls.ask(simulator, Personas.noStatus().insz(), MARCH_2025, BIM_BVT).body();

        assertThat(SoapCalls.codes(answer)).containsExactly(Map.entry(BIM_BVT, "0"));
        assertThat(SoapCalls.texts(answer, "Uitzondering")).isEmpty();
    }

    // ---- requests that are not questions ------------------------------------------------------------

    @Test
    void somethingOtherThanAQuestionGetsHttp400WithASoapFault() throws Exception {
        HttpResponse<String> response = SoapCalls.post(simulator.endpoint(), "<hello/>");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SoapCalls.texts(response.body(), "faultcode")).containsExactly("soapenv:Client");
        assertThat(simulator.callCount()).isEqualTo(1);
    }

    @Test
    void aBadInszGetsHttp400WithoutEchoingIt() throws Exception {
        String question = SoapCalls.question("r", Personas.leefloon().insz(), MARCH_2025, BIM_BVT)
                .replace(Personas.leefloon().insz().digits(), "8567300332X");

        HttpResponse<String> response = SoapCalls.post(simulator.endpoint(), question);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("INSZ must be 11 digits").doesNotContain("8567300332X");
    }

    @Test
    void nineStatusesInOneQuestionGetHttp400() throws Exception {
        HttpResponse<String> response = SoapCalls.ask(simulator, Personas.leefloon().insz(), MARCH_2025,
                "S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("1 to 8");
    }

    @Test
    void aDoctypeIsRefused() throws Exception {
        HttpResponse<String> response = SoapCalls.post(simulator.endpoint(),
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("root:");
    }

    // ---- faults from Java ---------------------------------------------------------------------------

    @Test
    void http500ForTheNextCallsThenNormalAgain() throws Exception {
        simulator.faults().http500(2);
        Insz insz = Personas.leefloon().insz();

        assertThat(SoapCalls.ask(simulator, insz, MARCH_2025, BIM_BVT).statusCode()).isEqualTo(500);
        assertThat(SoapCalls.ask(simulator, insz, MARCH_2025, BIM_BVT).statusCode()).isEqualTo(500);
        assertThat(SoapCalls.ask(simulator, insz, MARCH_2025, BIM_BVT).statusCode()).isEqualTo(200);
    }

    @Test
    void anAlwaysFaultLastsUntilReset() throws Exception {
        simulator.faults().http500(SimulatorFaults.ALWAYS);
        Insz insz = Personas.leefloon().insz();
        for (int i = 0; i < 3; i++) assertThat(SoapCalls.ask(simulator, insz, MARCH_2025, BIM_BVT).statusCode()).isEqualTo(500);

        simulator.reset();

        assertThat(SoapCalls.ask(simulator, insz, MARCH_2025, BIM_BVT).statusCode()).isEqualTo(200);
        assertThat(simulator.callCount()).as("reset also clears the counters").isEqualTo(1);
    }

    @Test
    void aMalformedReplyIsNotWellFormedXml() throws Exception {
        simulator.faults().malformedReply(1);

        HttpResponse<String> response = SoapCalls.ask(simulator, Personas.leefloon().insz(), MARCH_2025, BIM_BVT);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> SoapCalls.parse(response.body())).isInstanceOf(org.xml.sax.SAXParseException.class);
    }

    @Test
    void aTimeoutOutlastsTheClientAndEndsWhenTheSimulatorCloses() throws Exception {
        simulator.faults().timeout(SimulatorFaults.ALWAYS);

        assertThatThrownBy(() -> SoapCalls.post(simulator.endpoint(),
                SoapCalls.question("r", Personas.leefloon().insz(), MARCH_2025, BIM_BVT), Duration.ofMillis(300)))
                .isInstanceOf(HttpTimeoutException.class);
        simulator.awaitInFlight(1, Duration.ofSeconds(5));
        assertThat(simulator.inFlight()).isEqualTo(1);

        long start = System.nanoTime();
        simulator.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("far less than the 30 s hold").isLessThan(Duration.ofSeconds(10));
        simulator.awaitInFlight(0, Duration.ofSeconds(5));
        assertThat(simulator.inFlight()).isZero();
    }

    @Test
    void latencyDelaysEveryAnswer() throws Exception {
        simulator.faults().latency(Duration.ofMillis(300));

        long start = System.nanoTime();
        HttpResponse<String> response = SoapCalls.ask(simulator, Personas.leefloon().insz(), MARCH_2025, BIM_BVT);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    // ---- faults over the admin endpoint -------------------------------------------------------------

    @Test
    void adminQueryParametersArmAFaultForTheNextCalls() throws Exception {
        HttpResponse<String> armed = SoapCalls.admin(simulator, "POST", "faults?fault=HTTP_ERROR&status=503&times=1", null);
        assertThat(armed.statusCode()).isEqualTo(200);
        assertThat(armed.body()).contains("\"HTTP_ERROR\":1", "\"httpStatus\":503");
        Insz insz = Personas.leefloon().insz();

        assertThat(SoapCalls.ask(simulator, insz, MARCH_2025, BIM_BVT).statusCode()).isEqualTo(503);
        assertThat(SoapCalls.ask(simulator, insz, MARCH_2025, BIM_BVT).statusCode()).isEqualTo(200);
    }

    @Test
    void adminJsonBodyArmsAnUitzondering() throws Exception {
        SoapCalls.admin(simulator, "POST", "faults", "{\"fault\": \"UITZONDERING\", \"times\": 1}");

        String answer = SoapCalls.ask(simulator, Personas.leefloon().insz(), MARCH_2025, BIM_BVT).body();

        assertThat(SoapCalls.texts(answer, "Type")).containsExactly("ANTWOORD", "FOUT");
        assertThat(SoapCalls.texts(answer, "Identificatie")).contains("99999");
    }

    @Test
    void adminSetsLatencyAndDeleteClearsEverything() throws Exception {
        SoapCalls.admin(simulator, "POST", "faults", "latencyMs=250");
        SoapCalls.admin(simulator, "POST", "faults", "fault=TIMEOUT");
        assertThat(SoapCalls.admin(simulator, "GET", "faults", null).body()).contains("\"latencyMs\":250", "\"TIMEOUT\":\"always\"");

        HttpResponse<String> cleared = SoapCalls.admin(simulator, "DELETE", "faults", null);

        assertThat(cleared.body()).contains("\"latencyMs\":0", "\"armed\":{}");
        assertThat(simulator.faults().active()).isFalse();
    }

    @Test
    void adminRefusesAnUnknownFault() throws Exception {
        HttpResponse<String> response = SoapCalls.admin(simulator, "POST", "faults?fault=EARTHQUAKE", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("unknown fault 'EARTHQUAKE'");
    }

    // ---- counters -----------------------------------------------------------------------------------

    @Test
    void callsAreCountedInTotalAndPerInsz() throws Exception {
        Insz leefloon = Personas.leefloon().insz();
        Insz other = Personas.noStatus().insz();
        SoapCalls.ask(simulator, leefloon, MARCH_2025, BIM_BVT);
        SoapCalls.ask(simulator, leefloon, MARCH_2025, LIVING_WAGES_PCSA_HELP);
        SoapCalls.ask(simulator, other, MARCH_2025, BIM_BVT);

        assertThat(simulator.callCount()).isEqualTo(3);
        assertThat(simulator.callCount(leefloon)).isEqualTo(2);
        assertThat(simulator.callCount(other)).isEqualTo(1);
        assertThat(simulator.callCount(Personas.unknownInsz())).isZero();
        simulator.awaitInFlight(0, Duration.ofSeconds(5)); // the last answer is sent just before its call leaves the count
        assertThat(SoapCalls.admin(simulator, "GET", "calls", null).body()).isEqualTo("{\"total\":3,\"inFlight\":0}");

        SoapCalls.admin(simulator, "DELETE", "calls", null);

        assertThat(simulator.callCount()).isZero();
        assertThat(simulator.callCount(leefloon)).isZero();
    }

    @Test
    void aCallInFlightIsAlreadyCountedWhileItsBodyIsStillArriving() throws Exception {
        try (java.net.Socket socket = new java.net.Socket(simulator.endpoint().getHost(), simulator.endpoint().getPort())) {
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST " + simulator.endpoint().getPath() + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: text/xml\r\nContent-Length: 100\r\n\r\n<half").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            simulator.awaitInFlight(1, Duration.ofSeconds(5));

            assertThat(simulator.inFlight()).isEqualTo(1);
            assertThat(simulator.callCount()).as("a call in flight is a call").isEqualTo(1);
        }
    }

    @Test
    void faultedCallsAreCountedToo() throws Exception {
        simulator.faults().http500(1);

        SoapCalls.ask(simulator, Personas.leefloon().insz(), MARCH_2025, BIM_BVT);

        assertThat(simulator.callCount(Personas.leefloon().insz())).isEqualTo(1);
    }

    @Test
    void personasRegisteredConcurrentlyAreAllKnown() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int serial = 100 + i;
                done.add(pool.submit(() -> simulator.register(
                        Persona.of(Insz.of(80, 65, 10, serial, false)).with(Personas.YEARS_2020_2030, BIM_BVT))));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdown();
        }

        assertThat(simulator.personaCount()).isEqualTo(Personas.all().size() + 40);
        assertThat(SoapCalls.codes(SoapCalls.ask(simulator, Insz.of(80, 65, 10, 139, false), MARCH_2025, BIM_BVT).body()))
                .containsExactly(Map.entry(BIM_BVT, "1"));
    }

    @Test
    void onlyTheServicePathAndPostAreServed() throws Exception {
        assertThat(SoapCalls.post(simulator.endpoint().resolve("/elsewhere"), "<x/>").statusCode()).isEqualTo(404);
        assertThat(SoapCalls.HTTP.send(java.net.http.HttpRequest.newBuilder(simulator.endpoint()).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
        assertThat(simulator.callCount()).isZero();
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}

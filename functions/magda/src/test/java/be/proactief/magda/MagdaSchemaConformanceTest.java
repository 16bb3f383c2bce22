package be.proactief.magda;

import be.proactief.core.insz.Insz;
import be.proactief.testkit.magda.MagdaSimulator;
import be.proactief.testkit.magda.Personas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The messages on the wire follow the official XSDs: every question the client builds validates
 * against GeefSociaalStatuut.xsd, every answer the simulator gives against GeefSociaalStatuutResponse.xsd
 * (the payload element, taken out of the SOAP Body).
 */
class MagdaSchemaConformanceTest {

    private static final LocalDate DATE = LocalDate.of(2025, 1, 1);
    private static final MagdaConfig CONFIG = MagdaConfig.defaults(URI.create("http://127.0.0.1:1/ws"), "gent.be/proactief", "1303");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static MagdaSimulator simulator;

    @BeforeAll
    static void startSimulator() {
        simulator = new MagdaSimulator().registerAll(Personas.all()).start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    private static Element question(List<String> names, Insz insz) throws Exception {
        String envelope = GeefSociaalStatuutRequest.forQuestion(CONFIG, insz, names, DATE, Clock.systemUTC()).toSoapEnvelope();
        return MagdaReferenceData.element(MagdaReferenceData.parse(envelope), "GeefSociaalStatuut");
    }

    @Test
    void aQuestionForOneStatusIsValid() throws Exception {
        MagdaReferenceData.validate(MagdaReferenceData.requestSchema(), question(List.of("BIM_BVT"), Personas.leefloon().insz()));
    }

    @Test
    void aQuestionForEightStatusesIsValid() throws Exception {
        List<String> eight = List.of("LIVING_WAGES_PCSA_HELP", "PCSA_AND_BIM_HELP", "BIM_BVT", "BIM_BVT_IN_FAMILY",
                "GENT_PARKING_ADULT", "GENT_PARKING_CHILD", "S7", "S8");

        MagdaReferenceData.validate(MagdaReferenceData.requestSchema(), question(eight, Personas.leefloon().insz()));
    }

    @Test
    void aQuestionWithSpecialCharactersInANameIsValid() throws Exception {
        MagdaReferenceData.validate(MagdaReferenceData.requestSchema(),
                question(List.of("A&B <x> \"quoted\" 'é' ]]>"), Personas.leefloon().insz()));
    }

    @Test
    void theSchemaCheckCatchesAMisshapenQuestion() throws Exception {
        Element q = question(List.of("BIM_BVT"), Personas.leefloon().insz());
        Element insz = (Element) q.getElementsByTagName("INSZ").item(0);
        insz.setTextContent("123");

        var schema = MagdaReferenceData.requestSchema(); // skips the test where shared/magda is absent
        assertThatThrownBy(() -> MagdaReferenceData.validate(schema, q))
                .hasMessageContaining("123");
    }

    @Test
    void theSimulatorsAnswerWithApplicableStatusesAndPeriodsIsValid() throws Exception {
        Element answer = answerFor(List.of("LIVING_WAGES_PCSA_HELP", "GENT_PARKING_ADULT"), Personas.leefloon().insz());

        assertThat(answer.getElementsByTagName("Periode").getLength()).isEqualTo(1);
        MagdaReferenceData.validate(MagdaReferenceData.responseSchema(), answer);
    }

    @Test
    void theSimulatorsUitzonderingForAnUnknownInszIsValid() throws Exception {
        Element answer = answerFor(List.of("BIM_BVT"), Personas.unknownInsz());

        assertThat(answer.getElementsByTagName("Uitzondering").getLength()).isEqualTo(1);
        MagdaReferenceData.validate(MagdaReferenceData.responseSchema(), answer);
    }

    @Test
    void theSimulatorsAnswerWithAWarningIsValid() throws Exception {
        simulator.faults().waarschuwing(1);

        Element answer = answerFor(List.of("BIM_BVT"), Personas.increasedAllowance().insz());

        assertThat(answer.getElementsByTagName("Uitzondering").getLength()).isEqualTo(1);
        MagdaReferenceData.validate(MagdaReferenceData.responseSchema(), answer);
    }

    @Test
    void theSimulatorsInjectedUitzonderingFoutIsValid() throws Exception {
        simulator.faults().uitzondering(1);

        Element answer = answerFor(List.of("BIM_BVT"), Personas.increasedAllowance().insz());

        MagdaReferenceData.validate(MagdaReferenceData.responseSchema(), answer);
    }

    private static Element answerFor(List<String> names, Insz insz) throws Exception {
        String envelope = GeefSociaalStatuutRequest.forQuestion(CONFIG, insz, names, DATE, Clock.systemUTC()).toSoapEnvelope();
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(simulator.endpoint())
                .header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        Document doc = MagdaReferenceData.parse(response.body());
        return MagdaReferenceData.element(doc, "GeefSociaalStatuutResponse");
    }
}

package be.proactief.magda;

import be.proactief.core.insz.Insz;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeefSociaalStatuutRequestTest {

    private static final Insz INSZ = Insz.of(85, 67, 30, 33, false);
    private static final LocalDate JAN_1 = LocalDate.of(2025, 1, 1);
    private static final MagdaConfig CONFIG = MagdaConfig.defaults(URI.create("https://magda.example/ws"), "gent.be/proactief", "1303")
            .withReferencePrefix("PRO-");
    private static final Clock NOON_UTC = Clock.fixed(Instant.parse("2025-01-01T11:00:00Z"), ZoneOffset.UTC);

    private static GeefSociaalStatuutRequest request(List<String> names) {
        return GeefSociaalStatuutRequest.forQuestion(CONFIG, INSZ, names, JAN_1, NOON_UTC);
    }

    @Test
    void aQuestionCarriesContextSenderAndOneCriterionPerStatus() throws Exception {
        GeefSociaalStatuutRequest request = request(List.of("LIVING_WAGES_PCSA_HELP", "BIM_BVT"));

        Document doc = MagdaReferenceData.parse(request.toSoapEnvelope());
        Element body = MagdaReferenceData.element(doc, "GeefSociaalStatuut");

        assertThat(body.getNamespaceURI()).isEqualTo(GeefSociaalStatuutRequest.NAMESPACE);
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo(GeefSociaalStatuutRequest.SOAP_ENV_NAMESPACE);
        assertThat(text(doc, "Naam")).isEqualTo("GeefSociaalStatuut");
        assertThat(text(doc, "Versie")).isEqualTo("03.00.0000");
        assertThat(text(doc, "Type")).isEqualTo("VRAAG");
        Element afzender = MagdaReferenceData.element(doc, "Afzender");
        assertThat(child(afzender, "Identificatie")).isEqualTo("gent.be/proactief");
        assertThat(child(afzender, "Hoedanigheid")).isEqualTo("1303");
        assertThat(child(afzender, "Referte")).isEqualTo(request.referte()).startsWith("PRO-");
        Element tijdstip = MagdaReferenceData.element(doc, "Tijdstip");
        assertThat(child(tijdstip, "Datum")).isEqualTo("2025-01-01");
        assertThat(child(tijdstip, "Tijd")).as("Brussels time").isEqualTo("12:00:00.000");
        assertThat(text(doc, "INSZ")).isEqualTo(INSZ.digits());
        assertThat(doc.getElementsByTagName("SociaalStatuut").getLength()).isEqualTo(2);
        assertThat(MagdaReferenceData.element(doc, "SocialeStatuten").getTextContent())
                .contains("LIVING_WAGES_PCSA_HELP2025-01-01", "BIM_BVT2025-01-01");
    }

    @Test
    void theTimeOfTheMessageCarriesZeroMillisecondsAsSomeMagdaServicesDemand() throws Exception {
        Clock withMillis = Clock.fixed(Instant.parse("2025-01-01T11:00:07.345Z"), ZoneOffset.UTC);
        Document doc = MagdaReferenceData.parse(GeefSociaalStatuutRequest.forQuestion(CONFIG, INSZ, List.of("BIM_BVT"), JAN_1, withMillis).toSoapEnvelope());
        assertThat(child(MagdaReferenceData.element(doc, "Tijdstip"), "Tijd")).isEqualTo("12:00:07.000");
    }

    @Test
    void everyQuestionGetsItsOwnReference() {
        assertThat(request(List.of("BIM_BVT")).referte()).isNotEqualTo(request(List.of("BIM_BVT")).referte());
    }

    @Test
    void namesWithMarkupCharactersAreEscaped() throws Exception {
        String tricky = "A&B <x> \"q\" 'a' ]]>";

        Document doc = MagdaReferenceData.parse(request(List.of(tricky)).toSoapEnvelope());

        assertThat(child(MagdaReferenceData.element(doc, "SociaalStatuut"), "Naam")).isEqualTo(tricky);
    }

    @Test
    void noStatusIsRefused() {
        assertThatThrownBy(() -> request(List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 8");
    }

    @Test
    void moreThanEightStatusesAreRefused() {
        List<String> nine = List.of("S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9");

        assertThatThrownBy(() -> request(nine)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 9");
    }

    @Test
    void aBlankStatusNameIsRefused() {
        assertThatThrownBy(() -> request(List.of("BIM_BVT", "  "))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> request(Collections.singletonList(null))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNameTooLongForTheSchemaIsRefused() {
        assertThatThrownBy(() -> request(List.of("X".repeat(121)))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("120");
    }

    @Test
    void aControlCharacterInANameIsRefused() {
        assertThatThrownBy(() -> request(List.of("BIM\u0001"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+0001");
    }

    @Test
    void duplicateNamesAreAskedOnce() {
        assertThat(request(List.of("BIM_BVT", "BIM_BVT", " BIM_BVT ")).statusNames()).containsExactly("BIM_BVT");
    }

    @Test
    void itsDescriptionMasksTheInsz() {
        assertThat(request(List.of("BIM_BVT")).toString()).doesNotContain(INSZ.digits()).contains(INSZ.masked());
    }

    private static String text(Document doc, String localName) {
        return MagdaReferenceData.element(doc, localName).getTextContent();
    }

    private static String child(Element parent, String localName) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) return e.getTextContent();
        }
        return null;
    }
}

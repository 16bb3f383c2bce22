package be.proactief.magda;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading answers that are not the happy path. The official answers are covered by {@link OfficialResponsesContractTest}. */
class GeefSociaalStatuutReplyTest {

    private static final String NS = "http://magda.vlaanderen.be/soczek/soap/geefsociaalstatuut/v03_00";

    private static String answer(String statuten, String uitzonderingen) {
        return "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"
                + "<m:GeefSociaalStatuutResponse xmlns:m=\"" + NS + "\"><Repliek><Context><Naam>GeefSociaalStatuut</Naam>"
                + "<Versie>03.00.0000</Versie><Bericht><Type>ANTWOORD</Type><Tijdstip><Datum>2025-01-01</Datum><Tijd>12:00:00.000</Tijd></Tijdstip>"
                + "<Afzender><Identificatie>vip.vlaanderen.be</Identificatie><Referte>platform-ref-1</Referte></Afzender>"
                + "<Ontvanger><Identificatie>gent.be</Identificatie><Referte>our-ref-1</Referte></Ontvanger></Bericht></Context>"
                + "<Antwoorden><Antwoord><Referte>our-ref-1</Referte><Inhoud><Persoon><INSZ>85673003328</INSZ><SocialeStatuten>"
                + statuten + "</SocialeStatuten></Persoon></Inhoud>" + uitzonderingen + "</Antwoord></Antwoorden></Repliek>"
                + "</m:GeefSociaalStatuutResponse></s:Body></s:Envelope>";
    }

    private static String statuut(String naam, String code, String periodes) {
        return "<SociaalStatuut><Naam>" + naam + "</Naam><Resultaat><Code>" + code + "</Code></Resultaat>" + periodes + "</SociaalStatuut>";
    }

    @Test
    void anAnswerInASoapEnvelopeGivesStatusesPeriodsAndBothReferences() throws Exception {
        String xml = answer(statuut("BIM_BVT", "1", "<Periodes><Periode><Begindatum>2024-01-01</Begindatum></Periode>"
                + "<Periode><Begindatum>2020-01-01</Begindatum><Einddatum>2021-12-31+01:00</Einddatum></Periode></Periodes>")
                + statuut("LIVING_WAGES_PCSA_HELP", "0", ""), "");

        GeefSociaalStatuutReply reply = GeefSociaalStatuutReply.parse(xml);

        assertThat(reply.platformReference()).isEqualTo("platform-ref-1");
        assertThat(reply.receiverReference()).contains("our-ref-1");
        assertThat(reply.statuten().stream().filter(GeefSociaalStatuutReply.SociaalStatuut::vanToepassing).map(GeefSociaalStatuutReply.SociaalStatuut::naam)).containsExactly("BIM_BVT");
        assertThat(reply.statuten().get(0).periodes()).containsExactly(
                new GeefSociaalStatuutReply.Periode(LocalDate.of(2024, 1, 1), null),
                new GeefSociaalStatuutReply.Periode(LocalDate.of(2020, 1, 1), LocalDate.of(2021, 12, 31)));
        assertThat(reply.uitzonderingen()).isEmpty();
    }

    @Test
    void uitzonderingenAreFoundWhereverTheyAre() throws Exception {
        String xml = answer(statuut("BIM_BVT", "1", ""),
                "<Uitzonderingen><Uitzondering><Identificatie>40001</Identificatie><Oorsprong>MAGDA</Oorsprong>"
                        + "<Type>WAARSCHUWING</Type><Diagnose>Let op</Diagnose></Uitzondering></Uitzonderingen>");

        GeefSociaalStatuutReply reply = GeefSociaalStatuutReply.parse(xml);

        assertThat(reply.uitzonderingen()).containsExactly(new GeefSociaalStatuutReply.Uitzondering(
                "40001", "MAGDA", GeefSociaalStatuutReply.UitzonderingType.WAARSCHUWING, "Let op", ""));
        assertThat(reply.fouten()).isEmpty();
    }

    @Test
    void aSoapFaultIsAParseErrorThatNamesTheFault() {
        String fault = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault>"
                + "<faultcode>s:Server</faultcode><faultstring>INSZ 85673003328 kapot</faultstring></s:Fault></s:Body></s:Envelope>";

        assertThatThrownBy(() -> GeefSociaalStatuutReply.parse(fault))
                .isInstanceOf(MalformedReplyException.class)
                .hasMessageContaining("SOAP Fault")
                .hasMessageContaining("s:Server")
                .hasMessageNotContaining("85673003328");
    }

    @Test
    void anotherDocumentIsAParseError() {
        assertThatThrownBy(() -> GeefSociaalStatuutReply.parse("<html><body>Gateway error</body></html>"))
                .isInstanceOf(MalformedReplyException.class)
                .hasMessageContaining("not a GeefSociaalStatuut reply");
    }

    @Test
    void textThatIsNotXmlIsAParseError() {
        assertThatThrownBy(() -> GeefSociaalStatuutReply.parse("Service Unavailable"))
                .isInstanceOf(MalformedReplyException.class)
                .hasMessageContaining("not well-formed");
        assertThatThrownBy(() -> GeefSociaalStatuutReply.parse(new byte[0]))
                .isInstanceOf(MalformedReplyException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void anAnswerWithoutThePlatformReferenceIsAParseError() {
        String xml = answer(statuut("BIM_BVT", "1", ""), "").replace("<Referte>platform-ref-1</Referte>", "");

        assertThatThrownBy(() -> GeefSociaalStatuutReply.parse(xml))
                .isInstanceOf(MalformedReplyException.class)
                .hasMessageContaining("Afzender/Referte");
    }

    @Test
    void aResultCodeOtherThanZeroOrOneIsAParseError() {
        assertThatThrownBy(() -> GeefSociaalStatuutReply.parse(answer(statuut("BIM_BVT", "2", ""), "")))
                .isInstanceOf(MalformedReplyException.class)
                .hasMessageContaining("expected 0 or 1");
    }

    @Test
    void anUnknownUitzonderingTypeIsAParseError() {
        String xml = answer(statuut("BIM_BVT", "1", ""),
                "<Uitzonderingen><Uitzondering><Identificatie>1</Identificatie><Oorsprong>X</Oorsprong>"
                        + "<Type>ERNSTIG</Type><Diagnose>?</Diagnose></Uitzondering></Uitzonderingen>");

        assertThatThrownBy(() -> GeefSociaalStatuutReply.parse(xml))
                .isInstanceOf(MalformedReplyException.class)
                .hasMessageContaining("ERNSTIG");
    }

    @Test
    void anExternalEntityIsRefusedAndNothingIsRead() throws Exception {
        Path secret = Files.createTempFile("magda-xxe", ".txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        try {
            String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                    + answer(statuut("&x;", "1", ""), "");

            assertThatThrownBy(() -> GeefSociaalStatuutReply.parse(xxe))
                    .isInstanceOf(MalformedReplyException.class)
                    .hasMessageContaining("DOCTYPE")
                    .hasMessageNotContaining("TOP-SECRET-CONTENT");
        } finally {
            Files.deleteIfExists(secret);
        }
    }

    @Test
    void anEntityExpansionBombIsRefused() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
                + "<GeefSociaalStatuutResponse>&lol2;</GeefSociaalStatuutResponse>";

        assertThatThrownBy(() -> GeefSociaalStatuutReply.parse(bomb)).isInstanceOf(MalformedReplyException.class);
    }
}

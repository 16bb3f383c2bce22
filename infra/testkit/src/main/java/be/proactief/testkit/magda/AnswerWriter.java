package be.proactief.testkit.magda;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * Writes the simulator's SOAP answers in the shape of the official GeefSociaalStatuutResponse XSD:
 * {@code Repliek/Context} (Bericht Type ANTWOORD, an Afzender with a fresh Referte, an Ontvanger
 * echoing the question's Afzender), then {@code Antwoorden/Antwoord} with the question's Referte and
 * either {@code Inhoud/Persoon/(INSZ, SocialeStatuten)} or {@code Uitzonderingen}.
 */
final class AnswerWriter {

    static final String NAMESPACE = "http://magda.vlaanderen.be/soczek/soap/geefsociaalstatuut/v03_00";
    static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SIMULATOR_ID = "simulator.proactief.local";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    /** One answered status; {@code statusCode} a remark next to the result (e.g. SSH00047), or null. */
    record Statuut(String naam, boolean applies, List<StatusPeriod> periods, String statusCode) {
        Statuut(String naam, boolean applies, List<StatusPeriod> periods) {
            this(naam, applies, periods, null);
        }
    }

    /** An Uitzondering: MAGDA's error/warning element. */
    record Uitzondering(String identificatie, String oorsprong, String type, String diagnose) {
    }

    private AnswerWriter() {
    }

    static String answer(GeefSociaalStatuutQuestion q, LocalDateTime now, List<Statuut> statuten, List<Uitzondering> warnings) {
        return answer(q, now, q.inszDigits(), q.questionReference(), statuten, warnings);
    }

    /** An answer about {@code inszDigits}, for the question {@code answerReference} (the asked ones, unless a test says otherwise). */
    static String answer(GeefSociaalStatuutQuestion q, LocalDateTime now, String inszDigits, String answerReference, List<Statuut> statuten,
                         List<Uitzondering> warnings) {
        StringBuilder x = open(q, now, answerReference);
        x.append("<Inhoud><Persoon>").append(el("INSZ", inszDigits)).append("<SocialeStatuten>");
        for (Statuut s : statuten) {
            x.append("<SociaalStatuut>").append(el("Naam", s.naam()))
                    .append("<Resultaat>").append(el("Code", s.applies() ? "1" : "0"))
                    .append(el("Omschrijving", s.applies() ? "Van toepassing" : "Niet van toepassing"))
                    .append("</Resultaat>");
            if (s.applies() && !s.periods().isEmpty()) {
                x.append("<Periodes>");
                for (StatusPeriod p : s.periods()) {
                    x.append("<Periode>").append(el("Begindatum", p.begin().toString()));
                    if (p.end() != null) x.append(el("Einddatum", p.end().toString()));
                    x.append("</Periode>");
                }
                x.append("</Periodes>");
            }
            if (s.statusCode() != null) x.append("<Status>").append(el("Code", s.statusCode())).append(el("Waarde", "")).append("</Status>");
            x.append("</SociaalStatuut>");
        }
        x.append("</SocialeStatuten></Persoon></Inhoud>");
        uitzonderingen(x, warnings, now);
        return close(x);
    }

    /** A person-level Status instead of the statuses asked: the schema's {@code SocialeStatuten | Status} choice. */
    static String personStatus(GeefSociaalStatuutQuestion q, LocalDateTime now, String code, String omschrijving) {
        StringBuilder x = open(q, now, q.questionReference());
        x.append("<Inhoud><Persoon>").append(el("INSZ", q.inszDigits()))
                .append("<Status>").append(el("Code", code)).append(el("Omschrijving", omschrijving)).append(el("Waarde", ""))
                .append("</Status></Persoon></Inhoud>");
        return close(x);
    }

    static String uitzondering(GeefSociaalStatuutQuestion q, LocalDateTime now, Uitzondering fout) {
        StringBuilder x = open(q, now, q.questionReference());
        uitzonderingen(x, List.of(fout), now);
        return close(x);
    }

    static String soapFault(String faultcode, String faultstring) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soapenv:Envelope xmlns:soapenv=\"" + SOAP_ENV + "\"><soapenv:Body><soapenv:Fault>"
                + "<faultcode>soapenv:" + faultcode + "</faultcode>"
                + el("faultstring", faultstring)
                + "</soapenv:Fault></soapenv:Body></soapenv:Envelope>";
    }

    /** Deliberately cut short: not well-formed. */
    static String truncated() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"" + SOAP_ENV
                + "\"><soapenv:Body><v03:GeefSociaalStatuutResponse xmlns:v03=\"" + NAMESPACE + "\"><Repliek><Cont";
    }

    private static StringBuilder open(GeefSociaalStatuutQuestion q, LocalDateTime now, String answerReference) {
        StringBuilder x = new StringBuilder(2048);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<soapenv:Envelope xmlns:soapenv=\"").append(SOAP_ENV).append("\">")
                .append("<soapenv:Body>")
                .append("<v03:GeefSociaalStatuutResponse xmlns:v03=\"").append(NAMESPACE).append("\">")
                .append("<Repliek><Context>")
                .append(el("Naam", "GeefSociaalStatuut"))
                .append(el("Versie", "03.00.0000"))
                .append("<Bericht>")
                .append(el("Type", "ANTWOORD"))
                .append(tijdstip(now))
                .append("<Afzender>")
                .append(el("Identificatie", SIMULATOR_ID))
                .append(el("Naam", "MagdaSimulator"))
                .append(el("Referte", UUID.randomUUID().toString()))
                .append("</Afzender>")
                .append("<Ontvanger>")
                .append(el("Identificatie", q.senderIdentification()))
                .append(el("Referte", q.senderReference()));
        if (q.hoedanigheid() != null && !q.hoedanigheid().isEmpty()) x.append(el("Hoedanigheid", q.hoedanigheid()));
        x.append("</Ontvanger>")
                .append("</Bericht></Context>")
                .append("<Antwoorden><Antwoord>")
                .append(el("Referte", answerReference));
        return x;
    }

    private static String close(StringBuilder x) {
        return x.append("</Antwoord></Antwoorden></Repliek>")
                .append("</v03:GeefSociaalStatuutResponse>")
                .append("</soapenv:Body></soapenv:Envelope>")
                .toString();
    }

    private static void uitzonderingen(StringBuilder x, List<Uitzondering> list, LocalDateTime now) {
        if (list.isEmpty()) return;
        x.append("<Uitzonderingen>");
        for (Uitzondering u : list) {
            x.append("<Uitzondering>")
                    .append(el("Identificatie", u.identificatie()))
                    .append(el("Oorsprong", u.oorsprong()))
                    .append(el("Type", u.type()))
                    .append(tijdstip(now))
                    .append(el("Diagnose", u.diagnose()))
                    .append("</Uitzondering>");
        }
        x.append("</Uitzonderingen>");
    }

    private static String tijdstip(LocalDateTime now) {
        return "<Tijdstip>" + el("Datum", now.toLocalDate().toString()) + el("Tijd", TIME.format(now)) + "</Tijdstip>";
    }

    private static String el(String name, String text) {
        return "<" + name + ">" + SimulatorXml.escape(text) + "</" + name + ">";
    }
}

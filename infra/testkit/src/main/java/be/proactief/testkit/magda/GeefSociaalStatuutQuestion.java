package be.proactief.testkit.magda;

import org.w3c.dom.Element;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A GeefSociaalStatuut 03.00 question as the simulator reads it (by local names): the Afzender
 * (sender) with its Referte (reference) and Hoedanigheid (capacity), the Vraag (question)
 * Referte, the INSZ and 1–8 criteria (status name with a date or a period).
 */
record GeefSociaalStatuutQuestion(String senderIdentification, String senderReference, String hoedanigheid,
                                  String questionReference, String inszDigits, List<Criterium> criteria) {

    /** One asked status: on {@code from} only when {@code until} equals it, else over a period ({@code until} null = open). */
    record Criterium(String naam, LocalDate from, LocalDate until) {
    }

    /** The request cannot be read; the message names what is wrong and never quotes the INSZ. */
    static final class BadRequest extends Exception {
        BadRequest(String message) {
            super(message);
        }
    }

    static GeefSociaalStatuutQuestion parse(byte[] body) throws BadRequest {
        Element root;
        try {
            root = SimulatorXml.parse(body).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new BadRequest("request is not well-formed XML (or carries a DTD)");
        }
        Element question = root;
        if ("Envelope".equals(SimulatorXml.localName(root))) {
            Element soapBody = SimulatorXml.child(root, "Body");
            if (soapBody == null) throw new BadRequest("SOAP Envelope has no Body");
            question = SimulatorXml.firstElement(soapBody);
        }
        if (question == null || !"GeefSociaalStatuut".equals(SimulatorXml.localName(question))) {
            throw new BadRequest("expected a GeefSociaalStatuut element in the SOAP Body");
        }
        Element verzoek = SimulatorXml.child(question, "Verzoek");
        String service = SimulatorXml.text(verzoek, "Context", "Naam");
        if (service != null && !service.equals("GeefSociaalStatuut")) {
            throw new BadRequest("Context/Naam must be GeefSociaalStatuut");
        }
        Element afzender = SimulatorXml.path(verzoek, "Context", "Bericht", "Afzender");
        String sender = required(SimulatorXml.text(afzender, "Identificatie"), "Afzender/Identificatie");
        String senderRef = required(SimulatorXml.text(afzender, "Referte"), "Afzender/Referte");
        String hoedanigheid = SimulatorXml.text(afzender, "Hoedanigheid");
        Element vraag = SimulatorXml.path(verzoek, "Vragen", "Vraag");
        String questionRef = required(SimulatorXml.text(vraag, "Referte"), "Vraag/Referte");
        Element criteria = SimulatorXml.path(vraag, "Inhoud", "Criteria");
        String insz = required(SimulatorXml.text(criteria, "INSZ"), "Criteria/INSZ");
        if (!insz.matches("[0-9]{11}")) throw new BadRequest("Criteria/INSZ must be 11 digits");
        List<Element> statuten = SimulatorXml.children(SimulatorXml.child(criteria, "SocialeStatuten"), "SociaalStatuut");
        if (statuten.isEmpty() || statuten.size() > 8) {
            throw new BadRequest("SocialeStatuten must hold 1 to 8 SociaalStatuut, got " + statuten.size());
        }
        List<Criterium> asked = new ArrayList<>();
        for (Element s : statuten) {
            String naam = required(SimulatorXml.text(s, "Naam"), "SociaalStatuut/Naam");
            Element datum = SimulatorXml.child(s, "Datum");
            String on = SimulatorXml.text(datum, "Datum");
            if (on != null) {
                LocalDate d = date(on, "Datum/Datum");
                asked.add(new Criterium(naam, d, d));
            } else {
                Element periode = SimulatorXml.child(datum, "Periode");
                LocalDate from = date(required(SimulatorXml.text(periode, "Begindatum"), "Datum/Datum or Datum/Periode/Begindatum"), "Begindatum");
                String end = SimulatorXml.text(periode, "Einddatum");
                asked.add(new Criterium(naam, from, end == null || end.isEmpty() ? null : date(end, "Einddatum")));
            }
        }
        return new GeefSociaalStatuutQuestion(sender, senderRef, hoedanigheid, questionRef, insz, asked);
    }

    /** Never shows the INSZ digits. */
    @Override
    public String toString() {
        return "GeefSociaalStatuutQuestion[sender=" + senderIdentification + ", referte=" + senderReference
                + ", insz=" + inszDigits.substring(0, 6) + "-*****, statuses=" + criteria.stream().map(Criterium::naam).toList() + "]";
    }

    private static String required(String value, String what) throws BadRequest {
        if (value == null || value.isEmpty()) throw new BadRequest(what + " is missing");
        return value;
    }

    private static LocalDate date(String text, String what) throws BadRequest {
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new BadRequest(what + " is not a date (YYYY-MM-DD)");
        }
    }
}

package be.proactief.magda;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed GeefSociaalStatuut 03.00 answer (<em>Repliek</em>).
 *
 * <p>Read by local names, whatever the namespace prefixes, from a SOAP 1.1 envelope or from a bare
 * {@code GeefSociaalStatuutResponse} element:
 * <ul>
 *   <li>{@code Repliek/Context/Bericht/Afzender/Referte}: the platform's reference of this answer, kept for audit;</li>
 *   <li>{@code Repliek/Antwoorden/Antwoord/Referte}: the reference of the question this answers (ours);</li>
 *   <li>{@code Repliek/Antwoorden/Antwoord/Inhoud/Persoon/SocialeStatuten/SociaalStatuut}: per status its Naam,
 *       {@code Resultaat/Code} (1 = <em>van toepassing</em>, applies; 0 = does not), optional
 *       {@code Periodes/Periode(Begindatum, Einddatum)} and an optional {@code Status/Code} (e.g. {@code SSH00047},
 *       a remark next to the result);</li>
 *   <li>{@code Persoon/Status/Code}: the person-level status the schema allows <em>instead of</em>
 *       {@code SocialeStatuten} (e.g. {@code SSH00048}): no answer to the statuses asked;</li>
 *   <li>every <em>Uitzondering</em> anywhere in the answer: MAGDA's error ({@code FOUT}), warning
 *       ({@code WAARSCHUWING}) or information ({@code INFORMATIE}) element, with Identificatie (code),
 *       Oorsprong (origin), Type and Diagnose (text).</li>
 * </ul>
 * Parsing is safe against XXE: DTDs and external entities are refused.
 */
public final class GeefSociaalStatuutReply {

    private final String platformReference;
    private final String receiverReference;
    private final String answerReference;
    private final boolean hasPerson;
    private final String personInsz;
    private final String personStatus;
    private final List<SociaalStatuut> statuten;
    private final List<Uitzondering> uitzonderingen;

    private GeefSociaalStatuutReply(String platformReference, String receiverReference, String answerReference, boolean hasPerson,
                                    String personInsz, String personStatus, List<SociaalStatuut> statuten, List<Uitzondering> uitzonderingen) {
        this.platformReference = platformReference;
        this.receiverReference = receiverReference;
        this.answerReference = answerReference;
        this.hasPerson = hasPerson;
        this.personInsz = personInsz;
        this.personStatus = personStatus;
        this.statuten = List.copyOf(statuten);
        this.uitzonderingen = List.copyOf(uitzonderingen);
    }

    /** The largest reply read: a GeefSociaalStatuut answer for 8 statuses is a few KiB. */
    public static final int MAX_REPLY_BYTES = 1024 * 1024;
    /** The deepest element nesting read (the official answers nest about 12 deep). */
    public static final int MAX_DEPTH = 64;

    public static GeefSociaalStatuutReply parse(String xml) throws MalformedReplyException {
        Objects.requireNonNull(xml, "xml");
        return parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws MalformedReplyException when the bytes are not well-formed XML, carry a DTD, are a SOAP
     *         Fault, or are not a GeefSociaalStatuut answer; the message never quotes an INSZ
     */
    public static GeefSociaalStatuutReply parse(byte[] xml) throws MalformedReplyException {
        Objects.requireNonNull(xml, "xml");
        if (xml.length == 0) throw new MalformedReplyException("the reply is empty");
        if (xml.length > MAX_REPLY_BYTES) throw new MalformedReplyException("the reply is larger than " + MAX_REPLY_BYTES + " bytes");
        SafeXml.requireDepthAtMost(xml, MAX_DEPTH);
        try {
            return read(xml);
        } catch (OutOfMemoryError e) {
            throw e;
        } catch (Error e) { // e.g. a StackOverflowError deep in a parser: a bad reply must not fail a whole batch
            throw new MalformedReplyException("the reply could not be parsed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static GeefSociaalStatuutReply read(byte[] xml) throws MalformedReplyException {
        Document doc;
        try {
            doc = SafeXml.parse(xml);
        } catch (SAXException e) {
            throw new MalformedReplyException("the reply is not well-formed or safe XML: " + InszRedaction.scrub(e.getMessage()), e);
        } catch (IOException e) {
            throw new MalformedReplyException("the reply could not be read: " + e.getMessage(), e);
        }
        Element response = responseElement(doc.getDocumentElement());
        Element repliek = SafeXml.child(response, "Repliek");
        if (repliek == null) throw new MalformedReplyException("GeefSociaalStatuutResponse has no Repliek");
        String platformReference = SafeXml.text(repliek, "Context", "Bericht", "Afzender", "Referte");
        if (platformReference == null || platformReference.isEmpty()) {
            throw new MalformedReplyException("the reply has no Repliek/Context/Bericht/Afzender/Referte");
        }
        String receiverReference = SafeXml.text(repliek, "Context", "Bericht", "Ontvanger", "Referte");
        Element antwoord = SafeXml.path(repliek, "Antwoorden", "Antwoord");
        String answerReference = antwoord == null ? null : SafeXml.text(antwoord, "Referte");
        if (antwoord != null && (answerReference == null || answerReference.isEmpty())) {
            throw new MalformedReplyException("the reply's Antwoord has no Referte");
        }
        Element persoon = antwoord == null ? null : SafeXml.path(antwoord, "Inhoud", "Persoon");
        String insz = persoon == null ? null : SafeXml.text(persoon, "INSZ");
        if (persoon != null && (insz == null || insz.isEmpty())) throw new MalformedReplyException("the reply's Persoon has no INSZ");
        String personStatus = persoon == null || SafeXml.child(persoon, "Status") == null ? null
                : nullToEmpty(SafeXml.text(persoon, "Status", "Code"));
        List<SociaalStatuut> statuten = persoon == null ? List.of() : statuten(persoon);
        return new GeefSociaalStatuutReply(platformReference, receiverReference, answerReference, persoon != null, insz, personStatus,
                statuten, uitzonderingen(response));
    }

    private static Element responseElement(Element root) throws MalformedReplyException {
        Element candidate = root;
        if ("Envelope".equals(SafeXml.localName(root))) {
            Element body = SafeXml.child(root, "Body");
            if (body == null) throw new MalformedReplyException("the SOAP envelope has no Body");
            candidate = SafeXml.firstElement(body);
            if (candidate == null) throw new MalformedReplyException("the SOAP Body is empty");
            if ("Fault".equals(SafeXml.localName(candidate))) {
                throw new MalformedReplyException("the platform answered a SOAP Fault (faultcode "
                        + InszRedaction.scrub(SafeXml.text(candidate, "faultcode")) + ": "
                        + InszRedaction.scrub(SafeXml.text(candidate, "faultstring")) + ")");
            }
        }
        if (!"GeefSociaalStatuutResponse".equals(SafeXml.localName(candidate))) {
            throw new MalformedReplyException("not a GeefSociaalStatuut reply: found element <"
                    + InszRedaction.scrub(SafeXml.localName(candidate)) + ">");
        }
        return candidate;
    }

    private static List<SociaalStatuut> statuten(Element persoon) throws MalformedReplyException {
        Element list = SafeXml.child(persoon, "SocialeStatuten");
        if (list == null) return List.of();
        List<SociaalStatuut> result = new ArrayList<>();
        for (Element s : SafeXml.children(list, "SociaalStatuut")) {
            String naam = SafeXml.text(s, "Naam");
            if (naam == null || naam.isEmpty()) throw new MalformedReplyException("a SociaalStatuut has no Naam");
            String code = SafeXml.text(s, "Resultaat", "Code");
            boolean applies;
            if ("1".equals(code)) {
                applies = true;
            } else if ("0".equals(code)) {
                applies = false;
            } else {
                throw new MalformedReplyException("SociaalStatuut " + InszRedaction.scrub(naam)
                        + " has Resultaat/Code '" + InszRedaction.scrub(code) + "', expected 0 or 1");
            }
            String status = SafeXml.child(s, "Status") == null ? null : nullToEmpty(SafeXml.text(s, "Status", "Code"));
            result.add(new SociaalStatuut(naam, applies, periodes(s, naam), status));
        }
        return result;
    }

    private static List<Periode> periodes(Element statuut, String naam) throws MalformedReplyException {
        Element periodes = SafeXml.child(statuut, "Periodes");
        if (periodes == null) return List.of();
        List<Periode> result = new ArrayList<>();
        for (Element p : SafeXml.children(periodes, "Periode")) {
            LocalDate begin = date(SafeXml.text(p, "Begindatum"), naam);
            if (begin == null) throw new MalformedReplyException("a Periode of " + InszRedaction.scrub(naam) + " has no Begindatum");
            result.add(new Periode(begin, date(SafeXml.text(p, "Einddatum"), naam)));
        }
        return result;
    }

    /** xs:date, possibly with a time zone suffix ({@code 2024-01-01+01:00}). */
    private static LocalDate date(String text, String naam) throws MalformedReplyException {
        if (text == null || text.isEmpty()) return null;
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new MalformedReplyException("a Periode of " + InszRedaction.scrub(naam) + " has a date that is not YYYY-MM-DD");
        }
    }

    private static List<Uitzondering> uitzonderingen(Element response) throws MalformedReplyException {
        NodeList nodes = response.getElementsByTagNameNS("*", "Uitzondering");
        List<Uitzondering> result = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element u = (Element) nodes.item(i);
            String type = SafeXml.text(u, "Type");
            UitzonderingType parsed;
            try {
                parsed = UitzonderingType.valueOf(type == null ? "" : type);
            } catch (IllegalArgumentException e) {
                throw new MalformedReplyException("an Uitzondering has Type '" + InszRedaction.scrub(type)
                        + "', expected FOUT, WAARSCHUWING or INFORMATIE");
            }
            result.add(new Uitzondering(nullToEmpty(SafeXml.text(u, "Identificatie")),
                    nullToEmpty(SafeXml.text(u, "Oorsprong")), parsed, nullToEmpty(SafeXml.text(u, "Diagnose")),
                    nullToEmpty(SafeXml.text(u, "Omstandigheid"))));
        }
        return result;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** {@code Repliek/Context/Bericht/Afzender/Referte}: the platform's reference, for audit. */
    public String platformReference() {
        return platformReference;
    }

    /** {@code Ontvanger/Referte}: the platform's echo of our own Referte, when present. */
    public Optional<String> receiverReference() {
        return Optional.ofNullable(receiverReference);
    }

    /** {@code Antwoord/Referte}: the reference of the question this answers, when the reply has an Antwoord. */
    public Optional<String> answerReference() {
        return Optional.ofNullable(answerReference);
    }

    /** Whether the reply has an {@code Antwoord/Inhoud/Persoon}. */
    public boolean hasPerson() {
        return hasPerson;
    }

    /** The code of a person-level {@code Status} given instead of the statuses asked (e.g. {@code SSH00048}). */
    public Optional<String> personStatus() {
        return Optional.ofNullable(personStatus);
    }

    /** What a code of the platform looks like ({@code 30001}, {@code SSH00048}); anything else is text, never kept. */
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]{1,40}");

    /**
     * Every code the platform gave, in the order of the reply, each once: the person-level Status code, the
     * per-status Status codes, then per Uitzondering its Identificatie and its Omstandigheid when that is a code.
     * Codes only, never MAGDA's texts; scrubbed of anything that may be an INSZ.
     */
    public List<String> codes() {
        Set<String> codes = new LinkedHashSet<>();
        if (personStatus != null) codes.add(personStatus);
        for (SociaalStatuut s : statuten) {
            if (s.statusCode() != null) codes.add(s.statusCode());
        }
        for (Uitzondering u : uitzonderingen) {
            codes.add(u.identificatie());
            codes.add(u.omstandigheid());
        }
        return codes.stream().filter(c -> CODE.matcher(c).matches()).map(InszRedaction::scrub).distinct().toList();
    }

    /** The INSZ digits the answer is about, when present. Personal data: compare, never log. */
    public Optional<String> personInsz() {
        return Optional.ofNullable(personInsz);
    }

    public List<SociaalStatuut> statuten() {
        return statuten;
    }

    public List<Uitzondering> uitzonderingen() {
        return uitzonderingen;
    }

    /** The Uitzonderingen of type FOUT: the platform could not answer (part of) the question. */
    public List<Uitzondering> fouten() {
        return uitzonderingen.stream().filter(u -> u.type() == UitzonderingType.FOUT).toList();
    }

    @Override
    public String toString() {
        return "GeefSociaalStatuutReply[platformReference=" + platformReference + ", statuten=" + statuten
                + ", uitzonderingen=" + uitzonderingen + "]";
    }

    /**
     * One answered status.
     *
     * @param vanToepassing whether it applies (Resultaat/Code 1)
     * @param periodes      the periods the platform gives (possibly none)
     * @param statusCode    the code of a {@code Status} next to the result (e.g. {@code SSH00047}), else null
     */
    public record SociaalStatuut(String naam, boolean vanToepassing, List<Periode> periodes, String statusCode) {
        public SociaalStatuut {
            periodes = List.copyOf(periodes);
        }

        /** Applies on {@code date}: code 1, and when the reply gives periods, one of them covers the date. */
        public boolean appliesOn(LocalDate date) {
            return vanToepassing && (periodes.isEmpty() || periodes.stream().anyMatch(p -> p.covers(date)));
        }
    }

    /** A period in which a status applies; {@code einde} is {@code null} when open-ended. */
    public record Periode(LocalDate begin, LocalDate einde) {
        public boolean covers(LocalDate date) {
            return !date.isBefore(begin) && (einde == null || !date.isAfter(einde));
        }
    }

    /** Severity of an Uitzondering. */
    public enum UitzonderingType { FOUT, WAARSCHUWING, INFORMATIE }

    /**
     * An Uitzondering: MAGDA's error, warning or information element.
     *
     * @param identificatie the MAGDA code, e.g. {@code 30003}
     * @param oorsprong     where it arose, e.g. {@code KSZ}
     * @param diagnose      MAGDA's text, e.g. {@code Onbestaande INSZ}
     * @param omstandigheid the circumstance, the part of the question it is about (in the official answers a status
     *                      code such as {@code SSH00048}); may be empty
     */
    public record Uitzondering(String identificatie, String oorsprong, UitzonderingType type, String diagnose, String omstandigheid) {
    }
}

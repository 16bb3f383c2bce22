package be.proactief.magda;

import be.proactief.core.insz.Insz;
import be.proactief.core.platform.SocialStatusSource;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One GeefSociaalStatuut 03.00 question as a SOAP 1.1 envelope: does each of 1–8 named social
 * statuses (<em>sociale statuten</em>) apply to one person on one date?
 *
 * <p>Shape (local names; only the {@code GeefSociaalStatuut} element is namespace-qualified):
 * {@code Envelope/Body/GeefSociaalStatuut/Verzoek/{Context, Vragen/Vraag}} where Context carries
 * Naam {@code GeefSociaalStatuut}, Versie {@code 03.00.0000} and the Bericht (message): Type
 * {@code VRAAG} (question), Tijdstip (moment: Datum, Tijd), and the Afzender (sender: Identificatie,
 * Referte = reference, Hoedanigheid = capacity code). The Vraag carries the same Referte and
 * {@code Inhoud/Criteria/{INSZ, SocialeStatuten/SociaalStatuut*(Naam, Datum/Datum)}}.
 *
 * <p>Every request gets a fresh Referte ({@code prefix + UUID}), used for both the Afzender and the
 * Vraag so that the platform's answer and its audit trail can be matched to this message. All
 * text is XML-escaped. {@link #toString()} never shows the INSZ.
 */
public final class GeefSociaalStatuutRequest {

    public static final String NAMESPACE = "http://magda.vlaanderen.be/soczek/soap/geefsociaalstatuut/v03_00";
    public static final String SOAP_ENV_NAMESPACE = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String SERVICE_NAME = "GeefSociaalStatuut";
    public static final String SERVICE_VERSION = "03.00.0000";
    /** The XSD types a status Naam as {@code TekstType}: at most 120 characters. */
    public static final int MAX_NAME_LENGTH = 120;
    /** Belgian time: the platform reads Tijdstip as local time. */
    public static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    /** {@code HH:mm:ss.000}: the platform's documentation says some services accept no other milliseconds. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss'.000'");

    private final String senderIdentification;
    private final String hoedanigheid;
    private final String referte;
    private final Insz insz;
    private final List<String> statusNames;
    private final LocalDate date;
    private final LocalDateTime tijdstip;

    /**
     * @param statusNames 1–8 distinct, non-blank names of at most 120 characters
     * @throws IllegalArgumentException on a wrong number of names, a blank or too long name
     */
    public GeefSociaalStatuutRequest(String senderIdentification, String hoedanigheid, String referte,
                                     Insz insz, List<String> statusNames, LocalDate date, LocalDateTime tijdstip) {
        this.senderIdentification = requireText(senderIdentification, "Afzender/Identificatie");
        this.hoedanigheid = requireText(hoedanigheid, "Afzender/Hoedanigheid");
        this.referte = requireText(referte, "Referte");
        this.insz = Objects.requireNonNull(insz, "insz");
        this.statusNames = validNames(statusNames);
        this.date = Objects.requireNonNull(date, "date");
        this.tijdstip = Objects.requireNonNull(tijdstip, "tijdstip");
    }

    /** A question under the default registration, with a fresh Referte, stamped now (Brussels time) by {@code clock}. */
    public static GeefSociaalStatuutRequest forQuestion(MagdaConfig config, Insz insz, List<String> statusNames,
                                                        LocalDate date, Clock clock) {
        return forQuestion(config, config.registration(), insz, statusNames, date, clock);
    }

    /** A question under {@code registration} (a scheme's own), with a fresh Referte, stamped now (Brussels time). */
    public static GeefSociaalStatuutRequest forQuestion(MagdaConfig config, be.proactief.core.platform.PlatformRegistration registration,
                                                        Insz insz, List<String> statusNames, LocalDate date, Clock clock) {
        return new GeefSociaalStatuutRequest(registration.identificatie(), registration.hoedanigheid(),
                config.referencePrefix() + UUID.randomUUID(), insz, statusNames, date,
                LocalDateTime.now(clock.withZone(BRUSSELS)));
    }

    private static List<String> validNames(List<String> names) {
        Objects.requireNonNull(names, "statusNames");
        Set<String> distinct = new LinkedHashSet<>();
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a social status name is blank");
            }
            String stripped = name.strip();
            if (stripped.length() > MAX_NAME_LENGTH) {
                throw new IllegalArgumentException("social status name '" + stripped.substring(0, 20)
                        + "…' is longer than " + MAX_NAME_LENGTH + " characters");
            }
            SafeXml.escape(stripped); // rejects characters XML cannot carry
            distinct.add(stripped);
        }
        if (distinct.isEmpty() || distinct.size() > SocialStatusSource.MAX_STATUSES_PER_QUESTION) {
            throw new IllegalArgumentException("a GeefSociaalStatuut question asks 1 to "
                    + SocialStatusSource.MAX_STATUSES_PER_QUESTION + " distinct statuses, got " + distinct.size());
        }
        return List.copyOf(distinct);
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(what + " is missing");
        return value.strip();
    }

    /** The Referte of this message (Afzender and Vraag): our side of the audit trail. */
    public String referte() {
        return referte;
    }

    /** The distinct status names asked, in the order given. */
    public List<String> statusNames() {
        return statusNames;
    }

    public LocalDate date() {
        return date;
    }

    /** The SOAP 1.1 envelope to POST. Contains the INSZ: never log it. */
    public String toSoapEnvelope() {
        StringBuilder x = new StringBuilder(1600 + statusNames.size() * 160);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<soapenv:Envelope xmlns:soapenv=\"").append(SOAP_ENV_NAMESPACE)
                .append("\" xmlns:web=\"").append(NAMESPACE).append("\">")
                .append("<soapenv:Header/>")
                .append("<soapenv:Body>")
                .append("<web:GeefSociaalStatuut>")
                .append("<Verzoek>")
                .append("<Context>")
                .append(el("Naam", SERVICE_NAME))
                .append(el("Versie", SERVICE_VERSION))
                .append("<Bericht>")
                .append(el("Type", "VRAAG"))
                .append("<Tijdstip>")
                .append(el("Datum", tijdstip.toLocalDate().toString()))
                .append(el("Tijd", TIME.format(tijdstip)))
                .append("</Tijdstip>")
                .append("<Afzender>")
                .append(el("Identificatie", senderIdentification))
                .append(el("Referte", referte))
                .append(el("Hoedanigheid", hoedanigheid))
                .append("</Afzender>")
                .append("</Bericht>")
                .append("</Context>")
                .append("<Vragen>")
                .append("<Vraag>")
                .append(el("Referte", referte))
                .append("<Inhoud>")
                .append("<Criteria>")
                .append(el("INSZ", insz.digits()))
                .append("<SocialeStatuten>");
        for (String name : statusNames) {
            x.append("<SociaalStatuut>")
                    .append(el("Naam", name))
                    .append("<Datum>").append(el("Datum", date.toString())).append("</Datum>")
                    .append("</SociaalStatuut>");
        }
        x.append("</SocialeStatuten>")
                .append("</Criteria>")
                .append("</Inhoud>")
                .append("</Vraag>")
                .append("</Vragen>")
                .append("</Verzoek>")
                .append("</web:GeefSociaalStatuut>")
                .append("</soapenv:Body>")
                .append("</soapenv:Envelope>");
        return x.toString();
    }

    private static String el(String name, String text) {
        return "<" + name + ">" + SafeXml.escape(text) + "</" + name + ">";
    }

    /** Safe to log: reference, statuses and date, the INSZ masked. */
    @Override
    public String toString() {
        return "GeefSociaalStatuut[referte=" + referte + ", insz=" + insz.masked() + ", statuses="
                + new ArrayList<>(statusNames) + ", date=" + date + "]";
    }
}

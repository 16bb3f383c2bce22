package be.proactief.testkit.magda;

import be.proactief.core.insz.Insz;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A plain SOAP caller for the simulator tests: builds a GeefSociaalStatuut question and reads the answer by local names. */
final class SoapCalls {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private SoapCalls() {
    }

    static String question(String senderRef, Insz insz, LocalDate date, String... statuses) {
        StringBuilder s = new StringBuilder();
        for (String name : statuses) {
            s.append("<SociaalStatuut><Naam>").append(name).append("</Naam><Datum><Datum>").append(date)
                    .append("</Datum></Datum></SociaalStatuut>");
        }
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:web=\"http://magda.vlaanderen.be/soczek/soap/geefsociaalstatuut/v03_00\"><soapenv:Header/><soapenv:Body>"
                + "<web:GeefSociaalStatuut><Verzoek><Context><Naam>GeefSociaalStatuut</Naam><Versie>03.00.0000</Versie><Bericht>"
                + "<Type>VRAAG</Type><Tijdstip><Datum>2025-01-01</Datum><Tijd>12:00:00.000</Tijd></Tijdstip>"
                + "<Afzender><Identificatie>gent.be/proactief</Identificatie><Referte>" + senderRef + "</Referte>"
                + "<Hoedanigheid>1303</Hoedanigheid></Afzender></Bericht></Context><Vragen><Vraag><Referte>" + senderRef
                + "</Referte><Inhoud><Criteria><INSZ>" + insz.digits() + "</INSZ><SocialeStatuten>" + s
                + "</SocialeStatuten></Criteria></Inhoud></Vraag></Vragen></Verzoek></web:GeefSociaalStatuut>"
                + "</soapenv:Body></soapenv:Envelope>";
    }

    static HttpResponse<String> post(URI endpoint, String body) throws Exception {
        return post(endpoint, body, Duration.ofSeconds(10));
    }

    static HttpResponse<String> post(URI endpoint, String body, Duration timeout) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> ask(MagdaSimulator simulator, Insz insz, LocalDate date, String... statuses) throws Exception {
        return post(simulator.endpoint(), question(UUID.randomUUID().toString(), insz, date, statuses));
    }

    static HttpResponse<String> admin(MagdaSimulator simulator, String method, String pathAndQuery, String body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        return HTTP.send(HttpRequest.newBuilder(simulator.adminUri().resolve(pathAndQuery)).method(method, publisher).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** Status name → Resultaat/Code of each SociaalStatuut in the answer. */
    static Map<String, String> codes(String xml) throws Exception {
        Map<String, String> codes = new LinkedHashMap<>();
        NodeList statuten = parse(xml).getElementsByTagNameNS("*", "SociaalStatuut");
        for (int i = 0; i < statuten.getLength(); i++) {
            Element s = (Element) statuten.item(i);
            codes.put(text(s, "Naam"), text(child(s, "Resultaat"), "Code"));
        }
        return codes;
    }

    /** The texts of every element with this local name, in document order. */
    static List<String> texts(String xml, String localName) throws Exception {
        NodeList nodes = parse(xml).getElementsByTagNameNS("*", localName);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) values.add(nodes.item(i).getTextContent().strip());
        return values;
    }

    /** The text at a path of local names from the document element. */
    static String at(String xml, String... path) throws Exception {
        Element e = parse(xml).getDocumentElement();
        for (String step : path) {
            e = child(e, step);
            if (e == null) return null;
        }
        return e.getTextContent().strip();
    }

    static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) return e;
        }
        return null;
    }

    static String text(Element parent, String localName) {
        Element e = child(parent, localName);
        return e == null ? null : e.getTextContent().strip();
    }
}

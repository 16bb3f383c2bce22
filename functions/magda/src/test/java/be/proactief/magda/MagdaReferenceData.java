package be.proactief.magda;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.bootstrap.DOMImplementationRegistry;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The official MAGDA reference material in {@code shared/magda} (XSDs, Digitaal Vlaanderen's mock
 * answers), read in place, never copied: from system property {@code proactief.magda.dir} (set by
 * Surefire) or found by walking up from the working directory. Tests that need it skip without it.
 *
 * <p>The two web-service XSDs import {@code Generiek-02.00/Generiek.xsd}, which shared/magda lacks;
 * the schemas here resolve that import to the project's own stand-in
 * ({@code Generiek-02.00-standin.xsd} next to this class).
 */
final class MagdaReferenceData {

    static final String ABSENT = "shared/magda absent: contract tests skipped";

    private MagdaReferenceData() {
    }

    static Optional<Path> directory() {
        String property = System.getProperty("proactief.magda.dir");
        if (property != null && !property.isBlank()) {
            Path p = Path.of(property).toAbsolutePath().normalize();
            if (Files.isDirectory(p.resolve("xsd"))) return Optional.of(p);
        }
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("magda");
            if (Files.isDirectory(candidate.resolve("xsd"))) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    /** The directory, or the calling test is skipped. */
    static Path require() {
        Optional<Path> dir = directory();
        assumeTrue(dir.isPresent(), ABSENT);
        return dir.get();
    }

    static List<Path> responseFiles() throws IOException {
        try (Stream<Path> files = Files.list(require().resolve("responses"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".xml")).sorted().toList();
        }
    }

    static Schema requestSchema() throws SAXException {
        return schema(require().resolve("xsd/GeefSociaalStatuutDienst-03.00/WebService/GeefSociaalStatuut.xsd"));
    }

    static Schema responseSchema() throws SAXException {
        return schema(require().resolve("xsd/SocZek.GeefSociaalStatuutDienst-03.00/WebService/GeefSociaalStatuutResponse.xsd"));
    }

    private static Schema schema(Path xsd) throws SAXException {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
            if (systemId != null && systemId.replace('\\', '/').endsWith("Generiek-02.00/Generiek.xsd")) {
                return standInGeneriek(systemId, baseUri);
            }
            return null; // everything else resolves relative to the file, inside shared/magda
        });
        return factory.newSchema(new StreamSource(xsd.toFile()));
    }

    private static LSInput standInGeneriek(String systemId, String baseUri) {
        try (InputStream in = MagdaReferenceData.class.getResourceAsStream("Generiek-02.00-standin.xsd")) {
            if (in == null) throw new IllegalStateException("Generiek-02.00-standin.xsd missing from the test resources");
            DOMImplementationLS ls = (DOMImplementationLS) DOMImplementationRegistry.newInstance().getDOMImplementation("LS");
            LSInput input = ls.createLSInput();
            input.setByteStream(new ByteArrayInputStream(in.readAllBytes()));
            input.setSystemId(systemId);
            input.setBaseURI(baseUri);
            return input;
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the Generiek-02.00 stand-in", e);
        }
    }

    /** Parses with namespaces, no DTDs. */
    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static Document parse(String xml) throws Exception {
        return parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** The first element in {@code doc} with this local name (e.g. the payload inside a SOAP Body). */
    static Element element(Document doc, String localName) {
        return find(doc.getDocumentElement(), localName);
    }

    private static Element find(Element e, String localName) {
        if (localName.equals(e.getLocalName())) return e;
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                Element found = find(child, localName);
                if (found != null) return found;
            }
        }
        return null;
    }

    /** Validates one element (not the SOAP envelope around it); throws with the schema's complaint. */
    static void validate(Schema schema, Element element) throws SAXException, IOException {
        schema.newValidator().validate(new DOMSource(element));
    }
}

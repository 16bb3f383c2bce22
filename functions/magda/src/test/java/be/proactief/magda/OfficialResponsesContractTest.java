package be.proactief.magda;

import be.proactief.magda.GeefSociaalStatuutReply.SociaalStatuut;
import be.proactief.magda.GeefSociaalStatuutReply.Uitzondering;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract: every mock answer Digitaal Vlaanderen publishes for GeefSociaalStatuut 03.00 parses,
 * and the parse says what the file says. The expectation is read from the file independently,
 * with XPath on local names.
 */
class OfficialResponsesContractTest {

    private static final XPath XPATH = XPathFactory.newInstance().newXPath();

    @TestFactory
    @DisplayName("each official mock answer parses to what the file states")
    Stream<DynamicTest> eachOfficialAnswerParsesToWhatItStates() throws Exception {
        List<Path> files = MagdaReferenceData.responseFiles();
        assertThat(files).as("official mock answers").hasSizeGreaterThan(10);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            byte[] bytes = Files.readAllBytes(file);
            Document doc = MagdaReferenceData.parse(bytes);

            GeefSociaalStatuutReply reply = GeefSociaalStatuutReply.parse(bytes);

            assertThat(reply.platformReference()).isEqualTo(string(doc,
                    "/*[local-name()='GeefSociaalStatuutResponse']/*[local-name()='Repliek']/*[local-name()='Context']"
                            + "/*[local-name()='Bericht']/*[local-name()='Afzender']/*[local-name()='Referte']"));
            assertThat(namesAndCodes(reply.statuten())).isEqualTo(expectedNamesAndCodes(doc));
            assertThat(reply.uitzonderingen()).extracting(u -> u.type().name())
                    .isEqualTo(texts(doc, "//*[local-name()='Uitzondering']/*[local-name()='Type']"));
            assertThat(reply.uitzonderingen()).extracting(Uitzondering::identificatie)
                    .isEqualTo(texts(doc, "//*[local-name()='Uitzondering']/*[local-name()='Identificatie']"));
            assertThat(reply.statuten()).extracting(s -> s.periodes().size())
                    .isEqualTo(expectedPeriodCounts(doc));
            String insz = string(doc, "//*[local-name()='Persoon']/*[local-name()='INSZ']");
            assertThat(reply.personInsz().orElse("")).as("the person the answer is about").isEqualTo(insz);
        }));
    }

    @TestFactory
    @DisplayName("each official mock answer parses the same inside a SOAP envelope")
    Stream<DynamicTest> eachOfficialAnswerParsesTheSameInsideASoapEnvelope() throws Exception {
        return MagdaReferenceData.responseFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String bare = Files.readString(file).replaceFirst("^<\\?xml[^>]*\\?>", "");
            String wrapped = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                    + bare + "</soap:Body></soap:Envelope>";

            GeefSociaalStatuutReply fromBare = GeefSociaalStatuutReply.parse(Files.readAllBytes(file));
            GeefSociaalStatuutReply fromEnvelope = GeefSociaalStatuutReply.parse(wrapped);

            assertThat(fromEnvelope.platformReference()).isEqualTo(fromBare.platformReference());
            assertThat(fromEnvelope.statuten()).isEqualTo(fromBare.statuten());
            assertThat(fromEnvelope.uitzonderingen()).isEqualTo(fromBare.uitzonderingen());
        }));
    }

    @TestFactory
    @DisplayName("each official mock answer is valid against the response XSD (checks the Generiek-02.00 stand-in)")
    Stream<DynamicTest> eachOfficialAnswerIsValidAgainstTheResponseSchema() throws Exception {
        var schema = MagdaReferenceData.responseSchema();
        return MagdaReferenceData.responseFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Document doc = MagdaReferenceData.parse(Files.readAllBytes(file));
            MagdaReferenceData.validate(schema, doc.getDocumentElement());
        }));
    }

    private static List<String> namesAndCodes(List<SociaalStatuut> statuten) {
        return statuten.stream().map(s -> s.naam() + "=" + (s.vanToepassing() ? "1" : "0")).toList();
    }

    private static List<String> expectedNamesAndCodes(Document doc) throws Exception {
        NodeList nodes = (NodeList) XPATH.evaluate("//*[local-name()='SociaalStatuut']", doc, XPathConstants.NODESET);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element s = (Element) nodes.item(i);
            expected.add(string(s, "*[local-name()='Naam']") + "="
                    + string(s, "*[local-name()='Resultaat']/*[local-name()='Code']"));
        }
        return expected;
    }

    private static List<Integer> expectedPeriodCounts(Document doc) throws Exception {
        NodeList nodes = (NodeList) XPATH.evaluate("//*[local-name()='SociaalStatuut']", doc, XPathConstants.NODESET);
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            counts.add(((Double) XPATH.evaluate("count(*[local-name()='Periodes']/*[local-name()='Periode'])",
                    nodes.item(i), XPathConstants.NUMBER)).intValue());
        }
        return counts;
    }

    private static List<String> texts(Object context, String expression) throws Exception {
        NodeList nodes = (NodeList) XPATH.evaluate(expression, context, XPathConstants.NODESET);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) values.add(nodes.item(i).getTextContent().strip());
        return values;
    }

    private static String string(Object context, String expression) throws Exception {
        return ((String) XPATH.evaluate("string(" + expression + ")", context, XPathConstants.STRING)).strip();
    }
}

package be.proactief.magda;

import be.proactief.core.insz.Insz;
import be.proactief.testkit.magda.DevelopmentKeystore;
import org.apache.xml.security.Init;
import org.apache.xml.security.signature.XMLSignature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request is signed as MAGDA's connector signs, and verifies with Apache Santuario's own API given only the
 * certificate: not the JDK XML-DSig API the signer uses.
 */
class WsSecuritySignerTest {

    @TempDir
    static Path dir;
    static KeyMaterial city;
    static KeyMaterial stranger;

    @BeforeAll
    static void keys() throws Exception {
        Init.init();
        city = KeyMaterial.load(new MagdaConfig.StoreRef(DevelopmentKeystore.generate(dir.resolve("city.p12"), "city.test"),
                DevelopmentKeystore.PASSWORD, "PKCS12"));
        Path other = DevelopmentKeystore.generate(dir.resolve("other.p12"), "other.test");
        stranger = KeyMaterial.of("other", Files.readAllBytes(other), DevelopmentKeystore.PASSWORD, "PKCS12");
    }

    private static String envelope() {
        MagdaConfig config = MagdaConfig.defaults(URI.create("https://magda.example/ws"), "gent.be/proactief", "1303");
        return GeefSociaalStatuutRequest.forQuestion(config, Insz.parse("85073003328"), List.of("BIM_BVT"), LocalDate.of(2026, 11, 1),
                Clock.systemUTC()).toSoapEnvelope();
    }

    /** Santuario's verdict on the document's one signature, for {@code certificate}. */
    private static boolean verifies(String signed, X509Certificate certificate, boolean secureValidation) throws Exception {
        Document doc = MagdaReferenceData.parse(signed);
        Element body = (Element) doc.getElementsByTagNameNS(GeefSociaalStatuutRequest.SOAP_ENV_NAMESPACE, "Body").item(0);
        body.setIdAttributeNS(WsSecuritySigner.WSU_NS, "Id", true);
        Element signature = (Element) doc.getElementsByTagNameNS(org.apache.xml.security.utils.Constants.SignatureSpecNS, "Signature").item(0);
        XMLSignature xml = new XMLSignature(signature, "", secureValidation);
        return xml.checkSignatureValue(certificate);
    }

    @Test
    void a_signed_request_verifies_with_an_independent_verifier_given_only_the_certificate() throws Exception {
        String signed = WsSecuritySigner.of(city, WsSecuritySigner.Algorithm.RSA_SHA256).sign(envelope());
        assertThat(verifies(signed, city.certificate(), true)).isTrue();
    }

    @Test
    void a_changed_body_does_not_verify() throws Exception {
        String signed = WsSecuritySigner.of(city, WsSecuritySigner.Algorithm.RSA_SHA256).sign(envelope());
        String tampered = signed.replace("<Naam>BIM_BVT</Naam>", "<Naam>BIM_BVT_IN_FAMILY</Naam>");
        assertThat(tampered).isNotEqualTo(signed);
        assertThat(verifies(tampered, city.certificate(), true)).isFalse();
    }

    @Test
    void another_certificate_does_not_verify_it() throws Exception {
        String signed = WsSecuritySigner.of(city, WsSecuritySigner.Algorithm.RSA_SHA256).sign(envelope());
        assertThat(verifies(signed, stranger.certificate(), true)).isFalse();
    }

    @Test
    void rsa_sha1_as_magdas_own_connector_signs_verifies_once_sha1_is_allowed_for_this_check_alone() throws Exception {
        String signed = WsSecuritySigner.of(city, WsSecuritySigner.Algorithm.RSA_SHA1).sign(envelope());
        assertThat(signed).contains("http://www.w3.org/2000/09/xmldsig#rsa-sha1");
        assertThat(verifies(signed, city.certificate(), false)).isTrue(); // secure validation refuses SHA-1 signatures
    }

    @Test
    void the_header_carries_the_certificate_as_a_token_and_the_signature_over_the_body_by_its_id() throws Exception {
        String signed = WsSecuritySigner.of(city, WsSecuritySigner.Algorithm.RSA_SHA256).sign(envelope());
        Document doc = MagdaReferenceData.parse(signed);
        Element token = (Element) doc.getElementsByTagNameNS(WsSecuritySigner.WSSE_NS, "BinarySecurityToken").item(0);
        assertThat(token.getAttribute("ValueType")).isEqualTo(WsSecuritySigner.X509_V3);
        assertThat(token.getAttribute("EncodingType")).isEqualTo(WsSecuritySigner.BASE64_BINARY);
        assertThat(Base64.getDecoder().decode(token.getTextContent().strip())).isEqualTo(city.certificate().getEncoded());
        assertThat(token.getParentNode().getLocalName()).isEqualTo("Security");
        assertThat(token.getParentNode().getParentNode().getLocalName()).isEqualTo("Header");

        Element body = (Element) doc.getElementsByTagNameNS(GeefSociaalStatuutRequest.SOAP_ENV_NAMESPACE, "Body").item(0);
        String bodyId = body.getAttributeNS(WsSecuritySigner.WSU_NS, "Id");
        Element reference = (Element) doc.getElementsByTagNameNS(WsSecuritySigner.DSIG_NS, "Reference").item(0);
        assertThat(reference.getAttribute("URI")).isEqualTo("#" + bodyId);
        assertThat(signed).contains("Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"")
                .contains("http://www.w3.org/2001/04/xmlenc#sha256").contains("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        Element str = (Element) doc.getElementsByTagNameNS(WsSecuritySigner.WSSE_NS, "SecurityTokenReference").item(0);
        assertThat(str.getParentNode().getLocalName()).isEqualTo("KeyInfo");
        Element ref = (Element) str.getElementsByTagNameNS(WsSecuritySigner.WSSE_NS, "Reference").item(0);
        assertThat(ref.getAttribute("URI")).isEqualTo("#" + token.getAttributeNS(WsSecuritySigner.WSU_NS, "Id"));
        assertThat(MagdaReferenceData.element(doc, "INSZ").getTextContent()).as("the Body's content is untouched").isEqualTo("85073003328");
    }
}

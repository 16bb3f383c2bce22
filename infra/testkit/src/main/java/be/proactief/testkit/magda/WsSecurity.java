package be.proactief.testkit.magda;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The platform's side of WS-Security, as the simulator plays it: checks that a request's Body is signed by the one
 * certificate it trusts (as MAGDA checks a city's), and signs its replies' Body. Written on the JDK's XML-DSig API
 * apart from the client's signer, so that a test of one is not a test of itself.
 */
final class WsSecurity {

    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    private static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";

    /** Why a request was refused: the text of the SOAP fault. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private WsSecurity() {
    }

    /** @throws Refused when the request is unsigned, signed by another certificate, or its Body changed after signing */
    static void verify(byte[] request, X509Certificate trusted) throws Refused {
        Document doc;
        try {
            doc = SimulatorXml.parse(request);
        } catch (Exception e) {
            throw new Refused("wsse:InvalidSecurity: the request is not well-formed XML");
        }
        Element envelope = doc.getDocumentElement();
        Element header = child(envelope, SOAP_ENV, "Header");
        Element body = child(envelope, SOAP_ENV, "Body");
        Element security = header == null ? null : child(header, WSSE, "Security");
        if (security == null || body == null) throw new Refused("wsse:InvalidSecurity: the request carries no WS-Security header");
        Element token = child(security, WSSE, "BinarySecurityToken");
        Element signature = child(security, XMLSignature.XMLNS, "Signature");
        if (token == null || signature == null) throw new Refused("wsse:InvalidSecurity: the request is not signed");
        X509Certificate presented;
        try {
            presented = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getMimeDecoder().decode(token.getTextContent().strip())));
        } catch (Exception e) {
            throw new Refused("wsse:InvalidSecurityToken: the BinarySecurityToken is not an X.509 certificate");
        }
        if (!presented.equals(trusted)) throw new Refused("wsse:FailedAuthentication: the request is signed with a certificate the platform does not know");
        String bodyId = body.getAttributeNS(WSU, "Id");
        if (bodyId.isEmpty()) throw new Refused("wsse:FailedCheck: the Body carries no wsu:Id");
        try {
            XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
            DOMValidateContext context = new DOMValidateContext(trusted.getPublicKey(), signature);
            context.setIdAttributeNS(body, WSU, "Id");
            Element method = (Element) signature.getElementsByTagNameNS(XMLSignature.XMLNS, "SignatureMethod").item(0);
            if (method != null && SignatureMethod.RSA_SHA1.equals(method.getAttribute("Algorithm"))) {
                // the platform accepts RSA-SHA1 (its own connector signs so); the JDK's secure validation would refuse it
                context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.FALSE);
            }
            XMLSignature xml = factory.unmarshalXMLSignature(context);
            List<?> references = xml.getSignedInfo().getReferences();
            if (references.size() != 1 || !("#" + bodyId).equals(((Reference) references.get(0)).getURI())) {
                throw new Refused("wsse:FailedCheck: the signature does not cover the Body");
            }
            if (!xml.validate(context)) throw new Refused("wsse:FailedCheck: the signature does not match the Body (changed after signing?)");
        } catch (Refused e) {
            throw e;
        } catch (Exception e) {
            throw new Refused("wsse:FailedCheck: the signature cannot be checked (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The reply with a WS-Security header signing its Body (RSA-SHA256, exclusive C14N), as the platform may sign. */
    static String sign(String reply, KeyStore.PrivateKeyEntry key) {
        try {
            Document doc = SimulatorXml.parse(reply.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Element envelope = doc.getDocumentElement();
            Element body = child(envelope, SOAP_ENV, "Body");
            Element header = child(envelope, SOAP_ENV, "Header");
            if (header == null) {
                header = doc.createElementNS(SOAP_ENV, "soapenv:Header");
                envelope.insertBefore(header, body);
            }
            String id = "reply-" + UUID.randomUUID();
            body.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:wsu", WSU);
            body.setAttributeNS(WSU, "wsu:Id", id);
            Element security = doc.createElementNS(WSSE, "wsse:Security");
            security.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:wsse", WSSE);
            header.appendChild(security);
            XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
            Reference ref = f.newReference("#" + id, f.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(f.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)), null, null);
            SignedInfo si = f.newSignedInfo(f.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    f.newSignatureMethod("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", null), List.of(ref));
            DOMSignContext context = new DOMSignContext(key.getPrivateKey(), security);
            context.setIdAttributeNS(body, WSU, "Id");
            f.newXMLSignature(si, null).sign(context);
            StringWriter out = new StringWriter();
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("the simulator could not sign its reply: " + e.getMessage(), e);
        }
    }

    private static Element child(Element parent, String ns, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) return e;
        }
        return null;
    }
}

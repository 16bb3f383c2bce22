package be.proactief.magda;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Checks that a reply's SOAP {@code Body} is signed by the platform's certificate ({@code MAGDA_VERIFY_REPLY_SIGNATURE}):
 * one {@code ds:Signature} in the {@code wsse:Security} header whose one reference is the Body actually carried
 * (by its {@code wsu:Id}; no other element can stand in for it), valid for the configured certificate's key, whatever
 * certificate the reply itself carries. The JDK's secure validation applies. Thread-safe.
 */
final class ReplySignatureVerifier {

    private final X509Certificate platform;

    ReplySignatureVerifier(X509Certificate platform) {
        this.platform = platform;
    }

    /** @throws MalformedReplyException saying why the reply is not signed by the platform */
    void verify(byte[] reply) throws MalformedReplyException {
        if (reply.length > GeefSociaalStatuutReply.MAX_REPLY_BYTES) throw new MalformedReplyException("the reply is larger than 1 MiB");
        SafeXml.requireDepthAtMost(reply, GeefSociaalStatuutReply.MAX_DEPTH); // before any parser that recurses
        try {
            check(reply);
        } catch (OutOfMemoryError e) {
            throw e;
        } catch (Error e) {
            throw new MalformedReplyException("the reply's signature cannot be checked (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void check(byte[] reply) throws MalformedReplyException {
        Document doc;
        try {
            doc = SafeXml.parse(reply);
        } catch (Exception e) {
            throw new MalformedReplyException("not well-formed XML");
        }
        Element envelope = doc.getDocumentElement();
        Element body = SafeXml.child(envelope, "Body");
        if (body == null) throw new MalformedReplyException("no SOAP Body");
        String bodyId = body.getAttributeNS(WsSecuritySigner.WSU_NS, "Id");
        NodeList found = doc.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        if (found.getLength() != 1 || bodyId.isEmpty()) throw new MalformedReplyException("the reply is not signed (WS-Security)");
        Element signature = (Element) found.item(0);
        Element header = SafeXml.child(envelope, "Header");
        if (header == null || !(signature.getParentNode() instanceof Element security) || !"Security".equals(security.getLocalName())
                || !WsSecuritySigner.WSSE_NS.equals(security.getNamespaceURI()) || security.getParentNode() != header) {
            throw new MalformedReplyException("the reply's signature is not in its WS-Security header");
        }
        try {
            DOMValidateContext context = new DOMValidateContext(platform.getPublicKey(), signature);
            context.setIdAttributeNS(body, WsSecuritySigner.WSU_NS, "Id");
            XMLSignature xml = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
            @SuppressWarnings("unchecked")
            List<Reference> references = xml.getSignedInfo().getReferences();
            if (references.size() != 1 || !("#" + bodyId).equals(references.get(0).getURI())) {
                throw new MalformedReplyException("the reply's signature does not cover its Body");
            }
            if (!xml.validate(context)) throw new MalformedReplyException("the reply's signature is not valid for the platform's certificate");
        } catch (MalformedReplyException e) {
            throw e;
        } catch (Exception e) {
            throw new MalformedReplyException("the reply's signature cannot be checked (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** @throws IllegalArgumentException for text that is not one PEM X.509 certificate */
    static X509Certificate certificateFromPem(String pem) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("not a PEM X.509 certificate (-----BEGIN CERTIFICATE----- …)");
        }
    }
}

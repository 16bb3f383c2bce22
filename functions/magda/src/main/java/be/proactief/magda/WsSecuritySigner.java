package be.proactief.magda;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.crypto.dom.DOMStructure;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.ExcC14NParameterSpec;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Signs a SOAP 1.1 request as MAGDA's own connector does (WS-Security 1.0, X.509 token profile): a
 * {@code wsse:Security} header holding a {@code BinarySecurityToken} (X509v3, Base64Binary) of the client certificate
 * and a {@code ds:Signature} over the SOAP {@code Body}, referenced by its {@code wsu:Id}; exclusive C14N for the
 * canonicalization and the reference transform, SHA-256 digest, RSA-SHA256 (or RSA-SHA1, which MAGDA's connector
 * uses), and {@code KeyInfo} as a {@code SecurityTokenReference} to the token. The JDK's XML Digital Signature API
 * does the cryptography; any standard verifier given the certificate checks it. Thread-safe.
 */
public final class WsSecuritySigner {

    public static final String WSSE_NS = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public static final String WSU_NS = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    public static final String X509_V3 = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3";
    public static final String BASE64_BINARY = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary";
    static final String DSIG_NS = XMLSignature.XMLNS;

    /** The signature algorithms MAGDA accepts ({@code MAGDA_SIGNATURE_ALGORITHM}). */
    public enum Algorithm {
        RSA_SHA256("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"),
        RSA_SHA1(SignatureMethod.RSA_SHA1);

        final String uri;

        Algorithm(String uri) {
            this.uri = uri;
        }
    }

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final String encodedCertificate;
    private final Algorithm algorithm;

    public WsSecuritySigner(PrivateKey key, X509Certificate certificate, Algorithm algorithm) {
        this.key = Objects.requireNonNull(key, "key");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        if (!"RSA".equals(key.getAlgorithm())) {
            throw new IllegalArgumentException("MAGDA signs with RSA: the keystore's key is " + key.getAlgorithm());
        }
        try {
            this.encodedCertificate = Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the client certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    /** From the keystore's one key entry (the certificate MAGDA issued, also used for mutual TLS). */
    public static WsSecuritySigner of(KeyMaterial material, Algorithm algorithm) {
        return new WsSecuritySigner(material.privateKey(), material.certificate(), algorithm);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    /** @return the envelope with its {@code wsse:Security} header; the Body's content is untouched */
    public String sign(String soapEnvelope) {
        Document doc = SafeXml.parseOwn(soapEnvelope);
        Element envelope = doc.getDocumentElement();
        String soapNs = envelope.getNamespaceURI();
        Element header = child(envelope, soapNs, "Header");
        Element body = child(envelope, soapNs, "Body");
        if (body == null) throw new IllegalArgumentException("not a SOAP envelope: no Body");
        if (header == null) {
            header = doc.createElementNS(soapNs, envelope.getPrefix() == null ? "Header" : envelope.getPrefix() + ":Header");
            envelope.insertBefore(header, body);
        }
        String bodyId = "id-" + UUID.randomUUID();
        String tokenId = "X509-" + UUID.randomUUID();
        body.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:wsu", WSU_NS);
        body.setAttributeNS(WSU_NS, "wsu:Id", bodyId);
        body.setIdAttributeNS(WSU_NS, "Id", true);

        Element security = doc.createElementNS(WSSE_NS, "wsse:Security");
        security.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:wsse", WSSE_NS);
        security.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:wsu", WSU_NS);
        security.setAttributeNS(soapNs, (envelope.getPrefix() == null ? "" : envelope.getPrefix() + ":") + "mustUnderstand", "1");
        header.appendChild(security);
        Element token = doc.createElementNS(WSSE_NS, "wsse:BinarySecurityToken");
        token.setAttribute("EncodingType", BASE64_BINARY);
        token.setAttribute("ValueType", X509_V3);
        token.setAttributeNS(WSU_NS, "wsu:Id", tokenId);
        token.setTextContent(encodedCertificate);
        security.appendChild(token);

        XMLSignatureFactory signatures = XMLSignatureFactory.getInstance("DOM"); // its thread-safety is not promised
        try {
            Reference reference = signatures.newReference("#" + bodyId,
                    signatures.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(signatures.newTransform(CanonicalizationMethod.EXCLUSIVE, (ExcC14NParameterSpec) null)), null, null);
            SignedInfo signedInfo = signatures.newSignedInfo(
                    signatures.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    signatures.newSignatureMethod(algorithm.uri, null), List.of(reference));
            Element str = doc.createElementNS(WSSE_NS, "wsse:SecurityTokenReference");
            Element ref = doc.createElementNS(WSSE_NS, "wsse:Reference");
            ref.setAttribute("URI", "#" + tokenId);
            ref.setAttribute("ValueType", X509_V3);
            str.appendChild(ref);
            KeyInfoFactory keyInfos = signatures.getKeyInfoFactory();
            KeyInfo keyInfo = keyInfos.newKeyInfo(List.of(new DOMStructure(str)));
            DOMSignContext context = new DOMSignContext(key, security);
            context.setDefaultNamespacePrefix("ds");
            context.setIdAttributeNS(body, WSU_NS, "Id");
            signatures.newXMLSignature(signedInfo, keyInfo).sign(context);
        } catch (GeneralSecurityException | javax.xml.crypto.MarshalException | javax.xml.crypto.dsig.XMLSignatureException e) {
            throw new IllegalStateException("signing the MAGDA request failed: " + e.getMessage(), e);
        }
        return SafeXml.serialize(doc);
    }

    private static Element child(Element parent, String ns, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName()) && Objects.equals(ns, e.getNamespaceURI())) return e;
        }
        return null;
    }
}

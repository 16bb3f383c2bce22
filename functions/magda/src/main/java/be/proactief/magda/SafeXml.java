package be.proactief.magda;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * XML helpers shared by the request builder and the reply parser: escaping text for the request,
 * and parsing replies with DTDs, external entities and XInclude switched off (no XXE, no entity
 * expansion bombs).
 */
final class SafeXml {

    private static final DocumentBuilderFactory FACTORY = hardenedFactory();

    private SafeXml() {
    }

    private static DocumentBuilderFactory hardenedFactory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setIgnoringComments(true);
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser does not support secure processing", e);
        }
    }

    /** Parses bytes (encoding from the XML declaration, UTF-8 by default). */
    static Document parse(byte[] xml) throws SAXException, IOException {
        return builder().parse(new ByteArrayInputStream(xml));
    }

    static Document parse(String xml) throws SAXException, IOException {
        return builder().parse(new InputSource(new StringReader(xml)));
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilder b;
            synchronized (FACTORY) {
                b = FACTORY.newDocumentBuilder();
            }
            b.setErrorHandler(null);
            b.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed");
            });
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads the elements' nesting without building anything (StAX, no recursion) and refuses more than {@code max}
     * levels: a reply nested thousands deep would otherwise exhaust a parser's stack.
     */
    static void requireDepthAtMost(byte[] xml, int max) throws MalformedReplyException {
        javax.xml.stream.XMLInputFactory f = javax.xml.stream.XMLInputFactory.newFactory();
        f.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        javax.xml.stream.XMLStreamReader r = null;
        try {
            r = f.createXMLStreamReader(new ByteArrayInputStream(xml));
            int depth = 0;
            while (r.hasNext()) {
                int event = r.next();
                if (event == javax.xml.stream.XMLStreamConstants.START_ELEMENT && ++depth > max) {
                    throw new MalformedReplyException("the reply nests deeper than " + max + " elements");
                } else if (event == javax.xml.stream.XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        } catch (javax.xml.stream.XMLStreamException e) {
            // not well-formed, or a DTD: the hardened DOM parser that reads it next says which, precisely
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (javax.xml.stream.XMLStreamException ignored) {
                    // nothing held
                }
            }
        }
    }

    /** Parses XML this client wrote itself (a request): a failure is a bug, not a platform fault. */
    static Document parseOwn(String xml) {
        try {
            return parse(xml);
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("the request is not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** The document as text, UTF-8, with an XML declaration and no added whitespace. */
    static String serialize(Document doc) {
        try {
            javax.xml.transform.TransformerFactory tf = javax.xml.transform.TransformerFactory.newInstance();
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            javax.xml.transform.Transformer t = tf.newTransformer();
            t.setOutputProperty(javax.xml.transform.OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(javax.xml.transform.OutputKeys.INDENT, "no");
            java.io.StringWriter out = new java.io.StringWriter(4096);
            t.transform(new javax.xml.transform.dom.DOMSource(doc), new javax.xml.transform.stream.StreamResult(out));
            return out.toString();
        } catch (javax.xml.transform.TransformerException e) {
            throw new IllegalStateException("the request cannot be written: " + e.getMessage(), e);
        }
    }

    /** Escapes text for element content and attribute values; rejects characters XML 1.0 cannot carry. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                        throw new IllegalArgumentException("text contains a character XML cannot carry (U+"
                                + String.format("%04X", (int) c) + ")");
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    /** The element children of {@code parent} with the given local name, in document order. */
    static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(localName(e))) found.add(e);
        }
        return found;
    }

    /** The first element child with the given local name, or {@code null}. */
    static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(localName(e))) return e;
        }
        return null;
    }

    /** Follows a path of local names from {@code start}; {@code null} when a step is missing. */
    static Element path(Element start, String... localNames) {
        Element current = start;
        for (String name : localNames) {
            if (current == null) return null;
            current = child(current, name);
        }
        return current;
    }

    /** The trimmed text of the element at the path, or {@code null}. */
    static String text(Element start, String... localNames) {
        Element e = path(start, localNames);
        if (e == null) return null;
        return e.getTextContent().strip();
    }

    static String localName(Node n) {
        String local = n.getLocalName();
        return local != null ? local : n.getNodeName();
    }

    /** The first element child of {@code parent}, or {@code null}. */
    static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) return e;
        }
        return null;
    }
}

package be.proactief.magda;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in platform that answers every POST with one fixed status and body, and remembers the
 * last request. For the few client behaviours the simulator cannot show (hand-written reply shapes,
 * the exact HTTP headers sent). {@value #QUESTION_REFERENCE} in the body becomes the question's Referte.
 */
final class CannedPlatform implements AutoCloseable {

    static final String QUESTION_REFERENCE = "${QUESTION_REFERENCE}";
    private static final java.util.regex.Pattern REFERTE = java.util.regex.Pattern.compile("<Referte>([^<]+)</Referte>");

    private final HttpServer server;
    private volatile Headers lastHeaders;
    private volatile String lastBody;

    CannedPlatform(int status, String body) throws IOException {
        this(status, body, java.util.Map.of());
    }

    CannedPlatform(int status, String body, java.util.Map<String, String> headers) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                lastHeaders = exchange.getRequestHeaders();
                lastBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                java.util.regex.Matcher referte = REFERTE.matcher(lastBody);
                byte[] bytes = body.replace(QUESTION_REFERENCE, referte.find() ? referte.group(1) : "").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
                headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
                exchange.sendResponseHeaders(status, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        });
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ws");
    }

    Headers lastHeaders() {
        return lastHeaders;
    }

    String lastBody() {
        return lastBody;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package be.proactief.testkit.aws;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS Secrets Manager's {@code GetSecretValue} over its real wire protocol (JSON 1.1, {@code X-Amz-Target}), enough
 * for the SDK client the functions build: no emulator on every machine serves it (moto_server is not a Debian package).
 * Counts the reads, so a test can see a secret read once.
 */
public final class SecretsManagerStandIn implements AutoCloseable {

    private static final Pattern SECRET_ID = Pattern.compile("\"SecretId\"\\s*:\\s*\"([^\"]+)\"");

    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final HttpServer server;

    public SecretsManagerStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
                Matcher id = SECRET_ID.matcher(body);
                String reply;
                int status;
                if (!"secretsmanager.GetSecretValue".equals(target) || !id.find()) {
                    status = 400;
                    reply = "{\"__type\":\"InvalidRequestException\",\"message\":\"only GetSecretValue is served here\"}";
                } else if (!secrets.containsKey(id.group(1))) {
                    status = 400;
                    reply = "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Secrets Manager can't find the specified secret.\"}";
                } else {
                    reads.incrementAndGet();
                    status = 200;
                    reply = "{\"ARN\":\"arn:aws:secretsmanager:eu-west-1:000000000000:secret:" + id.group(1) + "-AbCdEf\",\"Name\":\"" + id.group(1)
                            + "\",\"SecretString\":" + quote(secrets.get(id.group(1))) + ",\"VersionId\":\"v1\",\"VersionStages\":[\"AWSCURRENT\"]}";
                }
                byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
                exchange.sendResponseHeaders(status, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        });
        server.start();
    }

    public SecretsManagerStandIn put(String name, String secretString) {
        secrets.put(name, secretString);
        return this;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** GetSecretValue calls answered so far. */
    public int reads() {
        return reads.get();
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
